import { describe, expect, it, vi } from 'vitest';
import type { ResultsFile } from '../../core/results/resultsFile';
import { GhostStore, uniqueName } from './ghostStore';

const file = { version: 4 } as ResultsFile;

describe('the ghost store', () => {
  it('adds and removes files, telling its listeners', () => {
    const store = new GhostStore();
    const heard = vi.fn();
    store.subscribe(heard);
    const a = store.add('a.json', file);
    const b = store.add('b.json', file);
    expect(store.get().map((g) => g.fileName)).toEqual(['a.json', 'b.json']);
    store.remove(a.id);
    expect(store.get()).toEqual([b]);
    store.remove(a.id);
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it('names a second file of the same name apart', () => {
    const store = new GhostStore();
    store.add('a.json', file);
    expect(store.add('a.json', file).fileName).toBe('a.json (2)');
    expect(uniqueName('a.json', ['a.json', 'a.json (2)'])).toBe('a.json (3)');
  });
});
