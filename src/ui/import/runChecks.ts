/**
 * The checks of one run of a run file: each problem names the run, the field path
 * (runs[2].history[5].loss), the value as the file wrote it and what is allowed. Steps are whole
 * numbers from 0 that increase, seeds are the page's (0 to 2^32 − 1), values finite and in range;
 * for a long list only its first problem is named.
 */
import { clipText } from '../../core/clipText';
import { MAX_RUN_POINTS } from './bounds';
import { quoteValue } from '../../core/fileValues';

/** Past this magnitude a value is not a loss or a learning rate: a corrupted or foreign file. */
export const HUGE = 1e9;
/** The seeds the page and the runner take (core/seeds.ts). */
export const MAX_SEED = 0xffffffff;

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isStep = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
export const STEP_RANGE = `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`;

type Check = (x: unknown) => boolean;
const finite: Check = (x) => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= HUGE;
const unit: Check = (x) => typeof x === 'number' && x >= 0 && x <= 1;

/** One list of points ({step, …}): the first point that is not an object, a step out of order or a bad field. */
function pointsProblem(
  path: string,
  points: readonly unknown[],
  fields: ReadonlyArray<[string, Check, string]>,
  text: string,
): string | null {
  if (points.length > MAX_RUN_POINTS)
    return `${path} has ${points.length} points: at most ${MAX_RUN_POINTS} are read (a step each of the longest run, 1,000,000 steps)`;
  let last = -1;
  for (let j = 0; j < points.length; j++) {
    const p = points[j];
    const at = `${path}[${j}]`;
    if (!isObject(p))
      return `${at} is ${quoteValue(p, text)}: expected {${['step', ...fields.map(([f]) => f)].join(', ')}}`;
    if (!isStep(p.step)) return `${at}.step is ${quoteValue(p.step, text)}: expected ${STEP_RANGE}`;
    if (p.step <= last) return `${at}.step is ${p.step} after ${last} at ${path}[${j - 1}]: steps must increase`;
    last = p.step;
    for (const [field, ok, allowed] of fields)
      if (!ok(p[field])) return `${at}.${field} is ${quoteValue(p[field], text)}: expected ${allowed}`;
  }
  return null;
}

const HISTORY: ReadonlyArray<[string, Check, string]> = [
  ['loss', finite, `a finite number from -${HUGE} to ${HUGE}`],
  ['lr', finite, `a finite number from -${HUGE} to ${HUGE}`],
];
const EVALS: ReadonlyArray<[string, Check, string]> = [
  ['accuracy', unit, 'a number from 0 to 1'],
  ['auc', unit, 'a number from 0 to 1'],
];

/** Every problem of runs[i]; `text` is the file (for quoting a non-finite number as it was written). */
export function runProblems(r: unknown, i: number, text: string): string[] {
  const path = `runs[${i}]`;
  if (!isObject(r)) return [`${path} is ${quoteValue(r, text)}: expected a run object`];
  const name =
    typeof r.label === 'string'
      ? `run "${clipText(r.label)}"${typeof r.seed === 'number' ? ` (seed ${r.seed})` : ''}: `
      : '';
  const out: string[] = [];
  if (typeof r.label !== 'string')
    out.push(`${path}.label is ${quoteValue(r.label, text)}: expected the run's name, a string`);
  if (!Number.isSafeInteger(r.seed) || (r.seed as number) < 0 || (r.seed as number) > MAX_SEED)
    out.push(`${path}.seed is ${quoteValue(r.seed, text)}: expected a whole number from 0 to ${MAX_SEED}`);
  if (!Array.isArray(r.history))
    out.push(`${path}.history is ${quoteValue(r.history, text)}: expected a list of {step, loss, lr}`);
  else out.push(...nonNull(pointsProblem(`${path}.history`, r.history, HISTORY, text)));
  if (!Array.isArray(r.evals))
    out.push(`${path}.evals is ${quoteValue(r.evals, text)}: expected a list of {step, accuracy, auc}`);
  else out.push(...nonNull(pointsProblem(`${path}.evals`, r.evals, EVALS, text)));
  if (r.eval !== null) {
    if (!isObject(r.eval))
      out.push(`${path}.eval is ${quoteValue(r.eval, text)}: expected the final evaluation {accuracy, auc} or null`);
    else
      for (const [field, ok, allowed] of EVALS)
        if (!ok(r.eval[field]))
          out.push(`${path}.eval.${field} is ${quoteValue(r.eval[field], text)}: expected ${allowed}`);
  }
  return out.map((p) => `${name}${p}`);
}

const nonNull = (x: string | null): string[] => (x === null ? [] : [x]);

/** config.steps, where it is a number: a whole number from 0 (another type is read as absent, tolerant.ts). */
export function configStepsProblem(config: Record<string, unknown>, text: string): string | null {
  const steps = config.steps;
  return typeof steps === 'number' && !isStep(steps)
    ? `config.steps is ${quoteValue(steps, text)}: expected ${STEP_RANGE}`
    : null;
}

/**
 * The counts of the file's own paired differences (n seeds, `positive` of them above 0), where the
 * rows are objects: n at most the file's seeds, positive at most n. "−7/1000000000000000" was shown.
 */
export function pairedProblems(listed: unknown, seeds: number, text: string): string[] {
  if (!Array.isArray(listed)) return [];
  const out: string[] = [];
  listed.forEach((row, j) => {
    if (!isObject(row)) return;
    for (const key of ['accuracy', 'auc']) {
      const cell = row[key];
      if (!isObject(cell)) continue;
      const at = `pairedDifferences[${j}].${key}`;
      const { n, positive } = cell;
      const okN = Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= seeds;
      if (n !== undefined && !okN)
        out.push(`${at}.n is ${quoteValue(n, text)}: expected a whole number from 0 to ${seeds} (the file's seeds)`);
      const top = okN ? (n as number) : seeds;
      if (
        positive !== undefined &&
        !(Number.isSafeInteger(positive) && (positive as number) >= 0 && (positive as number) <= top)
      ) {
        out.push(`${at}.positive is ${quoteValue(positive, text)}: expected a whole number from 0 to ${top} (its n)`);
      }
    }
  });
  return out;
}
