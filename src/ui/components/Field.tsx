/**
 * A labelled input with its validation message (field, value, allowed range) under it, and its
 * help (help.ts, by label) shown on hover and focus and linked by aria-describedby.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { FIELD_HELP } from '../help';
import { HelpTip } from './Help';

interface Props {
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  /** The help text's id, when there is one (see useHelp). */
  helpId?: string | undefined;
  children: ReactNode;
}

/** The help of a control by its label, and the id its control points at. */
export function useHelp(label: string): { helpId: string | undefined; text: string | undefined } {
  const id = useId();
  const text = FIELD_HELP[label];
  return { helpId: text === undefined ? undefined : id, text };
}

export function Field({ label, error, hint, helpId, children }: Props) {
  const text = FIELD_HELP[label];
  return (
    <div className={error ? 'field has-help invalid' : 'field has-help'}>
      <label className="field-main">
        <span className="field-label">{label}</span>
        {children}
      </label>
      {hint !== undefined && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="note">
          {error}
        </span>
      )}
      {helpId !== undefined && text !== undefined && <HelpTip id={helpId} text={text} />}
    </div>
  );
}

interface NumberProps {
  label: string;
  value: number;
  error: string | undefined;
  step?: number | undefined;
  hint?: ReactNode;
  onChange: (value: number) => void;
}

/** Number input; an empty or unparsable entry is passed on as NaN so validate() reports it. */
export function NumberField({ label, value, error, step, hint, onChange }: NumberProps) {
  const { helpId } = useHelp(label);
  return (
    <Field label={label} error={error} hint={hint} helpId={helpId}>
      <input
        type="number"
        aria-label={label}
        aria-describedby={helpId}
        value={Number.isFinite(value) ? value : ''}
        step={step ?? 'any'}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
    </Field>
  );
}

interface SelectProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly T[];
  error: string | undefined;
  hint?: ReactNode;
  onChange: (value: T) => void;
}

export function SelectField<T extends string | number>({
  label,
  value,
  options,
  error,
  hint,
  onChange,
}: SelectProps<T>) {
  const { helpId } = useHelp(label);
  return (
    <Field label={label} error={error} hint={hint} helpId={helpId}>
      <select
        aria-label={label}
        aria-describedby={helpId}
        value={String(value)}
        onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) ?? value)}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    </Field>
  );
}
