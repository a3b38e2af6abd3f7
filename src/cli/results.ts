/**
 * Writing results.json (its schema: core/results/resultsFile.ts), runs.csv (every run's series in
 * the page's CSV format, core/results/runsCsv.ts), and the tables
 * printed on stdout (method × metric, mean ± sd over seeds).
 * The tables and the paired differences read finished runs only: an interrupted run has no final
 * evaluation.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { emaHorizon } from '../core/config';
import { rank1CoverageText } from '../core/eval/rank1';
import { describe } from '../core/stats/describe';
import { formatCell } from '../core/stats/paired';
import type { WriteFn } from './atomicWrite';
import { writeAtomically } from './atomicWrite';
import type { EvalReport } from '../core/eval/report';
import type { ResultsFile } from '../core/results/resultsFile';
import { finished } from '../core/results/resultsFile';
import { resultsCsv } from '../core/results/runsCsv';

/** The paired-differences table as text: one row per comparison, accuracy and AUC. */
export function pairedTable(results: ResultsFile): string {
  const header = ['paired differences (by seed)', '10-fold accuracy', 'AUC'];
  const rows = results.pairedDifferences.map((r) => [r.label, formatCell(r.accuracy), formatCell(r.auc)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

/** A label as a file name part: "MASST K=4" → "masst-k-4". */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Rewrites results.json, then runs.csv, each atomically (atomicWrite.ts: a crash or a full
 * disk mid-write leaves the previous file and no temporary one). On a failure the files written
 * before it stay, and the error names the file and the cause.
 */
export async function writeResults(
  dir: string,
  results: ResultsFile,
  write: WriteFn = writeAtomically,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const file = async (path: string, text: string): Promise<void> => {
    await write(path, text);
    written.push(path);
  };
  await file(join(dir, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  await file(join(dir, 'runs.csv'), resultsCsv(results));
  return written;
}

/** Mean ± sample standard deviation ("0.712 ± 0.013"; no ± for one value, "n/a" for none). */
export function meanSd(values: Array<number | null>): string {
  const d = describe(values.filter((v): v is number => v !== null));
  if (d.n === 0) return 'n/a';
  return d.n === 1 ? d.mean.toFixed(3) : `${d.mean.toFixed(3)} ± ${d.sd.toFixed(3)}`;
}

const METRICS: Array<[string, (e: EvalReport) => number | null]> = [
  ['accuracy', (e) => e.accuracy],
  ['AUC', (e) => e.auc],
  ['rank-1', (e) => e.rank1],
  ['TAR@FAR=0.1', (e) => e.tarAtFar['0.1'] ?? null],
  ['TAR@FAR=0.01', (e) => e.tarAtFar['0.01'] ?? null],
  ['look-alike rej.', (e) => e.lookalikeAccuracy],
];

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median effective β and Lipschitz estimate per method over the run (mean ± sd over seeds). */
export function smoothnessTable(results: ResultsFile): string {
  const groups = new Map<string, { beta: Array<number | null>; lip: Array<number | null> }>();
  for (const run of finished(results.runs)) {
    const g = groups.get(run.label) ?? { beta: [], lip: [] };
    g.beta.push(median(run.analysis.lipschitz.map((p) => p.beta)));
    g.lip.push(median(run.analysis.lipschitz.map((p) => p.lipschitz)));
    groups.set(run.label, g);
  }
  const rows = [...groups.entries()].map(([label, g]) => [label, meanSd(g.beta), meanSd(g.lip)]);
  const header = ['method', 'median β', 'median Lipschitz'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const a = results.config.analysis;
  return [
    `smoothness on a fixed batch every ${a.every} steps, η in [${a.etaMin}, ${a.etaMax}]·lr (${a.etaPoints} points)`,
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

/** Distinct values in order, joined ("20", or "20/24" when the seeds' held-out sets differ). */
function distinct(values: readonly (number | string)[]): string {
  return [...new Set(values)].join('/');
}

/**
 * What the evaluation really used, read from the untrained probe's reports (one per seed): the
 * pairs scored and the held-out identities they come from, where the pairs came from, and what
 * rank-1 was taken over. The config's data.pairs and data.testIds are only what the synthetic
 * faces and a folder without pairs.txt are cut to; a pairs.txt brings its own.
 */
export function verificationLine(results: ResultsFile): string {
  const c = results.config;
  const evals = results.untrained.map((u) => u.eval);
  const pairs = evals.length > 0 ? distinct(evals.map((e) => e.pairs)) : String(c.data.pairs);
  const coverage = evals.flatMap((e) => (e.rank1Coverage ? [e.rank1Coverage] : []));
  const ids = coverage.length > 0 ? distinct(coverage.map((r) => r.testIdentities)) : String(c.data.testIds);
  const faces = results.faces;
  const source =
    faces === undefined ? '' : faces.pairsFile !== null ? ` from ${faces.pairsFile}` : ` sampled from ${faces.folder}`;
  const rank1 = coverage.length > 0 ? `; ${distinct(coverage.map(rank1CoverageText))}` : '';
  return `verification: ${pairs} pairs${source} of ${ids} held-out IDs, 10 folds${rank1}`;
}

/** The table printed on stdout. */
export function summaryTable(results: ResultsFile): string {
  const runs = finished(results.runs);
  const groups = new Map<string, EvalReport[]>();
  groups.set(
    'Untrained probe',
    results.untrained.map((u) => u.eval),
  );
  for (const run of runs) groups.set(run.label, [...(groups.get(run.label) ?? []), run.eval]);
  const losses = new Map<string, number[]>();
  for (const run of runs) {
    const tail = run.history.slice(-Math.max(1, Math.floor(run.history.length / 10)));
    const mean = tail.reduce((a, h) => a + h.loss, 0) / tail.length;
    losses.set(run.label, [...(losses.get(run.label) ?? []), mean]);
  }
  const header = ['method', ...METRICS.map(([m]) => m), 'final loss'];
  const rows = [...groups.entries()].map(([label, evals]) => [
    label,
    ...METRICS.map(([, f]) => meanSd(evals.map(f))),
    losses.has(label) ? meanSd(losses.get(label) ?? []) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const c = results.config;
  const lines = [
    `preset config: ${c.data.regime}, ${c.data.trainIds} train IDs, ${c.data.imageSize}px×${c.data.channels}, ${c.model.backbone} backbone, ${c.steps} steps, batch ${c.batchSize}, queue ${c.gallery.queueSize}, α ${c.gallery.alpha} (horizon ${emaHorizon(c.gallery.alpha).toFixed(0)} steps), backend ${results.backend}, seeds ${results.seeds.join(',')}`,
    `${verificationLine(results)}; mean ± sd over seeds; one evaluation ${describe(runs.map((r) => r.msPerEval)).mean.toFixed(0)} ms, one step ${describe(runs.map((r) => r.msPerStep)).mean.toFixed(0)} ms (means over runs)`,
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ];
  return lines.join('\n');
}
