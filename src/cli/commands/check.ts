import { performance } from 'node:perf_hooks';
import type { Finding } from '../../check/types.js';
import { ExitCode } from '../../errors.js';
import { parseCommandArgs } from '../args.js';
import { runDeckBatch } from '../browser-batch.js';
import { buildFlags, buildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { deckInputsOrDefault, expandDeckInputs } from '../inputs.js';
import { batchOptionsFrom, exportFlags, exportFlagsHelp } from './export-flags.js';

const checkFlags = {
  ...buildFlags,
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  ...exportFlags,
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
${exportFlagsHelp}
${buildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, checkFlags);
    const { parseIgnoredRules } = await import('../../check/findings.js');
    const ignore = parseIgnoredRules(values.ignore);
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(deckInputsOrDefault(positionals, io.cwd, 'check'), io.cwd);
    const [{ checkDeck }, { formatFinding, formatJson, formatSummary }] = await Promise.all([import('../../check/run.js'), import('../../check/report.js')]);
    const batch = await runDeckBatch<Finding[]>(
      decks,
      io,
      // One deck at a time: layout is measured, and two pages at once would compete for the cores.
      { ...batchOptionsFrom(values, settings), parallel: 1 },
      {
        async run(built, { manager, deadline }) {
          const started = performance.now();
          const findings = await checkDeck(built, manager, { ignore, deadline });
          if (!values.json) {
            for (const finding of findings) io.out(formatFinding(finding));
            io.out(formatSummary(built.file, built.rendered.slides.length, findings, performance.now() - started));
          }
          return findings;
        },
      },
    );
    const everything = batch.results.flatMap((findings) => findings ?? []);
    if (values.json) io.out(formatJson(everything));
    if (batch.code !== 0) return batch.code;
    const failing = everything.some((finding) => finding.severity === 'error' || (values.strict && finding.severity === 'warning'));
    return failing ? ExitCode.checkFailed : ExitCode.ok;
  },
};
