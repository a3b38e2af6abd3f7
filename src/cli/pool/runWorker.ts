/**
 * Entry of one runner worker thread: sets up the backend named in workerData, then runs the jobs
 * the main thread sends, one at a time (see protocol.ts). A failed job is reported with its number
 * and the worker stays usable. Once the pool sets the shared stop flag, a training job ends before
 * its next step, writes its checkpoint and hands back what it has.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deserializeDataset, serializeDataset } from '../../core/data/cache';
import { useNodeBackend } from '../backend-node';
import { saveCheckpoint, savingWhilePossible } from '../checkpointFiles';
import { loadOrGenerateDataset } from '../dataset-cache-node';
import { folderDatasetNode } from '../facesNode';
import type { TrainOptions } from '../trainRuns';
import type { RunResult } from '../../core/results/resultsFile';
import { trainRuns } from '../trainRuns';
import type { FromRunWorker, RunWorkerData, ToRunWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('runWorker.ts runs only as a worker thread');
const post = (msg: FromRunWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);
const { backend: requested, stop } = workerData as RunWorkerData;
const shouldStop = (): boolean => Atomics.load(stop, 0) === 1;

/** Progress messages at most every this many ms per job (the main thread redraws one bar). */
const PROGRESS_MS = 250;

async function handle(msg: ToRunWorker, backend: string): Promise<void> {
  let last = 0;
  const progress = (job: number, done: number, total: number, loss: number | null): void => {
    const now = performance.now();
    if (now - last < PROGRESS_MS && done < total) return;
    last = now;
    post({ type: 'progress', job, done, total, loss });
  };
  switch (msg.type) {
    case 'dataset': {
      // Only a generation reports progress; a cache hit does not.
      let generated = false;
      const dataset = msg.faces
        ? await folderDatasetNode(msg.faces, msg.data, msg.seed)
        : await loadOrGenerateDataset(msg.data, msg.seed, undefined, (done, total) => {
            generated = true;
            progress(msg.job, done, total, null);
          });
      const bytes = serializeDataset(dataset);
      post({ type: 'dataset', job: msg.job, bytes, generated }, [bytes]);
      return;
    }
    case 'train': {
      const dataset = deserializeDataset(msg.dataset);
      const steps = msg.config.steps;
      const options: TrainOptions = {
        onStep: (step, losses) => progress(msg.job, step, steps, losses[0] ?? null),
        shouldStop,
      };
      const files = msg.checkpoints;
      if (files) {
        const save = savingWhilePossible(saveCheckpoint, (message) => post({ type: 'warning', job: msg.job, message }));
        options.checkpoints = { every: files.every, save: (ck, runs) => save(files.paths, ck, runs[0] as RunResult) };
      }
      if (msg.from) options.from = { checkpoint: msg.from.checkpoint, runs: [msg.from.run] };
      const result = await trainRuns(msg.config, dataset, backend, options);
      post({ type: 'trained', job: msg.job, result });
      return;
    }
  }
}

async function main(): Promise<void> {
  const backend = await useNodeBackend(requested);
  post({ type: 'ready', backend });
  port?.on('message', (msg: ToRunWorker) => {
    handle(msg, backend).catch((e: unknown) =>
      post({ type: 'error', job: msg.job, message: e instanceof Error ? e.message : String(e) }),
    );
  });
}

main().catch((e: unknown) => post({ type: 'error', job: null, message: e instanceof Error ? e.message : String(e) }));
