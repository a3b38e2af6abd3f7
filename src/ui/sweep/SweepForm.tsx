/**
 * The Sweep section's form: up to two axes (a sweepable field and its values: a checkbox per
 * allowed value of an enumeration or switch, a comma-separated list for a number), the methods
 * (the K axis, runner syntax, the first the baseline) and the seeds. It only edits the setup (kept
 * in the URL by the page); whether the sweep is allowed is expandSweep()'s, said by the panel.
 */
import { useState } from 'react';
import type { ExperimentConfig } from '../../core/config';
import type { SweepField } from '../../core/sweep/pageSweep';
import { sweepableFields } from '../../core/sweep/pageSweep';
import type { SweepAxis } from '../../core/sweep/spec';
import type { PageSweepSetup } from '../../core/sweep/sweepQuery';
import { MAX_SEEDS } from '../../core/seeds';

const AXIS_NAMES = ['rows', 'columns'] as const;

function AxisEditor({
  n,
  axis,
  fields,
  disabled,
  onChange,
}: {
  n: number;
  axis: SweepAxis | null;
  fields: readonly SweepField[];
  disabled: boolean;
  onChange: (axis: SweepAxis | null) => void;
}) {
  const field = axis === null ? undefined : fields.find((f) => f.path === axis.path);
  const pick = (path: string) => {
    const next = fields.find((f) => f.path === path);
    if (next === undefined) return onChange(null);
    onChange({ path, values: next.choices === null ? [] : [...next.choices] });
  };
  return (
    <div className="sweep-axis">
      <label>
        Sweep axis {n} ({AXIS_NAMES[n - 1]}){' '}
        <select value={axis?.path ?? ''} disabled={disabled} onChange={(e) => pick(e.currentTarget.value)}>
          <option value="">(none)</option>
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {f.path}
            </option>
          ))}
        </select>
      </label>
      {axis !== null && field !== undefined && field.choices !== null && (
        <fieldset className="sweep-values" disabled={disabled}>
          <legend>Values of axis {n}</legend>
          {field.choices.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={axis.values.includes(c)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  // Kept in the order the field lists them, so a link does not depend on the clicks.
                  onChange({
                    ...axis,
                    values: (field.choices ?? []).filter((v) => (v === c ? on : axis.values.includes(v))),
                  });
                }}
              />{' '}
              {c}
            </label>
          ))}
        </fieldset>
      )}
      {axis !== null && field !== undefined && field.choices === null && (
        <label>
          {' '}
          Values of axis {n}{' '}
          <input
            type="text"
            value={axis.values.join(',')}
            disabled={disabled}
            placeholder="e.g. 0.9,0.99"
            onChange={(e) => {
              const text = e.currentTarget.value;
              onChange({ ...axis, values: text === '' ? [] : text.split(',').map((v) => v.trim()) });
            }}
          />
          <small> comma-separated numbers</small>
        </label>
      )}
    </div>
  );
}

/** "1,2,3" as seeds, or what is wrong with it. */
export function parseSeeds(text: string): { seeds: number[] } | { problem: string } {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.every((p) => /^\d+$/.test(p) && Number(p) <= 0xffffffff) && parts.length <= MAX_SEEDS)
    return { seeds: parts.map(Number) };
  return {
    problem: `Sweep seeds "${text}" is not allowed: expected 1 to ${MAX_SEEDS} integers from 0 to 4294967295, comma-separated (e.g. 1,2,3).`,
  };
}

interface Props {
  base: ExperimentConfig;
  setup: PageSweepSetup;
  /** The form's methods and seeds, used while the sweep has none of its own. */
  methods: string;
  seeds: readonly number[];
  disabled: boolean;
  onSetup: (setup: PageSweepSetup) => void;
}

export function SweepForm({ base, setup, methods, seeds, disabled, onSetup }: Props) {
  const fields = sweepableFields(base);
  const [seedText, setSeedText] = useState((setup.seeds ?? seeds).join(','));
  const [seedProblem, setSeedProblem] = useState<string | null>(null);
  const setAxis = (i: number, axis: SweepAxis | null) => {
    const axes = [setup.axes[0] ?? null, setup.axes[1] ?? null];
    axes[i] = axis;
    onSetup({ ...setup, axes: axes.filter((a): a is SweepAxis => a !== null) });
  };
  return (
    <div className="sweep-form">
      <AxisEditor
        n={1}
        axis={setup.axes[0] ?? null}
        fields={fields}
        disabled={disabled}
        onChange={(a) => setAxis(0, a)}
      />
      {setup.axes.length > 0 && (
        <AxisEditor
          n={2}
          axis={setup.axes[1] ?? null}
          fields={fields}
          disabled={disabled}
          onChange={(a) => setAxis(1, a)}
        />
      )}
      <label>
        Sweep methods{' '}
        <input
          type="text"
          value={setup.methods ?? methods}
          disabled={disabled}
          onChange={(e) => onSetup({ ...setup, methods: e.currentTarget.value })}
        />
        <small> e.g. sst,masst2,masst4 (the first is the baseline; the list is the K axis)</small>
      </label>{' '}
      <label>
        Sweep seeds{' '}
        <input
          type="text"
          value={seedText}
          disabled={disabled}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setSeedText(text);
            const parsed = parseSeeds(text);
            if ('seeds' in parsed) {
              setSeedProblem(null);
              onSetup({ ...setup, seeds: parsed.seeds });
            } else setSeedProblem(parsed.problem);
          }}
        />
      </label>
      {seedProblem !== null && (
        <p className="alert error" role="alert">
          {seedProblem}
        </p>
      )}
    </div>
  );
}
