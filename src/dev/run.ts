/** `inkstone dev`: placeholder until the dev server lands. */
import type { Command } from '../cli.js';

/** Runs the dev loop. */
export async function runDev(_command: Command): Promise<number> {
  process.stderr.write('inkstone dev: not available in this version\n');
  return 2;
}
