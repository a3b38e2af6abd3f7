/**
 * The field table: every field of ExperimentConfig declared once, with its path and URL name, its
 * form label and help, its rule (type, range, allowed values), its runner flag and the methods that
 * read it. The URL codec, the form and its help, validate(), `--set`, the page sweep's fields, the
 * run key and docs/url-parameters.md all read it; adding a field is adding a row here (see
 * docs/architecture.md, "Adding a config field").
 */
import type { ExperimentConfig, Method } from '../config';
import { OTHER_FIELDS } from './otherFields';
import { PAGE_FIELDS } from './pageFields';
import type { Bound, FieldSpec, Rule, ValueKind } from './types';

/** Every field: the page's (in URL order), then the others (in config order). */
export const FIELDS: readonly FieldSpec[] = [...PAGE_FIELDS, ...OTHER_FIELDS];

const BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.path, f]));

/** The row of a dotted path, or undefined when the table has none. */
export function fieldAt(path: string): FieldSpec | undefined {
  return BY_PATH.get(path);
}

/** The row of a path the code knows is in the table (a missing one is a programming error). */
export function field(path: string): FieldSpec {
  const f = BY_PATH.get(path);
  if (f === undefined) throw new Error(`config field "${path}" is not in the field table (core/fields/table.ts)`);
  return f;
}

/** The fields the URL carries. */
export function urlFields(): FieldSpec[] {
  return FIELDS.filter((f) => f.param !== undefined);
}

/** Whether runs of `method` read the field at `path`; throws for a path the table does not have. */
export function methodReads(method: Method, path: string): boolean {
  const f = BY_PATH.get(path);
  if (f === undefined)
    throw new Error(
      `config field "${path}" is not in the field table (core/fields/table.ts): declare which methods read it`,
    );
  return f.methods.includes(method);
}

/** How `--set` parses the field's text. */
export function valueKind(rule: Rule): ValueKind | null {
  switch (rule.kind) {
    case 'int':
    case 'number':
    case 'positive':
      return 'number';
    case 'choice':
      return rule.choices.every((c) => typeof c === 'number') ? 'number' : 'string';
    case 'boolean':
      return 'boolean';
    case 'numbers':
      return 'number[]';
    case 'between':
      return rule.value === 'runs' ? null : rule.value === 'number' ? 'number' : 'number[]';
  }
}

const boundText = (b: number | Bound): string => (typeof b === 'number' ? String(b) : b.text);

/** What a rule allows, in words, without a config (the docs; validate() says it with the numbers). */
export function ruleText(rule: Rule): string {
  switch (rule.kind) {
    case 'int':
      return rule.max === undefined
        ? `an integer ≥ ${rule.min}`
        : `an integer from ${rule.min} to ${boundText(rule.max)}`;
    case 'number':
      return `a number in [${rule.min}, ${boundText(rule.max)}${rule.maxOpen === true ? ')' : ']'}`;
    case 'positive':
      return 'a number > 0';
    case 'choice':
      return `one of ${rule.choices.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'numbers':
      return rule.each === null
        ? 'comma-separated numbers'
        : `comma-separated numbers, each in [${rule.each.min}, ${rule.each.max}${rule.each.maxOpen === true ? ')' : ']'}`;
    case 'between':
      return rule.allowed;
  }
}

/** The value at a dotted path of a config. */
export function valueAt(config: ExperimentConfig, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** Sets the value at a dotted path of a config (in place: callers pass a copy). */
export function setAt(config: ExperimentConfig, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = config as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}
