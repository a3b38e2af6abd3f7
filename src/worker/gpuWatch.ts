/**
 * Watches the WebGPU device under tfjs for the two ways it fails without throwing: the device is
 * lost (driver reset, GPU process crash), or a command is invalid (a validation error, e.g. a
 * kernel binding more storage buffers than the adapter allows). tfjs reports neither: after a
 * validation error the kernel's output is garbage and training goes on with it. The first
 * failure is reported once; the caller stops training and keeps what was computed so far.
 */

/** The parts of a GPUDevice this needs (the tfjs webgpu backend's `device`). */
export interface WatchedDevice {
  lost?: Promise<{ message?: string }>;
  addEventListener?(type: 'uncapturederror', listener: (e: { error?: { message?: string } }) => void): void;
}

export type GpuFailure = { kind: 'lost' | 'invalid'; message: string };

export function watchGpuDevice(device: WatchedDevice | undefined, onFailure: (f: GpuFailure) => void): void {
  let reported = false;
  const report = (f: GpuFailure) => {
    if (reported) return;
    reported = true;
    onFailure(f);
  };
  void device?.lost?.then((info) => report({ kind: 'lost', message: info.message || 'no reason given' }));
  device?.addEventListener?.('uncapturederror', (e) =>
    report({ kind: 'invalid', message: e.error?.message?.split('\n')[0] || 'no message' }),
  );
}

/** The sentence the page shows: what happened, that the charts are kept, what to do. */
export function gpuFailureMessage(f: GpuFailure): string {
  const what =
    f.kind === 'lost'
      ? `The WebGPU device was lost (${f.message})`
      : `WebGPU rejected a command (${f.message}), so results from here on would be wrong`;
  return `${what}. Training stopped; the charts keep every point. Choose another backend (webgl or wasm) and press Reset to go on.`;
}
