/**
 * A stored comparison read back from IndexedDB is checked like an imported file before anything
 * renders or restores it: a record of the wrong shape (written by an older build, a browser
 * extension, a half-written transaction, a hand edit) must never reach code that assumes the
 * shape, which would blank the page on every reload. checkSaved writes nothing (it is async only
 * to read the checkpoints' Blobs): it returns the comparison typed, with the runs no checkpoint
 * holds (they restart from step 0, which the prompt says), or the problems, each naming the field,
 * its value and what is allowed.
 *
 * A checkpoint that is present but unusable (not an object, no groups, bytes this build cannot
 * decode, units its worker would not train again) makes the whole record unusable: it is offered
 * for Discard only. A checkpoint that is simply absent (a reload before a worker's first one, or
 * a deleted one) is not a fault of the record: Restore is offered, naming the runs that start again.
 */
import type { ExperimentConfig } from '../../core/config';
import { runLabel } from '../../core/config';
import { PRESET_NAMES, presetConfig } from '../../core/presets';
import type { PresetName } from '../../core/presets';
import { MAX_WORKERS } from '../../core/seeds';
import { seedListProblem, SEEDS_RULE } from '../../core/seedList';
import { decodeCheckpoint } from '../../core/train/checkpointCodec';
import { validate } from '../../core/validate';
import type { UiState } from '../store/state';
import { planPool } from '../pool/plan';
import type { GroupCheckpoint, WorkerCheckpoint } from '../../worker/protocol';
import type { BackendChoice } from '../../core/backends';
import { BACKEND_CHOICES } from '../../core/backends';
import type { FolderSource } from '../../core/faces/source';

export interface SavedSetup {
  preset: PresetName;
  config: ExperimentConfig;
  seeds: number[];
  backend: BackendChoice;
  workers: number;
  /** "Your faces": the folder's File handles (IndexedDB keeps them as it keeps any File); absent: synthetic faces. */
  folder?: FolderSource | null;
}

export interface SavedComparison {
  /** ms since the epoch, when the state was last written. */
  savedAt: number;
  setup: SavedSetup;
  state: UiState;
  checkpoints: WorkerCheckpoint[];
}

export type Checked =
  | {
      ok: true;
      saved: SavedComparison;
      /** Labels of the runs with history that no checkpoint holds ("SST · seed 2"): Restore starts them at 0. */
      unresumable: string[];
    }
  | { ok: false; problems: string[] };

/** How a stored value is quoted in a message: short, and never the whole of a large value. */
export function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof ArrayBuffer) return `${value.byteLength} bytes`;
  if (value instanceof Blob) return `${value.size} bytes`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const bad = (field: string, value: unknown, allowed: string) =>
  `${field} = ${shown(value)} is not allowed: expected ${allowed}`;

/** Every nested section of a preset's config must be there, of the same kind, before validate() reads it. */
function shapeProblems(stored: Record<string, unknown>, reference: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const [key, ref] of Object.entries(reference)) {
    const value = stored[key];
    const field = `${path}.${key}`;
    if (Array.isArray(ref) && !Array.isArray(value)) problems.push(bad(field, value, 'a list'));
    else if (isObject(ref)) {
      if (!isObject(value)) problems.push(bad(field, value, 'an object'));
      else problems.push(...shapeProblems(value, ref, field));
    }
  }
  return problems;
}

function configProblems(config: unknown): string[] {
  if (!isObject(config)) return [bad('setup.config', config, 'an experiment configuration (an object)')];
  const shape = shapeProblems(config, presetConfig('smoke') as unknown as Record<string, unknown>, 'setup.config');
  if (shape.length > 0) return shape;
  try {
    return validate(config as unknown as ExperimentConfig).map((i) => `setup.config.${i.message.replace(/\.$/, '')}`);
  } catch (e) {
    return [`setup.config cannot be checked (${e instanceof Error ? e.message : String(e)})`];
  }
}

function setupProblems(setup: unknown): string[] {
  if (!isObject(setup))
    return [bad('setup', setup, 'the comparison’s setup (preset, config, seeds, backend, workers)')];
  const problems: string[] = [];
  if (!(PRESET_NAMES as readonly unknown[]).includes(setup.preset))
    problems.push(bad('setup.preset', setup.preset, `one of ${PRESET_NAMES.join(', ')}`));
  problems.push(...configProblems(setup.config));
  const seeds = setup.seeds;
  if (!Array.isArray(seeds) || seedListProblem(seeds) !== null)
    problems.push(bad('setup.seeds', seeds, `a list of ${SEEDS_RULE}`));
  if (!(BACKEND_CHOICES as readonly unknown[]).includes(setup.backend))
    problems.push(bad('setup.backend', setup.backend, `one of ${BACKEND_CHOICES.join(', ')}`));
  if (!isInt(setup.workers, 1, MAX_WORKERS))
    problems.push(bad('setup.workers', setup.workers, `an integer from 1 to ${MAX_WORKERS}`));
  const folder = setup.folder;
  if (
    folder !== undefined &&
    folder !== null &&
    !(isObject(folder) && typeof folder.key === 'string' && Array.isArray(folder.files))
  ) {
    problems.push(bad('setup.folder', folder, 'none, or a face folder (its key and files)'));
  }
  return problems;
}

