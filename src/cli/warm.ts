/**
 * The command line's warm path: `build` answered from the warm record when nothing the output
 * depends on changed (see warm/), and the record written after every successful build. Imports
 * node built-ins and the warm modules only, so a build that does nothing never loads the pipeline.
 */
import path from 'node:path';
import type { BuildReport } from '../build.js';
import { warmRecordFileOf } from '../config/site-paths.js';
import { checkWarmRecord } from '../warm/check.js';
import { warmKey } from '../warm/key.js';
import { type RecordedReport, readWarmRecord, removeWarmRecord, type WarmRecord, writeWarmRecord } from '../warm/record.js';
import { stampBuild } from '../warm/stamp.js';
import type { Command } from './args.js';

/** A build about to run: where its record lives and what its key is. */
export interface WarmBuild {
  recordFile: string;
  key: string;
  /** When the build started reading its inputs (ms since the epoch). */
  startedMs: number;
  /** The record found, when it was out of date: its hashes spare re-reading files that did not change. */
  previous?: WarmRecord | undefined;
}

/** The warm path of a build command, or undefined when caches are off (`--no-cache`). */
export function warmBuildOf(command: Command): WarmBuild | undefined {
  if (command.build.cache === false) return undefined;
  const root = path.resolve(command.build.root ?? '.');
  return { recordFile: warmRecordFileOf(root), key: warmKey(command.build), startedMs: Date.now() };
}

/** The last build's report when nothing changed since (the record updated if only stamps moved); else removes the record and says why. */
export function upToDateReport(warm: WarmBuild): { report?: RecordedReport; reason: string } {
  const record = readWarmRecord(warm.recordFile);
  if (!record) return { reason: 'no record of a previous build' };
  const answer = checkWarmRecord(record, warm.key, Date.now());
  if (!answer.fresh) {
    removeWarmRecord(warm.recordFile);
    warm.previous = record;
    return { reason: answer.reason };
  }
  if (answer.restamped) writeWarmRecord(warm.recordFile, record);
  return { report: record.report, reason: 'nothing changed' };
}

/** Records a successful build for the next one's check; returns why not when it cannot (an input changed while it ran). */
export function recordBuild(warm: WarmBuild, report: BuildReport): string | undefined {
  if (!report.ok || !report.inputs || !report.write) return 'the build did not finish';
  const stamped = stampBuild({
    key: warm.key,
    inputs: report.inputs,
    outputs: report.write.paths.map((p) => path.join(report.outDir, p)),
    outDir: report.outDir,
    own: [report.outDir, path.dirname(warm.recordFile), path.join(path.dirname(warm.recordFile), '..')],
    startedMs: warm.startedMs,
    until: report.nextChangeMs,
    previous: warm.previous,
    report: { posts: report.posts, pages: report.pages, outDir: report.outDir, diagnostics: report.diagnostics, skipped: report.skipped },
  });
  if ('refused' in stamped) return stamped.refused;
  writeWarmRecord(warm.recordFile, stamped.record);
  return undefined;
}
