import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import * as tf from '../core/tf';
import type { GpuFailure, WatchedDevice } from './gpuWatch';
import { gpuFailureMessage, watchGpuDevice } from './gpuWatch';

/** A device whose loss and validation errors the test triggers. */
function fakeDevice() {
  let lose: (info: { message?: string }) => void = () => undefined;
  let listener: ((e: { error?: { message?: string } }) => void) | undefined;
  const device: WatchedDevice = {
    lost: new Promise((resolve) => (lose = resolve)),
    addEventListener: (_type, l) => void (listener = l),
  };
  return {
    device,
    lose: (message: string) => lose({ message }),
    fail: (message: string) => listener?.({ error: { message } }),
  };
}

describe('WebGPU device watch', () => {
  afterAll(() => useNodeBackend('cpu'));

  it('reports the first failure only, with its first line', async () => {
    const seen: GpuFailure[] = [];
    const d = fakeDevice();
    watchGpuDevice(d.device, (f) => seen.push(f));
    d.fail('The number of storage buffers (30) exceeds the limit (8).\n - While validating');
    d.lose('destroyed');
    await Promise.resolve();
    expect(seen).toEqual([{ kind: 'invalid', message: 'The number of storage buffers (30) exceeds the limit (8).' }]);
    expect(gpuFailureMessage(seen[0] as GpuFailure)).toMatch(
      /^WebGPU rejected a command .* Choose another backend \(webgl or wasm\)/,
    );
  });

  it('reports a lost device', async () => {
    const seen: GpuFailure[] = [];
    const d = fakeDevice();
    watchGpuDevice(d.device, (f) => seen.push(f));
    d.lose('');
    await d.device.lost;
    expect(seen).toEqual([{ kind: 'lost', message: 'no reason given' }]);
  });

  // A real invalid command on Dawn's device (Node, SwiftShader): tf.addN of 30 inputs binds more
  // storage buffers than the default limit of 8.
  it("catches a real validation error of tfjs's webgpu backend", async () => {
    await useNodeBackend('webgpu');
    const seen: GpuFailure[] = [];
    watchGpuDevice((tf.backend() as unknown as { device: WatchedDevice }).device, (f) => seen.push(f));
    const inputs = Array.from({ length: 30 }, () => tf.ones([4]));
    const sum = tf.addN(inputs);
    await sum.data();
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    expect(seen[0]?.kind).toBe('invalid');
    expect(seen[0]?.message).toMatch(/storage buffers/);
    tf.dispose([...inputs, sum]);
  });
});
