/**
 * Test doubles for the page's sweep (sweepTrainer.test.ts): a run store over a Map, and a worker
 * pool that "trains" each job by posting the messages a real worker posts (ready, stats, the final
 * evaluation, a smoothness probe, finished), its final accuracy a function of the job's config, so
 * the sweep's paired numbers can be computed by hand.
 */
import type { StoredEntry } from '../../core/data/eviction';
import type { ExperimentConfig } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { FromWorker } from '../../worker/protocol';
import type { RunStoreBackend } from '../storage/runStore';
import type { StoredRun } from '../storage/storedRun';
import type { PoolJob, RoundSink } from '../pool/types';
import type { SweepPool } from './sweepTrainer';

export class MemoryRuns implements RunStoreBackend {
  readonly records = new Map<string, unknown>();
  readonly meta = new Map<string, StoredEntry>();
  get = (key: string) => Promise.resolve(this.records.get(key));
  put = (record: StoredRun, entry: StoredEntry) => {
    // A structured clone, as IndexedDB keeps it: later changes to the object do not reach the store.
    this.records.set(record.key, structuredClone(record));
    this.meta.set(entry.key, entry);
    return Promise.resolve();
  };
  touch = (entry: StoredEntry) => {
    this.meta.set(entry.key, entry);
    return Promise.resolve();
  };
  remove = (keys: readonly string[]) => {
    for (const k of keys) {
      this.records.delete(k);
      this.meta.delete(k);
    }
    return Promise.resolve();
  };
  entries = () => Promise.resolve([...this.meta.values()]);
  clear = () => {
    this.records.clear();
    this.meta.clear();
    return Promise.resolve();
  };
}

export const report = (accuracy: number): EvalReport => ({
  accuracy,
  accuracyStdErr: 0,
  auc: accuracy,
  rank1: null,
  tarAtFar: {},
  lookalikeAccuracy: null,
  roc: { fpr: [0, 1], tpr: [0, 1] },
  pairs: 10,
});

/** Final accuracy of a job: SST 0.70 + seed/100; MASST K=k 0.72 + seed/100, +0.05 with horizonMatched. */
export function fakeAccuracy(config: ExperimentConfig, seed: number): number {
  const run = config.runs[0];
  if (run?.method !== 'masst') return 0.7 + seed / 100;
  return 0.72 + seed / 100 + (config.masst.agentAlpha === 'horizonMatched' ? 0.05 : 0);
}

/** Lipschitz of a job's one probe: 5 for SST, 3 for MASST. */
const fakeLipschitz = (config: ExperimentConfig) => (config.runs[0]?.method === 'masst' ? 3 : 5);

export class FakePool implements SweepPool {
  readonly rounds: PoolJob[][] = [];
  paused = 0;
  private sessionId = 10;
  sink: RoundSink | null = null;
  /** Workers that finish their job; the others stay "training" (a test stops or interrupts them). */
  finishes: (round: number, worker: number) => boolean = () => true;

  resolveBackend = () => Promise.resolve('cpu' as const);

  trainJobs(jobs: readonly PoolJob[], _backend: string, sink: RoundSink): number {
    const previous = this.sink;
    this.sink = sink;
    previous?.interrupted();
    const sessionId = ++this.sessionId;
    const round = this.rounds.length;
    this.rounds.push([...jobs]);
    queueMicrotask(() => jobs.forEach((job, w) => this.train(sessionId, round, job, w, sink)));
    return sessionId;
  }

  private train(sessionId: number, round: number, job: PoolJob, worker: number, sink: RoundSink): void {
    const post = (msg: FromWorker) => sink.receive(msg);
    const steps = job.config.steps;
    post({
      type: 'ready',
      sessionId,
      worker,
      untrained: [{ seed: job.seed, report: report(0.5) }],
      smoothnessCost: { forward: 1, backward: 1, every: steps },
    });
    post({ type: 'state', sessionId, worker, phase: 'training', step: 0 });
    const at = Int32Array.from({ length: steps }, (_, i) => i + 1);
    post({
      type: 'stats',
      sessionId,
      batch: {
        worker,
        units: [worker],
        steps: at,
        losses: [Float32Array.from(at, (s) => 1 / s)],
        msPerStep: [1],
        stepsPerSecond: 100,
      },
    });
    if (!this.finishes(round, worker)) return;
    post({
      type: 'eval',
      sessionId,
      result: { step: steps, units: [worker], reports: [report(fakeAccuracy(job.config, job.seed))] },
    });
    const l = fakeLipschitz(job.config);
    post({
      type: 'smoothness',
      sessionId,
      run: worker,
      point: { step: steps, lossMin: 0, lossMax: 1, gradPredMin: 0, gradPredMax: 1, beta: l / 2, lipschitz: l },
    });
    post({ type: 'state', sessionId, worker, phase: 'finished', step: steps });
  }

  pause(): void {
    this.paused += 1;
  }
}
