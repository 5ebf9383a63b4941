import { performance } from 'node:perf_hooks';
import type { Finding } from '../../check/types.js';
import { ExitCode, isDeckmarkError } from '../../errors.js';
import { type BuiltDeck, buildDeck } from '../../pipeline.js';
import { parseCommandArgs } from '../args.js';
import { buildFlags, buildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';

const checkFlags = {
  ...buildFlags,
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  'chrome-path': { type: 'string' },
} as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'build decks and lint them in Chromium (overflow, images, accessibility…)',
  usage: `deckmark check [files or folders…] [options]

Builds each deck like \`deckmark build\`, opens it in headless Chromium with the network
blocked, and reports problems as \`file:line: severity: message [rule]\`, the line being
the slide's first line in the Markdown:

  errors    overflow (content larger than the slide, in pixels), image-missing,
            javascript-link
  warnings  clipped-content, image-alt, empty-slide, no-heading, font-failed,
            external-request, page-error, accessibility/<axe rule> (colour contrast
            and other WCAG A/AA)

Exits with ${ExitCode.checkFailed} when any error is found (with --strict, any warning too), 0 otherwise.
Switch a rule off for one slide with <!-- .slide: data-check-ignore="no-heading" -->.

      --json            print the findings as one JSON array instead
      --strict          warnings fail the check too
      --ignore RULES    rules to skip, comma-separated or repeated (e.g. no-heading,accessibility)
      --chrome-path P   the Chromium or Chrome to use
${buildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, checkFlags);
    const { parseIgnoredRules } = await import('../../check/findings.js');
    const ignore = parseIgnoredRules(values.ignore);
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(positionals.length > 0 ? positionals : ['slides'], io.cwd);

    const { BrowserManager } = await import('../../browser/manager.js');
    const { checkDeck } = await import('../../check/run.js');
    const { formatFinding, formatJson, formatSummary } = await import('../../check/report.js');
    const manager = new BrowserManager({ chromePath: values['chrome-path'], environment: io.env });
    const everything: Finding[] = [];
    let buildFailure: number | undefined;
    try {
      for (const file of decks) {
        const started = performance.now();
        let built: BuiltDeck;
        try {
          built = await buildDeck(file, settings);
        } catch (error) {
          // One deck that does not build must not stop the others; it still fails the run.
          if (!isDeckmarkError(error) || decks.length === 1) throw error;
          io.err(`deckmark: ${error.toString()}`);
          buildFailure ??= error.exitCode;
          continue;
        }
        reportWarnings(io, built.warnings);
        const findings = await checkDeck(built, manager, { ignore });
        everything.push(...findings);
        if (values.json) continue;
        for (const finding of findings) io.out(formatFinding(finding));
        io.out(formatSummary(file, built.rendered.slides.length, findings, performance.now() - started));
      }
    } finally {
      await manager.dispose();
    }
    if (values.json) io.out(formatJson(everything));
    if (buildFailure !== undefined) return buildFailure;
    const failing = everything.some((finding) => finding.severity === 'error' || (values.strict && finding.severity === 'warning'));
    return failing ? ExitCode.checkFailed : ExitCode.ok;
  },
};