const SERIES = ['steps', 'loss', 'smooth', 'evals', 'smoothness', 'agents'] as const;
const OPTIONAL_AT_STEP = ['latest', 'landscape1d', 'landscape2d', 'diverged', 'queue', 'embeddings'] as const;

/** What restoring and drawing the state read without checking: the runs, one per unit, and their series. */
function stateProblems(state: unknown, units: number): string[] {
  if (!isObject(state)) return [bad('state', state, 'the page’s state (an object)')];
  if (!Array.isArray(state.runs)) return [bad('state.runs', state.runs, 'a list of runs')];
  if (state.runs.length !== units) return [bad('state.runs', state.runs, `${units} runs (methods × seeds of setup)`)];
  for (const [i, run] of state.runs.entries()) {
    const field = `state.runs[${i}]`;
    if (!isObject(run)) return [bad(field, run, 'a run (an object)')];
    if (run.unit !== i) return [bad(`${field}.unit`, run.unit, String(i))];
    for (const key of SERIES) if (!Array.isArray(run[key])) return [bad(`${field}.${key}`, run[key], 'a list')];
    const n = (run.steps as unknown[]).length;
    if (!(run.steps as unknown[]).every((s) => isInt(s, 1, Number.MAX_SAFE_INTEGER)))
      return [bad(`${field}.steps`, run.steps, 'a list of steps ≥ 1')];
    for (const key of ['loss', 'smooth'] as const)
      if ((run[key] as unknown[]).length !== n) return [bad(`${field}.${key}`, run[key], `${n} values, one per step`)];
    for (const key of ['evals', 'smoothness', 'agents'] as const) {
      if (!(run[key] as unknown[]).every((p) => isObject(p) && typeof p.step === 'number'))
        return [bad(`${field}.${key}`, run[key], 'a list of points, each with its step')];
    }
    for (const key of OPTIONAL_AT_STEP)
      if (run[key] !== undefined && run[key] !== null && !isObject(run[key]))
        return [bad(`${field}.${key}`, run[key], 'none or an object')];
  }
  for (const key of ['untrained', 'workers', 'errors'] as const)
    if (!Array.isArray(state[key])) return [bad(`state.${key}`, state[key], 'a list')];
  const d = state.dataset;
  if (d !== null && d !== undefined && !(isObject(d) && Array.isArray(d.samples) && Array.isArray(d.pairs)))
    return [bad('state.dataset', d, 'none or a dataset view (samples and pairs)')];
  return [];
}

/**
 * A group's stored bytes: a Blob (this build's layout), or the ArrayBuffer that builds before it
 * stored inline, read back the same way; anything else is not a checkpoint.
 */
async function storedBytes(value: unknown): Promise<ArrayBuffer | null> {
  if (value instanceof ArrayBuffer) return value;
  if (value instanceof Blob) return value.arrayBuffer();
  return null;
}

/**
 * One checkpoint: its shape, then its bytes decoded with the codec's own checks (magic, bounds,
 * version). Returns the problems, or the checkpoint with its bytes as a Blob (an old inline
 * ArrayBuffer is wrapped, so the rest of the page sees one layout).
 */
