/**
 * One backend's trial for 'auto', in a worker of its own that the page throws away afterwards (so
 * no trial's backend, GPU work or memory stays behind, and a trial stuck in a synchronous shader
 * compile can be cut off by the page: ui/pool/backendTrials.ts). The worker reads its device's
 * adapters, answers with a choice kept for this device and shape if the page sent one, and
 * otherwise trains a few steps of the comparison on the backend asked for (backendTrial.ts),
 * saying when it starts timing.
 */
import { deviceKey, shapeKey } from '../core/backendChoice';
import type { BackendName } from '../core/backends';
import type { TrialResult } from '../core/backendChoice';
import { keptFor } from '../core/backendChoiceCache';
import { configureWasm, tryBackend, webglAdapter, webgpuAdapter } from './backend';
import { trialOf } from './backendTrial';
import type { Post, ToWorker } from './protocol';

type TrialRequest = Extract<ToWorker, { type: 'trialBackend' }>;

export async function runTrial(msg: TrialRequest, post: Post): Promise<void> {
  const gpu = await webgpuAdapter();
  const gl = webglAdapter();
  const device = deviceKey({ webgpu: gpu, webgl: gl, cores: navigator.hardwareConcurrency ?? 1 });
  const shape = shapeKey(msg.config, msg.threads);
  const available = (['wasm', 'webgl', 'webgpu'] as const).filter((b) =>
    b === 'webgpu' ? gpu !== null : b === 'webgl' ? gl !== null : true,
  );
  const answer = (result: TrialResult | null, earlier = keptFor(msg.kept, device, shape)) =>
    post({ type: 'trialResult', sessionId: msg.sessionId, device, shape, available: [...available], earlier, result });
  if (keptFor(msg.kept, device, shape)) return answer(null);
  const backend = msg.backend;
  await configureWasm(msg.threads);
  if (!(available as readonly BackendName[]).includes(backend) || !(await tryBackend(backend)))
    return answer({ backend, ok: false, reason: 'could not start' }, null);
  post({ type: 'trialStarted', sessionId: msg.sessionId });
  try {
    answer(await trialOf(backend, msg.config, msg.budgetMs, backend !== 'wasm'), null);
  } catch (e) {
    answer({ backend, ok: false, reason: `failed (${e instanceof Error ? e.message : String(e)})` }, null);
  }
}
