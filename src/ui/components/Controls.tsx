/**
 * The experiment form: the scenario, methods, seeds and steps first, then the other settings in
 * collapsible groups (data, model and loss, optimiser, gallery and MASST, analysis, compute). A
 * config field's control (label, help, choices, step) comes from the field table through
 * ConfigField; each shows validate()'s message for it (field, value, allowed range), and a group
 * with a message opens; the parent keeps Train disabled while any message is shown.
 */
import type { ReactNode } from 'react';
import type { ExperimentConfig } from '../../core/config';
import { emaHorizon } from '../../core/config';
import type { PresetName } from '../../core/presets';
import { PRESET_NAMES } from '../../core/presets';
import type { BackendChoice } from '../../core/backends';
import { BACKEND_CHOICES } from '../../core/backends';
import { field } from '../../core/fields/table';
import { MAX_SEEDS, MAX_WORKERS } from '../../core/seeds';
import { ConfigField } from './ConfigField';
import { NumberField, SelectField } from './Field';
import { MethodsField } from './MethodsField';
import { Hideable } from '../teacher';

interface Props {
  preset: PresetName;
  config: ExperimentConfig;
  /** The seeds, each a run of every method: consecutive from the first, or a URL's list. */
  seeds: readonly number[];
  /** Pool size; null = the cores the browser reports. */
  workers: number | null;
  backend: BackendChoice;
  /** validate() messages by field path. */
  errors: ReadonlyMap<string, string>;
  disabled: boolean;
  onPreset: (name: PresetName) => void;
  onChange: (edit: (draft: ExperimentConfig) => void) => void;
  /** The Seed field: the first seed (the others follow it when consecutive); config.seed is derived from the seeds. */
  onFirstSeed: (seed: number) => void;
  onSeedCount: (count: number) => void;
  onWorkers: (workers: number | null) => void;
  onBackend: (backend: BackendChoice) => void;
}

// The Seed field is the config's seed, but it edits the seeds (config.seed is their first).
const SEED_FORM = field('seed').form ?? { label: 'Seed', step: 1 };
const SEED_COUNTS = Array.from({ length: MAX_SEEDS }, (_, i) => i + 1);
const WORKER_CHOICES = ['auto', ...Array.from({ length: MAX_WORKERS }, (_, i) => String(i + 1))] as const;

function seedsHint(seeds: readonly number[]): string | undefined {
  if (seeds.length < 2) return undefined;
  const first = seeds[0] as number;
  const consecutive = seeds.every((s, i) => s === first + i);
  return consecutive ? `seeds ${first}–${first + seeds.length - 1}, paired` : `seeds ${seeds.join(', ')}, paired`;
}

/**
 * A collapsible group of fields (closed by default, to keep the form short); open whenever one of
 * its fields (paths starting with `fields`) has an error, so no message is ever hidden.
 */
function Group({
  title,
  fields,
  errors,
  children,
}: {
  title: string;
  fields: readonly string[];
  errors: ReadonlyMap<string, string>;
  children: ReactNode;
}) {
  const failing = [...errors.keys()].some((k) => fields.some((f) => k.startsWith(f)));
  return (
    <details className="group" open={failing || undefined}>
      <summary>{title}</summary>
      <div className="row">{children}</div>
    </details>
  );
}

