/**
 * The checks of one cell of an imported sweep.json (readFile.ts): each problem names the field
 * path (cells[1].pairs[0].accuracy.positive), the value as the file wrote it and what is allowed.
 * The numbers the heatmap colours and counts are checked against each other: a pair's n and sign
 * count are those of its per-seed differences, its mean is their mean, its verdict is the verdict
 * rule's for them, so a hand-edited file cannot show a cell greener than its own numbers.
 */
import { quoteValue } from '../fileValues';
import type { PairedCell } from '../stats/paired';
import { verdictOf } from '../stats/verdict';
import type { SweepAxis } from './spec';

/** Past this magnitude a value is not an accuracy, a Lipschitz estimate or a time: a corrupted or foreign file. */
export const HUGE = 1e9;

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const inRange = (x: unknown, lo: number, hi: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;
/** JSON writes NaN (a diverged run's difference, no seeds' mean) as null. */
const numberOrNull = (x: unknown, lo: number, hi: number): boolean => x === null || inRange(x, lo, hi);

export interface CellContext {
  text: string;
  axes: readonly SweepAxis[];
  methods: readonly string[];
  seeds: readonly number[];
  /** The pair labels in the file's order ("MASST K=2 − SST"). */
  pairs: readonly string[];
}

type Problems = string[];

/**
 * Mean, n and positive of a paired cell against its per-seed values; `bound` limits each value.
 * `seeds`: the length perSeed must have (the pair's seeds), or 'upTo' the spec's seeds (the
 * smoothness differences are taken over every seed of the cell's runs, summary.ts pairedOf).
 */
function pairedCellProblems(
  at: string,
  c: unknown,
  seeds: number | 'upTo',
  bound: number,
  ctx: CellContext,
  out: Problems,
): void {
  const q = (x: unknown) => quoteValue(x, ctx.text);
  if (!isObject(c)) return void out.push(`${at} is ${q(c)}: expected {perSeed, mean, sd, positive, n}`);
  const lengthOk =
    Array.isArray(c.perSeed) && (seeds === 'upTo' ? c.perSeed.length <= ctx.seeds.length : c.perSeed.length === seeds);
  if (!lengthOk || !Array.isArray(c.perSeed)) {
    const expected =
      seeds === 'upTo'
        ? `at most ${ctx.seeds.length} numbers (or null), one per seed`
        : `${seeds} numbers (or null), one per seed of the pair`;
    return void out.push(`${at}.perSeed is ${q(c.perSeed)}: expected a list of ${expected}`);
  }
  const bad = c.perSeed.findIndex((v) => !numberOrNull(v, -bound, bound));
  if (bad >= 0)
    return void out.push(
      `${at}.perSeed[${bad}] is ${q(c.perSeed[bad])}: expected a number from ${-bound} to ${bound}, or null`,
    );
  const finite = (c.perSeed as Array<number | null>).filter((v): v is number => v !== null);
  if (c.n !== finite.length)
    out.push(`${at}.n is ${q(c.n)}: expected ${finite.length}, the seeds with a difference in ${at}.perSeed`);
  const positive = finite.filter((v) => v > 0).length;
  if (c.positive !== positive)
    out.push(`${at}.positive is ${q(c.positive)}: expected ${positive}, the positive values of ${at}.perSeed`);
  const mean = finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
  const meanOk =
    mean === null
      ? c.mean === null
      : inRange(c.mean, -bound, bound) && Math.abs(c.mean - mean) <= 1e-9 * Math.max(1, Math.abs(mean));
  if (!meanOk)
    out.push(
      `${at}.mean is ${q(c.mean)}: expected ${mean === null ? 'null (no seeds)' : `${mean}, the mean of ${at}.perSeed`}`,
    );
  if (!numberOrNull(c.sd, 0, 2 * bound))
    out.push(`${at}.sd is ${q(c.sd)}: expected a number from 0 to ${2 * bound}, or null`);
}

/** The cell's paired cell with JSON's nulls read back as NaN (as pairedCell() made them). */
export function readPairedCell(c: Record<string, unknown>): PairedCell {
  const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);
  return {
    perSeed: (c.perSeed as unknown[]).map(num),
    mean: num(c.mean),
    sd: num(c.sd),
    positive: c.positive as number,
    n: c.n as number,
  };
}

function pairProblems(at: string, p: unknown, label: string, ctx: CellContext, out: Problems): void {
  const q = (x: unknown) => quoteValue(x, ctx.text);
  if (!isObject(p)) return void out.push(`${at} is ${q(p)}: expected the pair ${label}`);
  if (p.label !== label)
    return void out.push(
      `${at}.label is ${q(p.label)}: expected "${label}" (the pairs of the file's methods, in order)`,
    );
  if (
    !Array.isArray(p.seeds) ||
    !p.seeds.every((s) => ctx.seeds.includes(s as number)) ||
    new Set(p.seeds).size !== p.seeds.length
  ) {
    return void out.push(
      `${at}.seeds is ${q(p.seeds)}: expected distinct seeds of spec.seeds (${ctx.seeds.join(', ')})`,
    );
  }
  const before = out.length;
  pairedCellProblems(`${at}.accuracy`, p.accuracy, p.seeds.length, 1, ctx, out);
  pairedCellProblems(`${at}.auc`, p.auc, p.seeds.length, 1, ctx, out);
  for (const k of ['lipschitz', 'beta'])
    if (p[k] !== null) pairedCellProblems(`${at}.${k}`, p[k], 'upTo', HUGE, ctx, out);
  if (typeof p.sentence !== 'string')
    out.push(`${at}.sentence is ${q(p.sentence)}: expected the verdict in words, a string`);
  if (out.length > before || !isObject(p.accuracy)) return;
  const verdict = verdictOf(readPairedCell(p.accuracy));
  if (p.verdict !== verdict)
    out.push(`${at}.verdict is ${q(p.verdict)}: expected "${verdict}", the verdict rule's for ${at}.accuracy`);
}

