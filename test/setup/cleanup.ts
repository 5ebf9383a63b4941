import { afterAll } from 'vitest';
import { removeWorkspaces } from '../helpers/workspace.js';

// Every test file's workspaces go when the file is done: a run leaves the temp dir as it found it.
afterAll(() => removeWorkspaces());
