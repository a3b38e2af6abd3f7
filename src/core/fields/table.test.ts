import { describe, expect, it } from 'vitest';
import type { ExperimentConfig, Method } from '../config';
import { METHODS } from '../config';
import { leafPaths } from '../configOverride';
import { PRESET_NAMES, presetConfig } from '../presets';
import { runKey } from '../sweep/runKey';
import { decodeConfig, encodeConfig } from '../urlCodec';
import { validate } from '../validate';
import { FIELDS, field, methodReads, ruleText, setAt, urlFields, valueAt } from './table';
import type { FieldSpec } from './types';

const leaves = (name: (typeof PRESET_NAMES)[number]) => [...leafPaths(presetConfig(name)).keys()];

/** Another value of the field than `config`'s (any: the run key does not validate). */
function otherValue(f: FieldSpec, config: ExperimentConfig): unknown {
  const v = valueAt(config, f.path);
  if (f.rule.kind === 'choice') return f.rule.choices.find((c) => c !== v);
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return [...(v as number[]), 0.5];
  return (v as number) + 1;
}

/** A value of a URL field that differs from the preset's and that validate() accepts. */
function validOtherValue(f: FieldSpec, base: ExperimentConfig): ExperimentConfig | null {
  if (f.path === 'runs')
    return {
      ...structuredClone(base),
      runs: [
        { method: 'sst', agents: 1 },
        { method: 'masst', agents: 2 },
      ],
    };
  const v = valueAt(base, f.path);
  const candidates =
    f.rule.kind === 'choice'
      ? f.rule.choices.filter((c) => c !== v)
      : [2, 0.5, 1.5, 3, 1 / 3]
          .map((k) => (v as number) * k)
          .flatMap((x) => [x, Math.round(x)])
          .concat([(v as number) + 1, 0]);
  // A value may need room another field gives (per-agent queues need a short queue).
  const fixups = [(_: ExperimentConfig) => {}, (c: ExperimentConfig) => (c.gallery.queueSize = c.batchSize)];
  for (const fix of fixups) {
    for (const c of candidates) {
      if (c === v) continue;
      const config = structuredClone(base);
      fix(config);
      setAt(config, f.path, c);
      if (validate(config).length === 0) return config;
    }
  }
  return null;
}

describe('the field table', () => {
  it('has a row for every leaf of every preset, and no row that is not a field', () => {
    for (const name of PRESET_NAMES)
      expect(
        leaves(name).filter((p) => FIELDS.every((f) => f.path !== p)),
        name,
      ).toEqual([]);
    const demo = leaves('demo');
    expect(FIELDS.map((f) => f.path).filter((p) => p !== 'runs' && !demo.includes(p))).toEqual([]);
    expect(new Set(FIELDS.map((f) => f.path)).size).toBe(FIELDS.length);
  });

  it('gives every field its help and what it allows, and every URL field a name and a label', () => {
    for (const f of FIELDS) {
      expect(f.help.length, f.path).toBeGreaterThan(15);
      expect(ruleText(f.rule).length, f.path).toBeGreaterThan(4);
    }
    const params = urlFields().map((f) => f.param);
    expect(new Set(params).size).toBe(params.length);
    // The embedding size is the one URL field without a control on the page.
    expect(
      urlFields()
        .filter((f) => f.form === undefined)
        .map((f) => f.path),
    ).toEqual(['model.embedDim']);
    const labels = FIELDS.flatMap((f) => (f.form === undefined ? [] : [f.form.label]));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keeps the URL names and form labels links and tests rely on', () => {
    expect(field('gallery.queueSize')).toMatchObject({ param: 'queue', form: { label: 'Queue size' } });
    expect(field('analysis.every')).toMatchObject({
      param: 'smoothEvery',
      oldParams: ['probeEvery'],
      flag: '--smooth-every',
    });
    expect(urlFields().map((f) => f.param)).toEqual([
      'seed',
      'steps',
      'batch',
      'lr',
      'queue',
      'alpha',
      'loss',
      'scale',
      'margin',
      'backbone',
      'embed',
      'size',
      'channels',
      'regime',
      'trainIds',
      'agentUpdate',
      'agentAlpha',
      'agentInit',
      'queueMode',
      'evalEvery',
      'smoothEvery',
      'sliceEvery',
      'grid',
      'methods',
    ]);
  });

  for (const f of urlFields()) {
    it(`round-trips ${f.param} (${f.path}) through the URL`, () => {
      const base = presetConfig('smoke');
      const config = validOtherValue(f, base);
      expect(config, 'a valid value other than the preset’s').not.toBeNull();
      const params = encodeConfig('smoke', config as ExperimentConfig, 'auto');
      expect([...params.keys()]).toContain(f.param);
      const back = decodeConfig(params);
      expect(back.problems).toEqual([]);
      expect(back.config).toEqual(config);
    });
  }

  it('leaves the run key of a method alone when it changes a field that method does not read, and moves it otherwise', () => {
    const demo = presetConfig('demo');
    for (const f of FIELDS.filter((x) => x.path !== 'runs')) {
      const changed = structuredClone(demo);
      setAt(changed, f.path, otherValue(f, demo));
      for (const method of METHODS) {
        const run = { method, agents: method === 'masst' ? 4 : 1 };
        const same = runKey(changed, run, 'cpu') === runKey(demo, run, 'cpu');
        expect(same, `${f.path} for ${method}`).toBe(!f.methods.includes(method));
      }
    }
    // The list of runs is no run's business: each is keyed by its own method and K.
    expect(runKey({ ...demo, runs: [{ method: 'sst', agents: 1 }] }, { method: 'sst', agents: 1 }, 'cpu')).toBe(
      runKey(demo, { method: 'sst', agents: 1 }, 'cpu'),
    );
  });

  it('says which methods read a field: the gallery α is not Conventional’s, masst.* is MASST’s alone', () => {
    const readers = (path: string): Method[] => METHODS.filter((m) => methodReads(m, path));
    expect(readers('gallery.alpha')).toEqual(['sst', 'masst']);
    expect(readers('gallery.queueSize')).toEqual(['conventional', 'sst', 'masst']);
    expect(readers('masst.agentAlphas')).toEqual(['masst']);
    expect(readers('data.variation.pose')).toEqual(['conventional', 'sst', 'masst']);
    expect(() => methodReads('sst', 'galleryx')).toThrow('config field "galleryx" is not in the field table');
  });
});
