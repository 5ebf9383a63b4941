import { ExitCode } from '../errors.js';
import { runShutdownHooks } from '../lifecycle.js';
import { processIO } from './io.js';
import { run } from './run.js';

let stoppedBy: NodeJS.Signals | undefined;
const io = processIO();

// Ctrl-C and `kill` close Chromium and remove temporary files before the process exits.
for (const [signal, code] of [
  ['SIGINT', ExitCode.interrupted],
  ['SIGTERM', ExitCode.terminated],
] as const) {
  process.once(signal, () => {
    stoppedBy = signal;
    process.exitCode = code;
    io.err(`deckmark: stopped by ${signal}`);
    void runShutdownHooks().finally(() => process.exit(code));
  });
}

// Errors after a signal are the shutdown's own doing (Chromium closed under a page being
// printed, a temporary file removed under its write): reporting them as failures, or as
// "internal error" with a stack, would bury the one line that says what happened.
const quietAfterSignal = (line: string) => {
  if (stoppedBy === undefined) io.err(line);
};
const code = await run(process.argv.slice(2), { ...io, err: quietAfterSignal });
await runShutdownHooks();
if (stoppedBy === undefined) process.exitCode = code;
