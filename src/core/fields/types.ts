/**
 * The shape of one row of the field table (table.ts): everything the page, the URL, the runner,
 * validate(), the run key and the docs need to know about one config field, declared once.
 */
import type { ExperimentConfig, Method } from '../config';

/** A limit another field sets (eval.every ≤ steps): how the docs name it, and its value. */
export interface Bound {
  text: string;
  of: (config: ExperimentConfig) => number;
}

/**
 * What values a field allows. validate() applies the rule of every field; `between` marks a field
 * whose rule involves other fields, so it is checked by one of validate()'s rules between fields
 * (named in `allowed`, the text the docs and the form show).
 */
export type Rule =
  | { kind: 'int'; min: number; max?: number | Bound }
  | { kind: 'number'; min: number; max: number | Bound; maxOpen?: boolean }
  | { kind: 'positive' }
  | { kind: 'choice'; choices: readonly (string | number)[] }
  | { kind: 'boolean' }
  /** A list of numbers; `each`: every item's range (its issues name `path[i]`). */
  | { kind: 'numbers'; each: { min: number; max: number; maxOpen?: boolean } | null }
  | { kind: 'between'; value: 'number' | 'numbers' | 'runs'; allowed: string };

/** How `--set path=value` reads a field's text. */
export type ValueKind = 'number' | 'string' | 'boolean' | 'number[]';

export interface FieldSpec {
  /** Dotted path in ExperimentConfig, e.g. "gallery.queueSize". */
  path: string;
  /** Its URL parameter (absent: not in the URL; the runner sets it with --set path=value). */
  param?: string;
  /** Older URL names still read, with a notice naming the new one. */
  oldParams?: readonly string[];
  /** Its control on the page: the label (the control's accessible name), the input's step, or a select's options. */
  form?: { label: string; step?: number; options?: readonly number[] };
  /** What it means, for a student: the form's help and the docs. */
  help: string;
  rule: Rule;
  /** The runner's own flag for it (`--smooth-every`); every field can also be set with --set. */
  flag?: string;
  /** The methods whose runs read it: a field a method does not read is not in that method's run key. */
  methods: readonly Method[];
}
