/**
 * `_data/` → `site.data`, as Jekyll reads it: `.yml`/`.yaml`, `.json`, `.csv` and `.tsv` files (a
 * CSV becomes a list of rows keyed by its header), nested folders as nested objects
 * (`_data/kernel/versions.yml` → `site.data.kernel.versions`). Every unreadable file is reported.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { parseYaml } from '../content/yaml.js';
import { type Diagnostic, diagnosticFrom, LocatedError, messageOf, warning } from '../diagnostics.js';
import type { FoundFile } from '../site/model.js';

/** Extensions Jekyll reads as data. */
const DATA_FILE = /\.(ya?ml|json|csv|tsv)$/i;

/** Parses one data file's text by its extension; throws LocatedError with the line of a problem. */
export function parseDataFile(name: string, text: string): unknown {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (thrown) {
      const at = /position (\d+)/.exec(messageOf(thrown));
      const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
      throw new LocatedError(`invalid JSON: ${messageOf(thrown).replace(/ in JSON at position \d+.*$/, '')}`, '', line);
    }
  }
  if (ext === '.csv' || ext === '.tsv') {
    try {
      return parseCsv(text, { columns: true, delimiter: ext === '.tsv' ? '\t' : ',', skip_empty_lines: true, bom: true, relax_column_count: true });
    } catch (thrown) {
      const line = thrown instanceof CsvError ? (thrown as CsvError & { lines?: number }).lines : undefined;
      throw new LocatedError(`invalid ${ext.slice(1).toUpperCase()}: ${messageOf(thrown)}`, '', line);
    }
  }
  try {
    return parseYaml(text.replace(/^\uFEFF/, '')) ?? null;
  } catch (thrown) {
    throw new LocatedError(`invalid YAML: ${messageOf(thrown)}`, '', thrown instanceof LocatedError ? thrown.line : undefined);
  }
}

/** Puts `value` at the key path of `relPath` (`kernel/versions.yml` → data.kernel.versions). */
function place(data: Record<string, unknown>, relPath: string, value: unknown): void {
  const keys = relPath.replace(DATA_FILE, '').split('/');
  let node = data;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Reads every data file (`relPath` relative to `_data/`, `sitePath` for messages) into one object. */
export async function loadData(files: readonly (FoundFile & { sitePath: string })[]): Promise<{ data: Record<string, unknown>; diagnostics: Diagnostic[] }> {
  const data: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  const sorted = [...files].filter((f) => DATA_FILE.test(f.relPath)).sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  const parsed = await Promise.all(
    sorted.map(async (file) => {
      try {
        return { file, value: parseDataFile(file.relPath, await readFile(file.absPath, 'utf8')) };
      } catch (thrown) {
        diagnostics.push(diagnosticFrom(thrown, { file: file.sitePath }, thrown instanceof LocatedError ? '' : 'cannot read data file: '));
        return undefined;
      }
    }),
  );
  for (const entry of parsed) if (entry) place(data, entry.file.relPath, entry.value);
  for (const file of files)
    if (!DATA_FILE.test(file.relPath)) diagnostics.push(warning(file.sitePath, 'skipped: not a data file (use .yml, .yaml, .json, .csv or .tsv)'));
  return { data, diagnostics };
}
