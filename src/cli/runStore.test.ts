import { mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../core/eval/report';
import { presetConfig } from '../core/presets';
import { runKey, runKeyInput } from '../core/sweep/runKey';
import type { StoredRun } from './runStore';
import { RUN_STORE_VERSION, RunStore } from './runStore';
import type { RunResult } from '../core/results/resultsFile';

const report: EvalReport = {
  accuracy: 0.7,
  accuracyStdErr: 0.01,
  auc: 0.75,
  rank1: 0.3,
  tarAtFar: { '0.1': 0.4 },
  lookalikeAccuracy: null,
} as unknown as EvalReport;

function entry(seed: number, steps = 3): StoredRun {
  const config = { ...presetConfig('smoke'), seed };
  const spec = { method: 'sst' as const, agents: 1 };
  const run: RunResult = {
    method: 'sst',
    agents: 1,
    label: 'SST',
    seed,
    history: Array.from({ length: steps }, (_, i) => ({ step: i + 1, loss: 10 - i, lr: 0.1 })),
    evals: [],
    eval: report,
    interrupted: false,
    diverged: null,
    msPerStep: 5,
    msPerEval: 9,
    analysis: { lipschitz: [], landscape1d: null, landscape2d: null, landscape1dHistory: [], agents: [] },
  };
  return {
    version: RUN_STORE_VERSION,
    key: runKey(config, spec, 'cpu'),
    input: runKeyInput(config, spec, 'cpu'),
    run,
    untrained: report,
    seconds: 1.5,
  };
}

async function store(
  bounds = { maxBytes: 1e9, maxEntries: 100 },
): Promise<{ s: RunStore; notes: string[]; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'runstore-'));
  const notes: string[] = [];
  return { s: new RunStore(dir, bounds, (l) => notes.push(l)), notes, dir };
}

describe('RunStore', () => {
  it('gives back what was put, by key; nothing for another key; no temporary file left', async () => {
    const { s, dir } = await store();
    const e = entry(1);
    await s.put(e);
    expect(await s.get(e.key)).toEqual(e);
    expect(await s.get(entry(2).key)).toBeNull();
    expect(await readdir(dir)).toEqual([`${e.key}.json`]);
    expect((await s.size()).entries).toBe(1);
  });

  it('refuses to store an interrupted run', async () => {
    const { s } = await store();
    const e = entry(1);
    await expect(s.put({ ...e, run: { ...e.run, interrupted: true, eval: null } })).rejects.toThrow(
      `run store: ${e.key} is not stored: the run did not finish`,
    );
  });

  it('drops a corrupt or foreign entry with a note, so its run is trained again', async () => {
    const { s, notes, dir } = await store();
    const a = entry(1);
    const b = entry(2);
    await s.put(a);
    await s.put(b);
    const text = await readFile(join(dir, `${a.key}.json`), 'utf8');
    await writeFile(join(dir, `${a.key}.json`), text.slice(0, text.length / 2));
    await writeFile(join(dir, `${b.key}.json`), JSON.stringify({ ...b, key: a.key }));
    expect(await s.get(a.key)).toBeNull();
    expect(await s.get(b.key)).toBeNull();
    expect(notes[0]).toMatch(
      new RegExp(`^run store: dropped ${join(dir, a.key)}\\.json: not JSON \\(.+\\); its run is trained again$`),
    );
    expect(notes[1]).toBe(
      `run store: dropped ${join(dir, b.key)}.json: it holds key ${a.key}; its run is trained again`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps within its byte bound, dropping the least recently used (a read is a use)', async () => {
    const probe = await store();
    await probe.s.put(entry(1));
    const one = (await probe.s.size()).bytes;
    // Room for two entries and a half.
    const { s } = await store({ maxBytes: Math.floor(2.5 * one), maxEntries: 100 });
    const [a, b, c] = [entry(1), entry(2), entry(3)];
    await s.put(a);
    await s.put(b);
    // a written long ago, then read now: b is the least recently used.
    const old = new Date(Date.now() - 60_000);
    await utimes(join(s.dir, `${a.key}.json`), old, old);
    await utimes(join(s.dir, `${b.key}.json`), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    expect(await s.get(a.key)).not.toBeNull();
    expect((await stat(join(s.dir, `${a.key}.json`))).mtimeMs).toBeGreaterThan(Date.now() - 10_000);
    await s.put(c);
    expect((await readdir(s.dir)).sort()).toEqual([`${a.key}.json`, `${c.key}.json`].sort());
    expect((await s.size()).bytes).toBeLessThanOrEqual(Math.floor(2.5 * one));
  });
});
