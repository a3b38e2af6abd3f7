import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendMeasurement } from '../../core/backendChoice';
import { clearKeptBackendChoices, keepMeasurement, readKept } from './backendChoices';

/** A Map-backed localStorage: Node has none. */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const measured = (shape: string): BackendMeasurement => ({
  chosen: 'wasm',
  source: 'measured',
  results: [{ backend: 'wasm', ok: true, msPerStep: 81, steps: 3, warmupMs: 200 }],
  device: 'swiftshader · 2 cores',
  shape,
  totalMs: 3100,
  fallback: null,
});

describe('kept backend choices', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: fakeStorage(), configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps one choice per shape and forgets them all on Clear stored data', () => {
    keepMeasurement(measured('24px·b16'));
    keepMeasurement(measured('16px·b8'));
    keepMeasurement(measured('24px·b16'));
    expect(readKept().map((k) => k.shape)).toEqual(['16px·b8', '24px·b16']);
    clearKeptBackendChoices();
    expect(readKept()).toEqual([]);
  });

  it('reads nothing, and clears without throwing, where there is no storage', () => {
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(readKept()).toEqual([]);
    expect(() => clearKeptBackendChoices()).not.toThrow();
  });
});
