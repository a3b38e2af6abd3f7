/**
 * The experiment form. Each field shows validate()'s message for it (field, value, allowed
 * range); issues of fields the form does not show are listed under it, so Train is never
 * disabled without a visible reason.
 */
import type { ExperimentConfig } from '../../core/config';
import { emaHorizon } from '../../core/config';
import { PRESET_NAMES } from '../../core/presets';
import { BACKEND_PARAM_CHOICES } from '../../core/urlCodec';
import { CHOICES } from '../../core/validate';
import type { FormState } from '../store/form';
import { editConfig, withPreset } from '../store/form';
import { NumberField, SelectField } from './Field';
import { MasstFields } from './MasstFields';
import { MethodsField } from './MethodsField';

interface Props {
  form: FormState;
  /** While training runs the form is read-only: a change applies on the next Train or Reset. */
  disabled: boolean;
  onEdit: (change: (form: FormState) => FormState) => void;
}

/** Fields with an input here (runs[…] belong to the methods field). */
const SHOWN = [
  'seed', 'steps', 'batchSize', 'data.regime', 'data.trainIds', 'data.imageSize', 'data.channels', 'model.backbone',
  'model.embedDim', 'loss.type', 'loss.scale', 'loss.margin', 'optim.lr', 'gallery.queueSize', 'gallery.alpha',
  'masst.agentUpdate', 'masst.agentAlpha', 'masst.agentAlphas', 'masst.agentInit', 'masst.queueMode', 'eval.every',
  'analysis.every', 'analysis.landscapeEvery', 'analysis.gridPoints',
];

const horizonHint = (alpha: number) => (Number.isFinite(alpha) && alpha >= 0 && alpha < 1 ? `horizon 1/(1−α) ≈ ${emaHorizon(alpha).toFixed(0)} steps` : undefined);

export function Controls({ form, disabled, onEdit }: Props) {
  const c = form.config;
  const errors = new Map<string, string>();
  for (const issue of form.issues) if (!errors.has(issue.field)) errors.set(issue.field, issue.message);
  const err = (field: string) => errors.get(field);
  const edit = (change: (draft: ExperimentConfig) => void) => onEdit((f) => editConfig(f, change));
  const others = form.issues.filter((i) => !SHOWN.includes(i.field) && !i.field.startsWith('runs'));
  return (
    <fieldset className="controls" disabled={disabled}>
      <legend>Experiment</legend>
      <div className="row">
        <SelectField label="Scenario" value={form.preset} options={PRESET_NAMES} error={undefined} onChange={(p) => onEdit((f) => withPreset(f, p))} />
        <SelectField label="Regime" value={c.data.regime} options={CHOICES.regime} error={err('data.regime')} onChange={(v) => edit((d) => (d.data.regime = v))} />
        <NumberField label="Training IDs" value={c.data.trainIds} error={err('data.trainIds')} step={1} onChange={(v) => edit((d) => (d.data.trainIds = v))} />
        <NumberField label="Image size (px)" value={c.data.imageSize} error={err('data.imageSize')} step={4} onChange={(v) => edit((d) => (d.data.imageSize = v))} />
        <SelectField label="Channels" value={c.data.channels} options={CHOICES.channels} error={err('data.channels')} onChange={(v) => edit((d) => (d.data.channels = v))} />
        <SelectField label="Backbone" value={c.model.backbone} options={CHOICES.backbone} error={err('model.backbone')} onChange={(v) => edit((d) => (d.model.backbone = v))} />
        <NumberField label="Embedding D" value={c.model.embedDim} error={err('model.embedDim')} step={1} onChange={(v) => edit((d) => (d.model.embedDim = v))} />
        <NumberField label="Seed" value={c.seed} error={err('seed')} step={1} onChange={(v) => edit((d) => (d.seed = v))} />
        <NumberField label="Steps" value={c.steps} error={err('steps')} step={1} onChange={(v) => edit((d) => (d.steps = v))} />
      </div>
      <div className="row">
        <MethodsField runs={c.runs} errors={errors} onChange={(runs) => edit((d) => (d.runs = runs))} />
        <SelectField label="Loss" value={c.loss.type} options={CHOICES.lossType} error={err('loss.type')} onChange={(v) => edit((d) => (d.loss.type = v))} />
        <NumberField label="Scale s" value={c.loss.scale} error={err('loss.scale')} onChange={(v) => edit((d) => (d.loss.scale = v))} />
        <NumberField
          label="Margin m"
          value={c.loss.margin}
          error={err('loss.margin')}
          step={0.05}
          hint={c.loss.type === 'softmax' ? 'unused by softmax' : c.loss.type === 'arc' ? 'radians' : 'cosine'}
          onChange={(v) => edit((d) => (d.loss.margin = v))}
        />
        <NumberField label="Learning rate" value={c.optim.lr} error={err('optim.lr')} onChange={(v) => edit((d) => (d.optim.lr = v))} />
        <NumberField label="Batch (IDs)" value={c.batchSize} error={err('batchSize')} step={1} onChange={(v) => edit((d) => (d.batchSize = v))} />
        <NumberField label="Queue size" value={c.gallery.queueSize} error={err('gallery.queueSize')} step={1} onChange={(v) => edit((d) => (d.gallery.queueSize = v))} />
        <NumberField label="EMA α" value={c.gallery.alpha} error={err('gallery.alpha')} step={0.001} hint={horizonHint(c.gallery.alpha)} onChange={(v) => edit((d) => (d.gallery.alpha = v))} />
      </div>
      <MasstFields config={c} err={err} edit={edit} />
      <div className="row">
        <NumberField label="Evaluate every (steps)" value={c.eval.every} error={err('eval.every')} step={1} onChange={(v) => edit((d) => (d.eval.every = v))} />
        <NumberField label="Probe every (steps)" value={c.analysis.every} error={err('analysis.every')} step={1} onChange={(v) => edit((d) => (d.analysis.every = v))} />
        <NumberField label="1-D slice every (steps)" value={c.analysis.landscapeEvery} error={err('analysis.landscapeEvery')} step={1} onChange={(v) => edit((d) => (d.analysis.landscapeEvery = v))} />
        <SelectField label="Landscape grid" value={c.analysis.gridPoints} options={[11, 21, 51] as const} error={err('analysis.gridPoints')} onChange={(v) => edit((d) => (d.analysis.gridPoints = v))} />
        <SelectField label="Backend" value={form.backend} options={BACKEND_PARAM_CHOICES} error={undefined} onChange={(v) => onEdit((f) => ({ ...f, backend: v }))} />
      </div>
      {others.length > 0 && (
        <ul className="other-issues" aria-label="Other settings to fix">
          {others.map((i) => <li key={i.field}>{i.message}</li>)}
        </ul>
      )}
    </fieldset>
  );
}
