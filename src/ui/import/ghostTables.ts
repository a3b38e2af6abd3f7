/**
 * The rows ghost files add to the results table and the paired-differences table, after the live
 * rows and named with their file. Pure: tested in Node.
 */
import type { EvalReport } from '../../core/eval/report';
import type { PairedRow } from '../../core/stats/paired';
import { pairedDifferences } from '../../core/stats/paired';
import { runLabel } from '../../core/config';
import type { Ghost } from './ghosts';
import { ghostRuns } from './ghosts';
import { configRuns, tolerantUntrained } from './tolerant';

/** One results-table row: its label and one report per seed (null: not evaluated yet). */
export interface ReportRow {
  label: string;
  reports: Array<EvalReport | null>;
  /** The file a ghost row comes from; absent on live rows. */
  imported?: string;
}

/** The file's untrained probe, then each method with its seeds' final (else latest) evaluation. */
export function ghostResultRows(ghost: Ghost): ReportRow[] {
  const byLabel = new Map<string, Array<EvalReport | null>>();
  for (const r of ghostRuns(ghost)) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r.latest]);
  const untrained = tolerantUntrained(ghost.file);
  const rows = [...byLabel.entries()].map(([label, reports]) => ({ label, reports }));
  return [...(untrained.length > 0 ? [{ label: 'Untrained probe', reports: untrained }] : []), ...rows].map((row) => ({
    ...row,
    label: `${ghost.fileName}: ${row.label}`,
    imported: ghost.fileName,
  }));
}

const num = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

/** parseRunFile does not check the paired rows: a cell formatCell cannot write is not used. */
function isCell(c: unknown): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const { n, mean, sd, positive } = c as Record<string, unknown>;
  return Number.isInteger(n) && (n === 0 || (num(mean) && num(sd) && Number.isInteger(positive)));
}

const isPairedRow = (r: unknown): r is PairedRow =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as PairedRow).label === 'string' &&
  isCell((r as PairedRow).accuracy) &&
  isCell((r as PairedRow).auc);

/**
 * The file's own paired differences; a file without them (none, or rows that are not paired rows)
 * gets them computed from its finished runs by the computation the runner and the page use
 * (core/stats/paired.ts).
 */
export function ghostPairedRows(ghost: Ghost): PairedRow[] {
  const { file } = ghost;
  const listed: unknown = file.pairedDifferences;
  const own = Array.isArray(listed) && listed.length > 0 && listed.every(isPairedRow) ? (listed as PairedRow[]) : null;
  const rows =
    own ??
    pairedDifferences(
      file.runs.flatMap((r) =>
        r.eval === null ? [] : [{ label: r.label, seed: r.seed, accuracy: r.eval.accuracy, auc: r.eval.auc }],
      ),
      configRuns(file).map(runLabel),
    );
  return rows.map((r) => ({ ...r, label: `${ghost.fileName}: ${r.label}` }));
}