export function Controls({
  preset,
  config: c,
  seeds,
  workers,
  backend,
  errors,
  disabled,
  onPreset,
  onChange,
  onFirstSeed,
  onSeedCount,
  onWorkers,
  onBackend,
}: Props) {
  const err = (path: string) => errors.get(path);
  // What every config field's control takes besides its path (ConfigField reads the rest from the field table).
  const at = { config: c, errors, onChange };
  return (
    <fieldset className="controls" disabled={disabled}>
      <legend>Experiment</legend>
      <div className="row">
        <Hideable name="preset">
          <SelectField label="Scenario" value={preset} options={PRESET_NAMES} error={undefined} onChange={onPreset} />
        </Hideable>
        <Hideable name="methods">
          <MethodsField runs={c.runs} errors={errors} onChange={(runs) => onChange((d) => (d.runs = runs))} />
        </Hideable>
        <Hideable name="training">
          <NumberField
            label={SEED_FORM.label}
            value={c.seed}
            error={err('seed')}
            step={SEED_FORM.step}
            onChange={onFirstSeed}
          />
        </Hideable>
        <Hideable name="training">
          <SelectField
            label="Seeds"
            value={seeds.length}
            options={SEED_COUNTS}
            error={undefined}
            hint={seedsHint(seeds)}
            onChange={onSeedCount}
          />
        </Hideable>
        <Hideable name="training">
          <ConfigField path="steps" {...at} />
        </Hideable>
      </div>
      <div className="groups">
        <Group title="Data" fields={['data.']} errors={errors}>
          <Hideable name="data">
            <ConfigField path="data.regime" {...at} />
          </Hideable>
          <Hideable name="data">
            <ConfigField path="data.imageSize" {...at} />
          </Hideable>
          <Hideable name="data">
            <ConfigField path="data.channels" {...at} />
          </Hideable>
          <Hideable name="data">
            <ConfigField path="data.trainIds" {...at} />
          </Hideable>
        </Group>
        <Group title="Model and loss" fields={['model.', 'loss.']} errors={errors}>
          <Hideable name="model">
            <ConfigField path="model.backbone" {...at} />
          </Hideable>
          <Hideable name="objective">
            <ConfigField path="loss.type" {...at} />
          </Hideable>
          <Hideable name="objective">
            <ConfigField path="loss.scale" {...at} />
          </Hideable>
          <Hideable name="objective">
            <ConfigField path="loss.margin" {...at} />
          </Hideable>
        </Group>
        <Group title="Optimiser" fields={['optim.', 'batchSize']} errors={errors}>
          <Hideable name="training">
            <ConfigField path="optim.lr" {...at} />
          </Hideable>
          <Hideable name="training">
            <ConfigField path="batchSize" {...at} />
          </Hideable>
        </Group>
        <Group title="Gallery and MASST" fields={['gallery.', 'masst.']} errors={errors}>
          <Hideable name="gallery">
            <ConfigField path="gallery.queueSize" {...at} />
          </Hideable>
          <Hideable name="gallery">
            <ConfigField
              path="gallery.alpha"
              hint={
                Number.isFinite(c.gallery.alpha) && c.gallery.alpha < 1
                  ? `averages ~${emaHorizon(c.gallery.alpha).toFixed(0)} updates`
                  : undefined
              }
              {...at}
            />
          </Hideable>
          <Hideable name="masst">
            <ConfigField path="masst.agentUpdate" {...at} />
          </Hideable>
          <Hideable name="masst">
            <ConfigField path="masst.agentAlpha" alsoErrorsOf="masst.agentAlphas" {...at} />
          </Hideable>
          <Hideable name="masst">
            <ConfigField path="masst.agentInit" {...at} />
          </Hideable>
          <Hideable name="masst">
            <ConfigField path="masst.queueMode" {...at} />
          </Hideable>
        </Group>
        <Group title="Analysis" fields={['eval.', 'analysis.']} errors={errors}>
          <Hideable name="analysis">
            <ConfigField path="eval.every" {...at} />
          </Hideable>
          <Hideable name="analysis">
            <ConfigField path="analysis.every" {...at} />
          </Hideable>
          <Hideable name="analysis">
            <ConfigField path="analysis.landscapeEvery" {...at} />
          </Hideable>
          <Hideable name="analysis">
            <ConfigField path="analysis.gridPoints" {...at} />
          </Hideable>
        </Group>
        <Group title="Compute" fields={[]} errors={errors}>
          <Hideable name="compute">
            <SelectField
              label="Backend"
              value={backend}
              options={BACKEND_CHOICES}
              error={undefined}
              onChange={onBackend}
            />
          </Hideable>
          <Hideable name="compute">
            <SelectField
              label="Workers"
              value={workers === null ? 'auto' : String(workers)}
              options={WORKER_CHOICES}
              error={undefined}
              onChange={(v) => onWorkers(v === 'auto' ? null : Number(v))}
            />
          </Hideable>
        </Group>
      </div>
    </fieldset>
  );
}
