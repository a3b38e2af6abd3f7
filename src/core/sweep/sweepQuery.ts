/**
 * The page's sweep definition in its URL, so a link reopens the same sweep setup:
 *   sweepAxis1=masst.agentAlpha:shared,horizonMatched   (rows; `path:value,value,…`)
 *   sweepAxis2=gallery.alpha:0.9,0.99                   (columns, optional)
 *   sweepMethods=sst,masst2,masst4                      (the K axis, the first the baseline)
 *   sweepSeeds=1,2,3
 * The base of the sweep is the rest of the URL (preset and config). Each malformed value is named
 * by parameter, value and what is allowed, and left out (the other values of the axis stay);
 * whether the whole grid is allowed (cell limit, a field none of the methods reads, ranges) is
 * expandSweep()'s, said in the Sweep section before anything trains.
 */
import type { ExperimentConfig } from '../config';
import { applyOverride } from '../configOverride';
import { parseSeedList, SEEDS_RULE } from '../seedList';
import type { UrlProblem } from '../urlCodec';
import { decodeRuns } from '../urlCodec';
import type { SweepField } from './pageSweep';
import { sweepableFields } from './pageSweep';
import type { SweepAxis } from './spec';
import { METHODS_ALLOWED } from './spec';

export const SWEEP_AXIS_PARAMS = ['sweepAxis1', 'sweepAxis2'] as const;
export const SWEEP_PARAM_NAMES: readonly string[] = [...SWEEP_AXIS_PARAMS, 'sweepMethods', 'sweepSeeds'];

/** The page's sweep form: up to two axes (the page's grid), the methods and the seeds. */
export interface PageSweepSetup {
  axes: SweepAxis[];
  /** Runner syntax ("sst,masst2"); null: the form's runs. */
  methods: string | null;
  /** null: the form's seeds. */
  seeds: number[] | null;
}

export const NO_SWEEP: PageSweepSetup = { axes: [], methods: null, seeds: null };

/** Why `value` is not a value of `field` (null when it is), in the words of what is allowed. */
export function axisValueProblem(field: SweepField, value: string, base: ExperimentConfig): string | null {
  if (field.choices !== null)
    return field.choices.includes(value) ? null : `expected one of ${field.choices.join(', ')}`;
  try {
    applyOverride(base, `${field.path}=${value}`);
    return null;
  } catch {
    return 'expected a finite number';
  }
}

function decodeAxis(
  name: string,
  text: string,
  fields: readonly SweepField[],
  base: ExperimentConfig,
  problems: UrlProblem[],
): SweepAxis | null {
  const bad = (message: string) =>
    problems.push({ param: name, value: text, message: `${name} = "${text}" ${message}` });
  const colon = text.indexOf(':');
  if (colon <= 0) {
    bad(
      'is not allowed: expected path:value1,value2,…, e.g. masst.agentAlpha:shared,horizonMatched; the axis is ignored.',
    );
    return null;
  }
  const path = text.slice(0, colon);
  const field = fields.find((f) => f.path === path);
  if (field === undefined) {
    bad(
      `is not allowed: "${path}" is not a sweepable field; expected one of ${fields.map((f) => f.path).join(', ')}; the axis is ignored.`,
    );
    return null;
  }
  const values: string[] = [];
  for (const value of text.slice(colon + 1).split(',')) {
    const why = values.includes(value)
      ? 'is given twice: expected each value once'
      : axisValueProblem(field, value, base);
    if (why === null) values.push(value);
    else
      problems.push({
        param: name,
        value: text,
        message: `${name}: ${path} value "${value}" is not allowed: ${why}; it is left out.`,
      });
  }
  if (values.length === 0) {
    bad('has no allowed value: the axis is ignored.');
    return null;
  }
  return { path, values };
}

function decodeSeeds(text: string, problems: UrlProblem[]): number[] | null {
  const list = parseSeedList(text);
  if (list.seeds !== null) return list.seeds;
  const detail = list.why.startsWith('a comma-separated') ? '' : ` (${list.why})`;
  problems.push({
    param: 'sweepSeeds',
    value: text,
    message: `sweepSeeds = "${text}" is not allowed: expected ${SEEDS_RULE}, comma-separated (e.g. 1,2,3)${detail}; the form's seeds are used.`,
  });
  return null;
}

/** The sweep of a page URL; `base` is the URL's own configuration (for the values' types). */
export function decodeSweepQuery(
  params: URLSearchParams,
  base: ExperimentConfig,
): { setup: PageSweepSetup; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const fields = sweepableFields(base);
  const axes: SweepAxis[] = [];
  for (const name of SWEEP_AXIS_PARAMS) {
    const text = params.get(name);
    const axis = text === null ? null : decodeAxis(name, text, fields, base, problems);
    if (axis === null) continue;
    if (axes.some((a) => a.path === axis.path)) {
      problems.push({
        param: name,
        value: text ?? '',
        message: `${name}: axis ${axis.path} is given twice: expected each path on one axis; it is ignored.`,
      });
    } else axes.push(axis);
  }
  const methodsText = params.get('sweepMethods');
  let methods: string | null = null;
  if (methodsText !== null) {
    if (decodeRuns(methodsText) !== null) methods = methodsText;
    else
      problems.push({
        param: 'sweepMethods',
        value: methodsText,
        message: `sweepMethods = "${methodsText}" is not allowed: expected ${METHODS_ALLOWED}; the form's methods are used.`,
      });
  }
  const seedsText = params.get('sweepSeeds');
  const seeds = seedsText === null ? null : decodeSeeds(seedsText, problems);
  return { setup: { axes, methods, seeds }, problems };
}

/** Writes the sweep into `params` when it has an axis (a page without a sweep keeps a short link). */
export function encodeSweepQuery(params: URLSearchParams, setup: PageSweepSetup): void {
  if (setup.axes.length === 0) return;
  setup.axes
    .slice(0, SWEEP_AXIS_PARAMS.length)
    .forEach((axis, i) => params.set(SWEEP_AXIS_PARAMS[i] as string, `${axis.path}:${axis.values.join(',')}`));
  if (setup.methods !== null) params.set('sweepMethods', setup.methods);
  if (setup.seeds !== null) params.set('sweepSeeds', setup.seeds.join(','));
}
