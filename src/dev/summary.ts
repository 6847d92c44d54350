/** The dev loop's terminal text: one line per rebuild, naming what triggered it and what it wrote. */
import path from 'node:path';
import { plural } from '../cli/text.js';
import { toSlashes } from '../fs/list-tree.js';
import type { RebuildPlan } from './batcher.js';
import type { OutputChange, OutputKind } from './output-mirror.js';
import type { RebuildResult } from './session.js';

/** `posts/a.md`, `posts/a.md (removed)`, `posts/a.md and 2 more`. */
export function triggerLabel(root: string, plan: RebuildPlan): string {
  const entries = [...plan.files];
  const [file, info] = entries.find(([, i]) => i.kind === 'config') ?? entries[0] ?? ['', undefined];
  const rel = toSlashes(path.relative(root, file)) || file;
  const removed = info?.event === 'unlink' || info?.event === 'unlinkDir' ? ' (removed)' : '';
  const more = entries.length > 1 ? ` and ${entries.length - 1} more` : '';
  return `${rel}${removed}${more}`;
}

/** `1 page + 3 lists`, `no pages changed`: what a rebuild wrote, in a few words. */
export function describeChanges(result: Pick<RebuildResult, 'written' | 'removed' | 'full' | 'pages'>): string {
  const count = (list: OutputChange[], kinds: OutputKind[]) => list.filter((c) => kinds.includes(c.kind)).length;
  if (result.full) return `full rebuild, ${plural(result.pages, 'page')}`;
  const parts: string[] = [];
  const pages = count(result.written, ['post', 'page']);
  const lists = count(result.written, ['list', 'raw']);
  const assets = count(result.written, ['asset']);
  if (pages) parts.push(plural(pages, 'page'));
  if (lists) parts.push(plural(lists, 'list'));
  if (assets) parts.push(plural(assets, 'asset'));
  let text = parts.join(' + ');
  if (result.removed.length) text += `${text ? ', ' : ''}${result.removed.length} removed`;
  return text || 'no pages changed';
}

/**
 * The terminal line for a rebuild: `posts/x.md → 1 page + 3 lists in 18 ms`. `sameErrors`: the
 * errors were printed before and still stand (`1 error (as before)`), so they are not printed again.
 */
export function summaryLine(trigger: string, result: RebuildResult, sameErrors = false): string {
  const ms = `${Math.round(result.durationMs)} ms`;
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    return `${trigger} → ${plural(errors, 'error')}${sameErrors ? ' (as before)' : ''} in ${ms}; still serving the last good pages`;
  }
  return `${trigger} → ${describeChanges(result)} in ${ms}`;
}
