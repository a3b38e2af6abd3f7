/**
 * `--resume DIR`: reads DIR/results.json and the runs' checkpoint files, checks all of it before
 * anything trains or is written, and says how each run of the experiment starts: kept as it is
 * (finished, or diverged: more steps cannot change it), continued from its checkpoint (its record
 * cut back to the checkpoint's step), or trained from step 0 (not started, or no checkpoint).
 * Every problem is an Error naming the file and what is wrong with it.
 * A checkpoint whose bytes no longer match their checksum is refused, not skipped: each run keeps
 * one checkpoint (every save replaces it), so there is no earlier good one to fall back to, and
 * training that run again from step 0 throws away its steps, which is the user's call (the
 * message says how: remove the file). A checkpoint of the format before checksums is used, with a
 * note that nothing could check it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentConfig } from '../core/config';
import { runLabel } from '../core/config';
import type { EvalReport } from '../core/eval/report';
import type { ComparisonCheckpoint } from '../core/train/checkpoint';
import { validate } from '../core/validate';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { checkpointPaths, readCheckpoint, readRecord } from './checkpointFiles';
import type { RunStart } from './pool/runPool';
import type { ResultsFile } from '../core/results/resultsFile';
import { fromPytorch, RESULTS_VERSION } from '../core/results/resultsFile';
import type { RunResult } from '../core/results/resultsFile';
import { recordAt } from './trainRuns';

export interface ResumePlan {
  results: ResultsFile;
  backend: NodeBackend;
  /** Indexed [planned seed index][run index]. */
  starts: RunStart[][];
  /** Every run kept and the file complete: nothing to train. */
  done: boolean;
  /** One line for stderr: how many runs are kept, continued (where) and restarted. */
  summary: string;
  /** Lines for stderr before the summary: checkpoints used without a checksum to check them. */
  notes: string[];
}

async function readResults(dir: string): Promise<ResultsFile> {
  const file = join(dir, 'results.json');
  const info = await stat(dir).catch(() => null);
  if (info === null)
    throw new Error(`--resume "${dir}" is not allowed: no such directory, expected the --out folder of an earlier run`);
  if (!info.isDirectory())
    throw new Error(`--resume "${dir}" is not allowed: it is a file, expected the --out folder of an earlier run`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `--resume "${dir}": ${file} does not exist (the runner writes it before any training), so there is nothing to resume`
        : `${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${file} is not JSON (${e instanceof Error ? e.message : String(e)}): expected the results.json the runner writes`,
    );
  }
  return checkedResults(parsed, file);
}

function checkedResults(parsed: unknown, file: string): ResultsFile {
  const r = parsed as Partial<ResultsFile> | null;
  if (typeof r !== 'object' || r === null) throw new Error(`${file} is not a results file: expected a JSON object`);
  // Its runs have no runner checkpoints and came from other kernels: continuing them here would mix two sources under one file.
  if (fromPytorch(r))
    throw new Error(
      `${file} was written by the exported PyTorch project (source: ${JSON.stringify(r.source)}); --resume continues only runner experiments (train it again with that project's train.py, or start a runner experiment with --out)`,
    );
  if (r.version !== RESULTS_VERSION) {
    throw new Error(
      `${file} has version ${JSON.stringify(r.version)}: --resume reads version ${RESULTS_VERSION}, the one this runner writes (earlier runners wrote no checkpoints)`,
    );
  }
  const seedsOk =
    Array.isArray(r.plannedSeeds) &&
    r.plannedSeeds.length > 0 &&
    r.plannedSeeds.every((s) => Number.isInteger(s) && s >= 0);
  if (!seedsOk)
    throw new Error(
      `${file}: plannedSeeds ${JSON.stringify(r.plannedSeeds)} is not allowed: expected a non-empty list of integers ≥ 0`,
    );
  if (!Array.isArray(r.runs) || !Array.isArray(r.untrained))
    throw new Error(`${file}: expected the lists "runs" and "untrained"`);
  for (const [i, run] of r.runs.entries()) checkRecord(run, `${file}: runs[${i}]`);
  let issues: string[];
  try {
    issues = validate(r.config as ExperimentConfig).map((i) => i.message);
  } catch (e) {
    issues = [`it cannot be read (${e instanceof Error ? e.message : String(e)})`];
  }
  if (issues.length > 0)
    throw new Error(`${file}: its config is not valid:\n${issues.map((m) => `  - ${m}`).join('\n')}`);
  return r as ResultsFile;
}

