/**
 * `field=value` overrides of any config value by its dotted path (`data.imageSize=24`,
 * `optim.milestones=0.6,0.85`), for the runner's `--set` and for recorded experiment searches.
 * The paths and the type each value is parsed as come from the field table (fields/table.ts); an
 * unknown path or a value of the wrong type is reported by name, value and what is allowed.
 * Ranges are validate()'s job.
 */
import type { ExperimentConfig } from './config';
import { FIELDS, setAt, valueKind } from './fields/table';
import type { ValueKind } from './fields/types';

type Leaf = number | string | boolean | number[];

/** Every settable dotted path of a config and the kind of value it holds. */
export function leafPaths(config: ExperimentConfig): Map<string, 'number' | 'string' | 'boolean' | 'number[]'> {
  const out = new Map<string, 'number' | 'string' | 'boolean' | 'number[]'>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'number')) out.set(path, 'number[]');
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
      return;
    }
    if (typeof value === 'number') out.set(path, 'number');
    else if (typeof value === 'string') out.set(path, 'string');
    else if (typeof value === 'boolean') out.set(path, 'boolean');
  };
  walk(config, '');
  return out;
}

function parseLeaf(kind: ValueKind, text: string): Leaf | null {
  const num = (t: string): number | null => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : null);
  switch (kind) {
    case 'number':
      return num(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : null;
    case 'string':
      return text;
    case 'number[]': {
      if (text === '') return [];
      const xs = text.split(',').map(num);
      return xs.every((x): x is number => x !== null) ? xs : null;
    }
  }
}

/** Keys that would reach an object's prototype if ever used as a path; refused by name. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Every path `--set` takes and how it parses the value: the table's fields but the runs list. */
const SETTABLE: ReadonlyMap<string, ValueKind> = new Map(
  FIELDS.flatMap((f) => {
    const kind = valueKind(f.rule);
    return kind === null ? [] : [[f.path, kind] as const];
  }),
);

/** " (queue is the URL's name of gallery.queueSize)" when the unknown path is a URL name or a form label. */
function meantHint(path: string): string {
  const f = FIELDS.find((x) => x.param === path || x.oldParams?.includes(path) === true || x.form?.label === path);
  if (f === undefined) return '';
  return f.form?.label === path
    ? ` ("${path}" is the page's label of ${f.path})`
    : ` (${path} is the URL's name of ${f.path})`;
}

const ALLOWED: Record<ValueKind, string> = {
  number: 'a finite number',
  boolean: 'true or false',
  string: 'text',
  'number[]': 'comma-separated numbers',
};

/**
 * Applies `path=value` to a copy of the config. Throws an Error naming the override, what was
 * given and what is allowed (the list of paths for an unknown one).
 */
export function applyOverride(config: ExperimentConfig, assignment: string): ExperimentConfig {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new Error(`override "${assignment}" is not allowed: expected field=value, e.g. data.imageSize=24`);
  const path = assignment.slice(0, eq);
  const text = assignment.slice(eq + 1);
  const paths = SETTABLE;
  const reserved = path.split('.').find((key) => RESERVED_KEYS.has(key));
  if (reserved !== undefined) {
    throw new Error(
      `override field "${path}" is not allowed: "${reserved}" is a forbidden key (it names the object machinery of JavaScript, never a config field); expected one of ${[...paths.keys()].join(', ')}`,
    );
  }
  const kind = paths.get(path);
  if (kind === undefined) {
    throw new Error(
      `override field "${path}" is not allowed: expected one of ${[...paths.keys()].join(', ')}${meantHint(path)}`,
    );
  }
  const value = parseLeaf(kind, text);
  if (value === null) throw new Error(`override ${path} = "${text}" is not allowed: expected ${ALLOWED[kind]}`);
  const next = structuredClone(config);
  setAt(next, path, value);
  return next;
}

/**
 * Every `--set field=value` in order (the runner's and export-torch's). `seed=` is refused: the
 * seeds are a list of their own (--seeds), not a config field to set once.
 */
export function applyOverrides(config: ExperimentConfig, overrides: readonly string[]): ExperimentConfig {
  let c = config;
  for (const o of overrides) {
    if (o.startsWith('seed='))
      throw new Error(`--set ${o} is not allowed: the seeds are set with --seeds (e.g. --seeds ${o.slice(5)})`);
    c = applyOverride(c, o);
  }
  return c;
}
