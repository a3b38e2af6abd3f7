/**
 * A saved comparison brought back: the page's state as it was last stored, cut back to the steps
 * its workers' checkpoints hold, so what the charts show and what the workers continue from agree.
 * Points recorded after a unit's checkpoint (the last flushes before a reload) are dropped: the
 * resumed run computes them again, with the same numbers (engine.test.ts, checkpoint.test.ts).
 */
import type { WorkerCheckpoint } from '../../worker/protocol';
import type { RunSeries, UiState, WorkerState } from './state';

/** Step of each unit's checkpoint; units without one start again from 0. */
export function checkpointSteps(units: number, checkpoints: readonly WorkerCheckpoint[]): number[] {
  const steps = Array.from({ length: units }, () => 0);
  for (const ck of checkpoints) for (const g of ck.groups) for (const u of g.units) if (u < units) steps[u] = ck.step;
  return steps;
}

function cutRun(r: RunSeries, step: number): RunSeries {
  const keep = r.steps.findIndex((s) => s > step);
  const n = keep < 0 ? r.steps.length : keep;
  const evals = r.evals.filter((e) => e.step <= step);
  const lastEval = r.evals[r.evals.length - 1];
  return {
    ...r,
    steps: r.steps.slice(0, n),
    loss: r.loss.slice(0, n),
    smooth: r.smooth.slice(0, n),
    evals,
    // The full report is kept for the last evaluation only: dropped with it, back at the next one.
    latest: lastEval !== undefined && lastEval.step <= step ? r.latest : null,
    smoothness: r.smoothness.filter((p) => p.step <= step),
    agents: r.agents.filter((p) => p.step <= step),
    landscape1d: r.landscape1d !== null && r.landscape1d.step <= step ? r.landscape1d : null,
    landscape2d: r.landscape2d !== null && r.landscape2d.step <= step ? r.landscape2d : null,
    diverged: r.diverged !== null && r.diverged.step <= step ? r.diverged : null,
    // A state kept by an older build has neither field.
    queue: r.queue && (r.queue.queues[0]?.step ?? 0) <= step ? r.queue : null,
    embeddings: r.embeddings && r.embeddings.step <= step ? r.embeddings : null,
  };
}

/** The saved state as a new session `sessionId` whose workers are being built from the checkpoints. */
export function restoredState(
  saved: UiState,
  sessionId: number,
  workers: number,
  checkpoints: readonly WorkerCheckpoint[],
): UiState {
  const steps = checkpointSteps(saved.runs.length, checkpoints);
  const runs = saved.runs.map((r) => cutRun(r, steps[r.unit] ?? 0));
  const building: WorkerState[] = Array.from({ length: workers }, (_, i) => ({
    ready: false,
    phase: 'building',
    playing: false,
    step: checkpoints.find((c) => c.worker === i)?.step ?? 0,
    stepsPerSecond: 0,
  }));
  return {
    ...saved,
    sessionId,
    phase: 'starting',
    playing: false,
    step: Math.min(...building.map((w) => w.step)),
    workers: building,
    progress: null,
    runs,
    stepsPerSecond: 0,
    trace: null,
    errors: [],
  };
}