/** Throws, naming `where`, unless `run` has the fields a resume reads. */
function checkRecord(run: unknown, where: string): asserts run is RunResult {
  const r = run as Partial<RunResult> | null;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.label === 'string' &&
    Number.isInteger(r.seed) &&
    Array.isArray(r.history) &&
    Array.isArray(r.evals) &&
    typeof r.analysis === 'object' &&
    r.analysis !== null &&
    Array.isArray(r.analysis.lipschitz) &&
    Array.isArray(r.analysis.agents) &&
    Array.isArray(r.analysis.landscape1dHistory) &&
    typeof r.interrupted === 'boolean' &&
    (r.diverged === null || typeof r.diverged?.step === 'number');
  if (!ok)
    throw new Error(
      `${where} is not a run record: expected label, seed, history, evals, analysis, interrupted and diverged as the runner writes them`,
    );
}

function chosenBackend(results: ResultsFile, flag: NodeBackend | null, file: string): NodeBackend {
  const trained = results.backend as NodeBackend;
  if (!NODE_BACKENDS.includes(trained))
    throw new Error(
      `${file}: backend "${results.backend}" is not one this runner has: expected one of ${NODE_BACKENDS.join(', ')}`,
    );
  // Refused rather than warned about: the steps after the checkpoint would come from other
  // kernels (another rounding), so a run's history would mix two backends under one `backend`.
  if (flag !== null && flag !== trained) {
    throw new Error(
      `--backend ${flag} is not allowed with --resume: ${file} was trained on ${trained}, and a run continues its numbers only on the same backend; leave --backend out, or start a new experiment with --out`,
    );
  }
  return trained;
}

interface Ctx {
  dir: string;
  results: ResultsFile;
  untrained: Map<number, EvalReport>;
  notes: string[];
}

/** The checkpoint of `label` on `seed` and the run's record up to its step; null when it has no checkpoint. */
async function continued(
  ctx: Ctx,
  seed: number,
  label: string,
  inResults: RunResult | undefined,
): Promise<{ checkpoint: ComparisonCheckpoint; run: RunResult } | null> {
  const paths = checkpointPaths(ctx.dir, seed, label);
  let read;
  try {
    read = await readCheckpoint(paths.checkpoint);
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}; --resume uses no part of it: remove it to train ${label} on seed ${seed} again from step 0`,
    );
  }
  if (read === null) return null;
  const { checkpoint } = read;
  if (!read.checked)
    ctx.notes.push(
      `${paths.checkpoint} has no checksum (written by a runner before checksums): used as it is, unchecked; its next save adds one`,
    );
  const steps = ctx.results.config.steps;
  const wrong =
    checkpoint.seed !== seed
      ? `it is of seed ${checkpoint.seed}`
      : !checkpoint.runs.some((r) => r.label === label)
        ? `it has no run "${label}" (it has ${checkpoint.runs.map((r) => `"${r.label}"`).join(', ')})`
        : !Number.isInteger(checkpoint.step) || checkpoint.step < 0 || checkpoint.step > steps
          ? `its step ${checkpoint.step} is outside 0 to the config's ${steps} steps`
          : null;
  if (wrong !== null) throw new Error(`${paths.checkpoint} does not belong to ${label} on seed ${seed}: ${wrong}`);
  // The record beside the checkpoint reaches its step unless something other than the runner changed it; results.json's does after a Ctrl-C.
  const beside = await readRecord(paths.record);
  const records: Array<[RunResult, string]> = [];
  if (beside !== null) {
    checkRecord(beside, paths.record);
    if (beside.label !== label || beside.seed !== seed)
      throw new Error(
        `${paths.record} holds ${beside.label} on seed ${beside.seed}, expected ${label} on seed ${seed}`,
      );
    records.push([beside, paths.record]);
  }
  if (inResults) records.push([inResults, join(ctx.dir, 'results.json')]);
  const reach = (r: RunResult): number =>
    r.diverged !== null ? Infinity : (r.history[r.history.length - 1]?.step ?? 0);
  const usable = records.find(([r]) => reach(r) >= checkpoint.step);
  if (!usable) {
    const ends =
      records.length > 0
        ? records.map(([r, where]) => `at step ${reach(r)} in ${where}`).join(' and ')
        : `nowhere (no ${paths.record})`;
    throw new Error(
      `${paths.checkpoint} is at step ${checkpoint.step}, but the history of ${label} on seed ${seed} ends ${ends}; remove the checkpoint to train this run again from step 0`,
    );
  }
  return { checkpoint, run: recordAt(usable[0], checkpoint.step, usable[1]) };
}

