/** A labelled input with its validation message (field, value, allowed range) under it. */
import type { ReactNode } from 'react';

interface Props {
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}

export function Field({ label, error, hint, children }: Props) {
  return (
    <label className={error ? 'field invalid' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {hint !== undefined && <span className="field-hint">{hint}</span>}
      {error && <span className="field-error" role="note">{error}</span>}
    </label>
  );
}

interface NumberProps {
  label: string;
  value: number;
  error: string | undefined;
  step?: number;
  hint?: ReactNode;
  onChange: (value: number) => void;
}

/** Number input; an empty or unparsable entry is passed on as NaN so validate() reports it. */
export function NumberField({ label, value, error, step, hint, onChange }: NumberProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <input
        type="number"
        aria-label={label}
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

export function SelectField<T extends string | number>({ label, value, options, error, hint, onChange }: SelectProps<T>) {
  return (
    <Field label={label} error={error} hint={hint}>
      <select aria-label={label} value={String(value)} onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) ?? value)}>
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    </Field>
  );
}