async function checkCheckpoint(
  ck: unknown,
  field: string,
  steps: number,
  workers: number,
): Promise<{ problems: string[] } | { checkpoint: WorkerCheckpoint }> {
  const fail = (problem: string) => ({ problems: [problem] });
  if (!isObject(ck)) return fail(bad(field, ck, 'a worker’s checkpoint (an object)'));
  if (!isInt(ck.worker, 0, workers - 1))
    return fail(bad(`${field}.worker`, ck.worker, `an integer from 0 to ${workers - 1}`));
  if (!isInt(ck.step, 0, steps)) return fail(bad(`${field}.step`, ck.step, `an integer from 0 to ${steps}`));
  if (!Array.isArray(ck.groups) || ck.groups.length === 0)
    return fail(bad(`${field}.groups`, ck.groups, 'a list of at least one seed’s runs'));
  const groups: GroupCheckpoint[] = [];
  for (const [gi, g] of ck.groups.entries()) {
    const at = `${field}.groups[${gi}]`;
    if (!isObject(g)) return fail(bad(at, g, 'an object'));
    if (!Array.isArray(g.units) || g.units.length === 0 || !g.units.every((u) => isInt(u, 0, Number.MAX_SAFE_INTEGER)))
      return fail(bad(`${at}.units`, g.units, 'a list of unit numbers'));
    if (!Array.isArray(g.active) || g.active.length !== g.units.length)
      return fail(bad(`${at}.active`, g.active, `${g.units.length} flags, one per unit`));
    const bytes = await storedBytes(g.bytes);
    if (bytes === null) return fail(bad(`${at}.bytes`, g.bytes, 'the checkpoint’s bytes'));
    try {
      const decoded = decodeCheckpoint(bytes, `${at}.bytes`);
      if (decoded.step !== ck.step)
        return fail(
          bad(
            `${at}.bytes`,
            g.bytes,
            `a checkpoint at step ${ck.step}, its worker’s step (it is at step ${decoded.step})`,
          ),
        );
      if (decoded.runs.length !== g.units.length)
        return fail(bad(`${at}.bytes`, g.bytes, `${g.units.length} runs (it holds ${decoded.runs.length})`));
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    const blob = g.bytes instanceof Blob ? g.bytes : new Blob([bytes]);
    groups.push({ ...(g as unknown as GroupCheckpoint), bytes: blob });
  }
  return { checkpoint: { ...(ck as unknown as WorkerCheckpoint), groups } };
}

/**
 * The stored record `raw`, checked. A usable record's checkpoints must each belong to a worker that
 * the same setup plans with the same units (else the pool would silently start them from 0).
 */
export async function checkSaved(raw: unknown): Promise<Checked> {
  if (!isObject(raw))
    return {
      ok: false,
      problems: [bad('the stored comparison', raw, 'an object with savedAt, setup, state and checkpoints')],
    };
  const problems: string[] = [];
  if (!(typeof raw.savedAt === 'number' && Number.isFinite(raw.savedAt) && raw.savedAt > 0))
    problems.push(bad('savedAt', raw.savedAt, 'a time (ms since 1970)'));
  const setup = setupProblems(raw.setup);
  problems.push(...setup);
  if (setup.length > 0) return { ok: false, problems };
  const s = raw.setup as unknown as SavedSetup;
  const units = s.seeds.length * s.config.runs.length;
  problems.push(...stateProblems(raw.state, units));
  if (!Array.isArray(raw.checkpoints))
    problems.push(bad('checkpoints', raw.checkpoints, 'a list (empty when no checkpoint was taken)'));
  const checkpoints: WorkerCheckpoint[] = [];
  if (Array.isArray(raw.checkpoints)) {
    for (const [i, ck] of raw.checkpoints.entries()) {
      const checked = await checkCheckpoint(ck, `checkpoints[${i}]`, s.config.steps, s.workers);
      if ('problems' in checked) problems.push(...checked.problems);
      else checkpoints.push(checked.checkpoint);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const saved = { ...(raw as unknown as SavedComparison), checkpoints };
  const plans = planPool(s.config, s.seeds, s.workers);
  const held = new Set<number>();
  const workers = new Set<number>();
  for (const [i, ck] of saved.checkpoints.entries()) {
    if (workers.has(ck.worker))
      return {
        ok: false,
        problems: [bad(`checkpoints[${i}].worker`, ck.worker, 'one checkpoint per worker (this worker has two)')],
      };
    workers.add(ck.worker);
    const planned = plans[ck.worker]?.units.map((u) => u.unit).join(',') ?? 'none';
    const stored = ck.groups.flatMap((g) => g.units).join(',');
    if (stored !== planned)
      return {
        ok: false,
        problems: [
          bad(
            `checkpoints[${i}] (worker ${ck.worker + 1}) units`,
            stored,
            `the units this setup plans for that worker, ${planned}`,
          ),
        ],
      };
    for (const g of ck.groups) for (const u of g.units) held.add(u);
  }
  const unresumable = saved.state.runs
    .filter((r) => r.steps.length > 0 && !held.has(r.unit))
    .map(
      (r) =>
        `${runLabel(s.config.runs[r.unit % s.config.runs.length] ?? r.spec)} · seed ${s.seeds[Math.floor(r.unit / s.config.runs.length)] ?? '?'}`,
    );
  return { ok: true, saved, unresumable };
}
