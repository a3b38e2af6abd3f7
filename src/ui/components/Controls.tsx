/**
 * The experiment form: the scenario, methods, seeds and steps first, then the other settings in
 * collapsible groups (data, model and loss, optimiser, gallery and MASST, analysis, compute). Each
 * field shows validate()'s message for it (field, value, allowed range), and a group with a
 * message opens; the parent keeps Train disabled while any message is shown.
 */
import type { ReactNode } from 'react';
import type { ExperimentConfig } from '../../core/config';
import { emaHorizon } from '../../core/config';
import type { PresetName } from '../../core/presets';
import { PRESET_NAMES } from '../../core/presets';
import type { BackendChoice } from '../../core/backends';
import { BACKEND_CHOICES } from '../../core/backends';
import { CHOICES } from '../../core/validate';
import { MAX_SEEDS, MAX_WORKERS } from '../../core/seeds';
import { NumberField, SelectField } from './Field';
import { MethodsField } from './MethodsField';
import { Hideable } from '../teacher';

interface Props {
  preset: PresetName;
  config: ExperimentConfig;
  /** The seeds, each a run of every method: consecutive from the config's seed, or a URL's list. */
  seeds: readonly number[];
  /** Pool size; null = the cores the browser reports. */
  workers: number | null;
  backend: BackendChoice;
  /** validate() messages by field path. */
  errors: ReadonlyMap<string, string>;
  disabled: boolean;
  onPreset: (name: PresetName) => void;
  onChange: (edit: (draft: ExperimentConfig) => void) => void;
  onSeedCount: (count: number) => void;
  onWorkers: (workers: number | null) => void;
  onBackend: (backend: BackendChoice) => void;
}

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
function Group({ title, fields, errors, children }: { title: string; fields: readonly string[]; errors: ReadonlyMap<string, string>; children: ReactNode }) {
  const failing = [...errors.keys()].some((k) => fields.some((f) => k.startsWith(f)));
  return (
    <details className="group" open={failing || undefined}>
      <summary>{title}</summary>
      <div className="row">{children}</div>
    </details>
  );
}

