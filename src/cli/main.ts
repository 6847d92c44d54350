/** `inkstone`: argv → command → exit code. No logic of its own. */
import { build } from '../build.js';
import { messageOf } from '../diagnostics.js';
import { type Command, HELP, parseCommand } from './args.js';
import { plural, printDiagnostics, progressPrinter } from './text.js';

async function runBuild(command: Command): Promise<number> {
  const report = await build({ ...command.build, onProgress: progressPrinter() });
  printDiagnostics(report.diagnostics);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (!report.ok) {
    process.stderr.write(`build failed: ${plural(errors, 'error')}; ${report.outDir} was left untouched\n`);
    return 1;
  }
  process.stdout.write(`built ${plural(report.posts, 'post')}, ${plural(report.pages, 'page')} in ${Math.round(report.durationMs)} ms\n`);
  if (command.verbose) {
    const write = report.write ? `${report.write.written} written, ${report.write.unchanged} unchanged; ` : '';
    process.stdout.write(`${write}peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
  }
  return 0;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (thrown) {
    process.stderr.write(`inkstone: ${messageOf(thrown)}\n\n${HELP}`);
    return 2;
  }
  try {
    if (command.name === 'help') {
      process.stdout.write(HELP);
      return 0;
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
