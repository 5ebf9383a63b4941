import { ExitCode } from '../errors.js';
import { runShutdownHooks } from '../lifecycle.js';
import { run } from './run.js';

// Ctrl-C and `kill` close Chromium and remove temporary files before the process exits.
for (const [signal, code] of [
  ['SIGINT', ExitCode.interrupted],
  ['SIGTERM', ExitCode.terminated],
] as const) {
  process.once(signal, () => {
    void runShutdownHooks().finally(() => process.exit(code));
  });
}

const code = await run(process.argv.slice(2));
await runShutdownHooks();
process.exitCode = code;
