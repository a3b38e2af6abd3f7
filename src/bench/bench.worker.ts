/**
 * Measures one backend in a worker, where the playground trains (src/worker/): the backend is
 * chosen by the playground's own selection, so a backend that is not available here is reported
 * as an error instead of being measured under the wrong name. A one-run request times one run on
 * the wasm backend on the threads asked for (a fresh worker per request: the count is fixed when
 * the backend starts).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdKernelStatus } from '../backends/simdStatus';
import * as tf from '../core/tf';
import { configureWasm, selectBackend } from '../worker/backend';
import { measureBackend } from './measure';
import { timeOneRun } from './oneRun';
import type { BenchReply, BenchRequest } from './protocol';

const post = (reply: BenchReply) => self.postMessage(reply);

async function handle(request: BenchRequest): Promise<void> {
  if (request.kind === 'oneRun') {
    const threadedBuild = (await configureWasm(request.threads)) > 1;
    const report = await selectBackend({
      choice: 'wasm',
      threads: request.threads,
      measurement: null,
      trialFailure: null,
    });
    if (report.backend !== 'wasm')
      throw new Error(
        `the wasm backend is not available in this browser: ${report.notice ?? `tfjs runs on ${report.backend}`}`,
      );
    post({ type: 'progress', text: `one ${request.preset} run on wasm, ${report.threads} thread(s)…` });
    post({
      type: 'oneRun',
      threadedBuild,
      threads: report.threads,
      simdKernels: simdKernelStatus(tf.backend() as BackendWasm),
      times: await timeOneRun(request.preset, request.steps),
    });
    return;
  }
  const { backend, quick } = request;
  const report = await selectBackend({ choice: backend, threads: 1, measurement: null, trialFailure: null });
  if (report.backend !== backend)
    throw new Error(
      `backend "${backend}" is not available in this browser: ${report.notice ?? `tfjs runs on ${report.backend}`}`,
    );
  const adapter = report.adapter
    ? `${report.adapter.vendor} ${report.adapter.architecture}${report.adapter.software ? ' (software)' : ''}`
    : 'CPU';
  post({ type: 'progress', text: `measuring ${backend} (${adapter})…` });
  const times = await measureBackend(backend, quick, (partial) => post({ type: 'partial', adapter, times: partial }));
  post({ type: 'result', backend, adapter, times });
}

self.onmessage = (e: MessageEvent<BenchRequest>) => {
  handle(e.data).catch((err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
