import { describe, expect, it } from 'vitest';
import { MAX_WASM_THREADS, wasmThreads } from './plan';

describe('wasm threads per worker', () => {
  it('share the cores a small pool leaves idle', () => {
    expect(wasmThreads(2, 1)).toBe(2);
    expect(wasmThreads(8, 3)).toBe(2);
    expect(wasmThreads(4, 2)).toBe(2);
  });

  it('are one when the workers already keep every core busy', () => {
    expect(wasmThreads(2, 2)).toBe(1);
    expect(wasmThreads(2, 3)).toBe(1);
    expect(wasmThreads(undefined, 1)).toBe(1);
  });

  it('stop at the pthread pool the threaded build starts', () => {
    expect(wasmThreads(64, 1)).toBe(MAX_WASM_THREADS);
  });
});
