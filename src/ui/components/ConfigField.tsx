/**
 * One config field's control, from its row of the field table (core/fields/table.ts): its label
 * (the accessible name), a select of its choices (or of the form's own options) or a number input
 * with its step, and validate()'s message for its path.
 */
import type { ReactNode } from 'react';
import type { ExperimentConfig } from '../../core/config';
import { field, setAt, valueAt } from '../../core/fields/table';
import { NumberField, SelectField } from './Field';

interface Props {
  path: string;
  config: ExperimentConfig;
  /** validate() messages by field path. */
  errors: ReadonlyMap<string, string>;
  onChange: (edit: (draft: ExperimentConfig) => void) => void;
  /** Another field whose message this control shows when it has none of its own (agentAlphas under Agent α). */
  alsoErrorsOf?: string;
  hint?: ReactNode;
}

export function ConfigField({ path, config, errors, onChange, alsoErrorsOf, hint }: Props) {
  const f = field(path);
  if (f.form === undefined)
    throw new Error(`config field "${path}" has no control on the page (no form label in the field table)`);
  const { label, step, options } = f.form;
  const error = errors.get(path) ?? (alsoErrorsOf === undefined ? undefined : errors.get(alsoErrorsOf));
  const set = (v: unknown) => onChange((d) => setAt(d, path, v));
  const choices = options ?? (f.rule.kind === 'choice' ? f.rule.choices : null);
  if (choices !== null) {
    return (
      <SelectField
        label={label}
        value={valueAt(config, path) as string | number}
        options={choices}
        error={error}
        hint={hint}
        onChange={set}
      />
    );
  }
  return (
    <NumberField
      label={label}
      value={valueAt(config, path) as number}
      error={error}
      step={step}
      hint={hint}
      onChange={set}
    />
  );
}