async function startOf(ctx: Ctx, seed: number, label: string): Promise<RunStart> {
  const inResults = ctx.results.runs.find((r) => r.seed === seed && r.label === label);
  const untrained = ctx.untrained.get(seed) ?? null;
  if (inResults && (!inResults.interrupted || inResults.diverged !== null)) {
    if (untrained === null)
      throw new Error(`${join(ctx.dir, 'results.json')}: seed ${seed} has runs but no "untrained" evaluation`);
    return { kind: 'kept', run: { ...inResults, interrupted: false }, untrained };
  }
  const from = await continued(ctx, seed, label, inResults);
  return from === null ? { kind: 'fresh' } : { kind: 'resume', ...from, untrained };
}

export async function planResume(dir: string, backendFlag: NodeBackend | null): Promise<ResumePlan> {
  const results = await readResults(dir);
  const file = join(dir, 'results.json');
  const backend = chosenBackend(results, backendFlag, file);
  const labels = results.config.runs.map(runLabel);
  const seen = new Set<string>();
  for (const r of results.runs) {
    const key = `${r.label} on seed ${r.seed}`;
    if (!labels.includes(r.label) || !results.plannedSeeds.includes(r.seed))
      throw new Error(
        `${file}: run ${key} is not one of its config's runs (${labels.join(', ')}) on its plannedSeeds (${results.plannedSeeds.join(', ')})`,
      );
    if (seen.has(key)) throw new Error(`${file}: run ${key} appears twice`);
    seen.add(key);
  }
  const ctx: Ctx = { dir, results, untrained: new Map(results.untrained.map((u) => [u.seed, u.eval])), notes: [] };
  const starts: RunStart[][] = [];
  for (const seed of results.plannedSeeds) {
    const row: RunStart[] = [];
    for (const label of labels) row.push(await startOf(ctx, seed, label));
    starts.push(row);
  }
  const all = starts.flat();
  const resumed = results.plannedSeeds.flatMap((seed, i) =>
    (starts[i] ?? []).flatMap((s, j) =>
      s.kind === 'resume' ? [`${labels[j]} on seed ${seed} at step ${s.checkpoint.step}`] : [],
    ),
  );
  const count = (kind: RunStart['kind']): number => all.filter((s) => s.kind === kind).length;
  const summary = `resuming ${dir}: ${count('kept')} of ${all.length} runs kept as they are, ${resumed.length} continued from their checkpoint${resumed.length > 0 ? ` (${resumed.join(', ')})` : ''}, ${count('fresh')} from step 0`;
  return {
    results,
    backend,
    starts,
    done: count('kept') === all.length && results.complete,
    summary,
    notes: ctx.notes,
  };
}
