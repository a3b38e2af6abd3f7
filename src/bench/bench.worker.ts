/**
 * Measures one backend in a worker, where the playground trains (src/worker/): the backend is
 * chosen by the playground's own selection, so a backend that is not available here is reported
 * as an error instead of being measured under the wrong name.
 */
import { selectBackend } from '../worker/backend';
import { measureBackend } from './measure';
import type { BenchReply, BenchRequest } from './protocol';

const post = (reply: BenchReply) => self.postMessage(reply);

self.onmessage = async (e: MessageEvent<BenchRequest>) => {
  const { backend, quick } = e.data;
  try {
    const report = await selectBackend({ choice: backend, threads: 1, measurement: null, trialFailure: null });
    if (report.backend !== backend) throw new Error(`backend "${backend}" is not available in this browser: ${report.notice ?? `tfjs runs on ${report.backend}`}`);
    const adapter = report.adapter ? `${report.adapter.vendor} ${report.adapter.architecture}${report.adapter.software ? ' (software)' : ''}` : 'CPU';
    post({ type: 'progress', text: `measuring ${backend} (${adapter})…` });
    const times = await measureBackend(backend, quick, (partial) => post({ type: 'partial', adapter, times: partial }));
    post({ type: 'result', backend, adapter, times });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