export function Controls({ preset, config: c, seeds, workers, backend, errors, disabled, onPreset, onChange, onSeedCount, onWorkers, onBackend }: Props) {
  const err = (field: string) => errors.get(field);
  return (
    <fieldset className="controls" disabled={disabled}>
      <legend>Experiment</legend>
      <div className="row">
        <Hideable name="preset"><SelectField label="Scenario" value={preset} options={PRESET_NAMES} error={undefined} onChange={onPreset} /></Hideable>
        <Hideable name="methods"><MethodsField runs={c.runs} errors={errors} onChange={(runs) => onChange((d) => (d.runs = runs))} /></Hideable>
        <Hideable name="training"><NumberField label="Seed" value={c.seed} error={err('seed')} step={1} onChange={(v) => onChange((d) => (d.seed = v))} /></Hideable>
        <Hideable name="training"><SelectField label="Seeds" value={seeds.length} options={SEED_COUNTS} error={undefined} hint={seedsHint(seeds)} onChange={onSeedCount} /></Hideable>
        <Hideable name="training"><NumberField label="Steps" value={c.steps} error={err('steps')} step={1} onChange={(v) => onChange((d) => (d.steps = v))} /></Hideable>
      </div>
      <div className="groups">
        <Group title="Data" fields={['data.']} errors={errors}>
          <Hideable name="data"><SelectField label="Regime" value={c.data.regime} options={CHOICES.regime} error={err('data.regime')} onChange={(v) => onChange((d) => (d.data.regime = v))} /></Hideable>
          <Hideable name="data"><NumberField label="Image size (px)" value={c.data.imageSize} error={err('data.imageSize')} step={4} onChange={(v) => onChange((d) => (d.data.imageSize = v))} /></Hideable>
          <Hideable name="data"><SelectField label="Channels" value={c.data.channels} options={CHOICES.channels} error={err('data.channels')} onChange={(v) => onChange((d) => (d.data.channels = v))} /></Hideable>
          <Hideable name="data"><NumberField label="Training IDs" value={c.data.trainIds} error={err('data.trainIds')} step={1} onChange={(v) => onChange((d) => (d.data.trainIds = v))} /></Hideable>
        </Group>
        <Group title="Model and loss" fields={['model.', 'loss.']} errors={errors}>
          <Hideable name="model"><SelectField label="Backbone" value={c.model.backbone} options={CHOICES.backbone} error={err('model.backbone')} onChange={(v) => onChange((d) => (d.model.backbone = v))} /></Hideable>
          <Hideable name="objective"><SelectField label="Loss" value={c.loss.type} options={CHOICES.lossType} error={err('loss.type')} onChange={(v) => onChange((d) => (d.loss.type = v))} /></Hideable>
          <Hideable name="objective"><NumberField label="Scale s" value={c.loss.scale} error={err('loss.scale')} onChange={(v) => onChange((d) => (d.loss.scale = v))} /></Hideable>
          <Hideable name="objective"><NumberField label="Margin m" value={c.loss.margin} error={err('loss.margin')} step={0.05} onChange={(v) => onChange((d) => (d.loss.margin = v))} /></Hideable>
        </Group>
        <Group title="Optimiser" fields={['optim.', 'batchSize']} errors={errors}>
          <Hideable name="training"><NumberField label="Learning rate" value={c.optim.lr} error={err('optim.lr')} onChange={(v) => onChange((d) => (d.optim.lr = v))} /></Hideable>
          <Hideable name="training"><NumberField label="Batch (IDs)" value={c.batchSize} error={err('batchSize')} step={1} onChange={(v) => onChange((d) => (d.batchSize = v))} /></Hideable>
        </Group>
        <Group title="Gallery and MASST" fields={['gallery.', 'masst.']} errors={errors}>
          <Hideable name="gallery"><NumberField label="Queue size" value={c.gallery.queueSize} error={err('gallery.queueSize')} step={1} onChange={(v) => onChange((d) => (d.gallery.queueSize = v))} /></Hideable>
          <Hideable name="gallery">
            <NumberField
              label="EMA α"
              value={c.gallery.alpha}
              error={err('gallery.alpha')}
              step={0.001}
              hint={Number.isFinite(c.gallery.alpha) && c.gallery.alpha < 1 ? `averages ~${emaHorizon(c.gallery.alpha).toFixed(0)} updates` : undefined}
              onChange={(v) => onChange((d) => (d.gallery.alpha = v))}
            />
          </Hideable>
          <Hideable name="masst"><SelectField label="Agent update" value={c.masst.agentUpdate} options={CHOICES.agentUpdate} error={err('masst.agentUpdate')} onChange={(v) => onChange((d) => (d.masst.agentUpdate = v))} /></Hideable>
          <Hideable name="masst"><SelectField label="Agent α" value={c.masst.agentAlpha} options={CHOICES.agentAlpha} error={err('masst.agentAlpha') ?? err('masst.agentAlphas')} onChange={(v) => onChange((d) => (d.masst.agentAlpha = v))} /></Hideable>
          <Hideable name="masst"><SelectField label="Agent init" value={c.masst.agentInit} options={CHOICES.agentInit} error={err('masst.agentInit')} onChange={(v) => onChange((d) => (d.masst.agentInit = v))} /></Hideable>
          <Hideable name="masst"><SelectField label="Queue mode" value={c.masst.queueMode} options={CHOICES.queueMode} error={err('masst.queueMode')} onChange={(v) => onChange((d) => (d.masst.queueMode = v))} /></Hideable>
        </Group>
        <Group title="Analysis" fields={['eval.', 'analysis.']} errors={errors}>
          <Hideable name="analysis"><NumberField label="Evaluate every (steps)" value={c.eval.every} error={err('eval.every')} step={1} onChange={(v) => onChange((d) => (d.eval.every = v))} /></Hideable>
          <Hideable name="analysis"><NumberField label="Smoothness check every (steps)" value={c.analysis.every} error={err('analysis.every')} step={1} onChange={(v) => onChange((d) => (d.analysis.every = v))} /></Hideable>
          <Hideable name="analysis"><NumberField label="1-D slice every (steps)" value={c.analysis.landscapeEvery} error={err('analysis.landscapeEvery')} step={1} onChange={(v) => onChange((d) => (d.analysis.landscapeEvery = v))} /></Hideable>
          <Hideable name="analysis"><SelectField label="Landscape grid" value={c.analysis.gridPoints} options={[11, 21, 51] as const} error={err('analysis.gridPoints')} onChange={(v) => onChange((d) => (d.analysis.gridPoints = v))} /></Hideable>
        </Group>
        <Group title="Compute" fields={[]} errors={errors}>
          <Hideable name="compute"><SelectField label="Backend" value={backend} options={BACKEND_CHOICES} error={undefined} onChange={onBackend} /></Hideable>
          <Hideable name="compute"><SelectField label="Workers" value={workers === null ? 'auto' : String(workers)} options={WORKER_CHOICES} error={undefined} onChange={(v) => onWorkers(v === 'auto' ? null : Number(v))} /></Hideable>
        </Group>
      </div>
    </fieldset>
  );
}
