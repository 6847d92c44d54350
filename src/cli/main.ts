/**
 * `inkstone`: argv → command → exit code. No logic of its own. The build is imported only once the
 * command line has been checked, so usage errors, --help and --version answer at once.
 */
import { formatDiagnostic, messageOf } from '../diagnostics.js';
import { type Command, parseCommand } from './args.js';
import { HELP, HELP_HINT } from './help.js';
import { preflight } from './preflight.js';
import { builtLine, failedLine, previewCommand, printDiagnostics, progressPrinter } from './text.js';
import { version } from './version.js';
import { recordBuild, upToDateReport, warmBuildOf } from './warm.js';

async function runBuild(command: Command): Promise<number> {
  const started = performance.now();
  const preview = previewCommand(command.build.root, process.env.npm_lifecycle_event === 'build');
  const warm = warmBuildOf(command);
  if (warm) {
    const { report, reason } = upToDateReport(warm);
    if (command.verbose) process.stdout.write(`warm check: ${reason}\n`);
    if (report) {
      printDiagnostics(report.diagnostics);
      process.stdout.write(`${builtLine({ ...report, durationMs: performance.now() - started, upToDate: true }, report.outDir, preview)}\n`);
      return 0;
    }
  }
  const { build } = await import('../build.js');
  const report = await build({ ...command.build, onProgress: progressPrinter() });
  printDiagnostics(report.diagnostics);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (!report.ok) {
    process.stderr.write(`${failedLine(errors, report.skipped, report.outDir)}\n`);
    return 1;
  }
  const notRecorded = warm && recordBuild(warm, report);
  process.stdout.write(`${builtLine(report, report.outDir, preview)}\n`);
  if (command.verbose) {
    if (notRecorded) process.stdout.write(`warm record not written: ${notRecorded}\n`);
    const write = report.write ? `${report.write.written} written, ${report.write.unchanged} unchanged; ` : '';
    process.stdout.write(`${write}peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
  }
  return 0;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    process.stderr.write(`${formatDiagnostic(parsed.problem)}\n${HELP_HINT}\n`);
    return 2;
  }
  const command = parsed.command;
  try {
    if (command.name === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (command.name === 'version') {
      process.stdout.write(`inkstone ${version()}\n`);
      return 0;
    }
    const problem = await preflight(command);
    if (problem) {
      process.stderr.write(`${formatDiagnostic(problem)}\n`);
      return 2;
    }
    if (command.name === 'dev') {
      const { runDev } = await import('../dev/run.js');
      return await runDev(command);
    }
    return await runBuild(command);
  } catch (thrown) {
    process.stderr.write(`inkstone: internal error: ${messageOf(thrown)}\n`);
    if (command.verbose && thrown instanceof Error) process.stderr.write(`${thrown.stack}\n`);
    return 1;
  }
}

// Run directly (`node --import tsx src/cli/main.ts build`), as tests do; bin/inkstone.js imports main() instead.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
