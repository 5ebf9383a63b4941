// Prints, as JSON, the Chromium deckmark itself would use, so the PDF floor runs the same browser.
import { findBrowser } from '../src/browser/finder.js';

process.stdout.write(`${JSON.stringify(await findBrowser())}\n`);
