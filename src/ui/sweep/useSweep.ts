/**
 * The Sweep section's training: one SweepTrainer at a time over the page's pool and run store, its
 * latest outcome (the sweep file so far, the stored runs, progress, notes) for the heatmap, and
 * Stop. A sweep still training when the section goes away is stopped (its finished runs are stored).
 */
import { useEffect, useRef, useState } from 'react';
import type { BackendChoice } from '../../core/backends';
import type { SweepPlan } from '../../core/sweep/spec';
import { pageRunStore } from '../storage/runStoreDb';
import type { SweepOutcome, SweepPool } from './sweepTrainer';
import { SweepTrainer } from './sweepTrainer';

export interface SweepTraining {
  plan: SweepPlan | null;
  outcome: SweepOutcome | null;
  running: boolean;
  error: string | null;
  train(plan: SweepPlan, backend: BackendChoice, workers: number): void;
  stop(): void;
}

export function useSweep(pool: SweepPool): SweepTraining {
  const [plan, setPlan] = useState<SweepPlan | null>(null);
  const [outcome, setOutcome] = useState<SweepOutcome | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trainer = useRef<SweepTrainer | null>(null);
  useEffect(() => () => trainer.current?.stop('the Sweep section closed'), []);
  return {
    plan,
    outcome,
    running,
    error,
    train: (next, backend, workers) => {
      trainer.current?.stop('another sweep started');
      const t = new SweepTrainer(next, pool, pageRunStore, (o) => {
        if (trainer.current === t) setOutcome(o);
      });
      trainer.current = t;
      setPlan(next);
      setOutcome(null);
      setError(null);
      setRunning(true);
      t.run(backend, workers)
        .then(
          () => undefined,
          (e: unknown) =>
            trainer.current === t && setError(`The sweep failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => trainer.current === t && setRunning(false));
    },
    stop: () => trainer.current?.stop(),
  };
}