function runProblems(at: string, r: unknown, ctx: CellContext, out: Problems): void {
  const q = (x: unknown) => quoteValue(x, ctx.text);
  if (!isObject(r)) return void out.push(`${at} is ${q(r)}: expected a run {key, label, seed, accuracy, …}`);
  if (typeof r.label !== 'string' || !ctx.methods.includes(r.label))
    out.push(`${at}.label is ${q(r.label)}: expected one of the file's methods (${ctx.methods.join(', ')})`);
  if (!ctx.seeds.includes(r.seed as number))
    out.push(`${at}.seed is ${q(r.seed)}: expected one of spec.seeds (${ctx.seeds.join(', ')})`);
  for (const k of ['accuracy', 'auc'])
    if (!numberOrNull(r[k], 0, 1)) out.push(`${at}.${k} is ${q(r[k])}: expected a number from 0 to 1, or null`);
  for (const k of ['medianLipschitz', 'medianBeta'])
    if (!numberOrNull(r[k], -HUGE, HUGE))
      out.push(`${at}.${k} is ${q(r[k])}: expected a number from ${-HUGE} to ${HUGE}, or null`);
  if (!inRange(r.seconds, 0, HUGE)) out.push(`${at}.seconds is ${q(r.seconds)}: expected seconds from 0 to ${HUGE}`);
  if (typeof r.key !== 'string') out.push(`${at}.key is ${q(r.key)}: expected the run key, a string`);
  if (typeof r.reused !== 'boolean') out.push(`${at}.reused is ${q(r.reused)}: expected true or false`);
  if (r.diverged !== null && typeof r.diverged !== 'string')
    out.push(`${at}.diverged is ${q(r.diverged)}: expected null or "step N: what"`);
}

/** Cell i of a grid over `axes` (row-major, the last axis fastest): the value of each axis there. */
function settingsAt(axes: readonly SweepAxis[], i: number): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = i;
  for (let a = axes.length - 1; a >= 0; a--) {
    const axis = axes[a] as SweepAxis;
    out[axis.path] = axis.values[rest % axis.values.length] as string;
    rest = Math.floor(rest / axis.values.length);
  }
  return out;
}

/** Every problem of cells[i]. */
export function cellProblems(c: unknown, i: number, ctx: CellContext): Problems {
  const at = `cells[${i}]`;
  const q = (x: unknown) => quoteValue(x, ctx.text);
  if (!isObject(c)) return [`${at} is ${q(c)}: expected a cell {index, label, settings, config, runs, pairs, …}`];
  const out: Problems = [];
  if (c.index !== i) out.push(`${at}.index is ${q(c.index)}: expected ${i} (cells are listed in order)`);
  if (typeof c.label !== 'string') out.push(`${at}.label is ${q(c.label)}: expected the cell's name, a string`);
  const settings = settingsAt(ctx.axes, i);
  for (const [path, value] of Object.entries(settings)) {
    const given = isObject(c.settings) ? c.settings[path] : undefined;
    if (given !== value)
      out.push(`${at}.settings["${path}"] is ${q(given)}: expected "${value}", its value of spec.axes at cell ${i}`);
  }
  if (!isObject(c.config)) out.push(`${at}.config is ${q(c.config)}: expected the cell's configuration, an object`);
  const maxRuns = ctx.methods.length * ctx.seeds.length;
  if (!Array.isArray(c.runs) || c.runs.length > maxRuns)
    out.push(`${at}.runs is ${q(c.runs)}: expected a list of at most ${maxRuns} runs (methods × seeds)`);
  else c.runs.forEach((r, j) => runProblems(`${at}.runs[${j}]`, r, ctx, out));
  if (!Array.isArray(c.pairs) || c.pairs.length !== ctx.pairs.length)
    out.push(`${at}.pairs is ${q(c.pairs)}: expected the ${ctx.pairs.length} pairs ${ctx.pairs.join(', ')}`);
  else c.pairs.forEach((p, j) => pairProblems(`${at}.pairs[${j}]`, p, ctx.pairs[j] as string, ctx, out));
  if (typeof c.summary !== 'string')
    out.push(`${at}.summary is ${q(c.summary)}: expected the verdict sentence, a string`);
  if (!inRange(c.trainSeconds, 0, HUGE))
    out.push(`${at}.trainSeconds is ${q(c.trainSeconds)}: expected seconds from 0 to ${HUGE}`);
  return out;
}
