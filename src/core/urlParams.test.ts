import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets';
import { encodePageParams } from './seeds';
import { encodeConfig, PARAMS, RENAMED_PARAMS } from './urlCodec';
import { decodePage, editDistance, KNOWN_PARAMS, likelyMeant, nameProblems } from './urlParams';

const problems = (q: string) => nameProblems(new URLSearchParams(q));

describe('URL parameter names', () => {
  it('knows the config parameters, their old names, preset, backend, seeds and workers, each once', () => {
    expect(KNOWN_PARAMS).toEqual(
      expect.arrayContaining([
        ...Object.keys(PARAMS),
        'probeEvery',
        'preset',
        'backend',
        'seeds',
        'workers',
        'hide',
        'lock',
        'checkpoint',
        'hideSeries',
        'sweepAxis1',
        'sweepAxis2',
        'sweepMethods',
        'sweepSeeds',
      ]),
    );
    expect(new Set(KNOWN_PARAMS).size).toBe(KNOWN_PARAMS.length);
    expect(KNOWN_PARAMS).toHaveLength(Object.keys(PARAMS).length + Object.keys(RENAMED_PARAMS).length + 12);
  });

  it('the page writes only names it reads back', () => {
    const c = presetConfig('smoke');
    c.seed = 3;
    c.steps = 9;
    c.loss.type = 'arc';
    c.runs = [{ method: 'sst', agents: 1 }];
    const params = encodeConfig('smoke', c, 'wasm');
    encodePageParams(params, 'smoke', 3, [3, 8], 2);
    expect([...params.keys()].every((k) => KNOWN_PARAMS.includes(k))).toBe(true);
    expect(nameProblems(params)).toEqual([]);
  });

  it('measures edits, a swap of neighbours counting one', () => {
    expect(editDistance('setps', 'steps')).toBe(1);
    expect(editDistance('step', 'steps')).toBe(1);
    expect(editDistance('bacth', 'batch')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'lr')).toBe(2);
  });

  it('suggests the parameter a typo most likely meant, ignoring case, and nothing far off', () => {
    expect(likelyMeant('setps')).toBe('steps');
    expect(likelyMeant('Steps')).toBe('steps');
    expect(likelyMeant('SEED')).toBe('seed');
    expect(likelyMeant('seedss')).toBe('seeds');
    // as near to seed as to seeds: the first in the list
    expect(likelyMeant('seedz')).toBe('seed');
    expect(likelyMeant('lrr')).toBe('lr');
    expect(likelyMeant('agentupdate')).toBe('agentUpdate');
    expect(likelyMeant('x')).toBeNull();
    expect(likelyMeant('color')).toBeNull();
  });

  it('names an unknown parameter with its value and the parameter meant', () => {
    expect(problems('setps=5')).toEqual([
      { param: 'setps', value: '5', message: 'setps = "5" is not a parameter and is ignored; did you mean steps?' },
    ]);
  });

  it('lists the known parameters when no name is near', () => {
    const [p] = problems('preset=smoke&color=red');
    expect(p?.param).toBe('color');
    expect(p?.message).toBe(
      `color = "red" is not a parameter and is ignored; the parameters are ${KNOWN_PARAMS.join(', ')}.`,
    );
    expect(p?.message).toContain('preset, seed, steps, batch');
    expect(p?.message).toContain(
      'seeds, workers, hide, lock, checkpoint, hideSeries, sweepAxis1, sweepAxis2, sweepMethods, sweepSeeds.',
    );
  });

  it('names a repeated parameter with its values and uses the first', () => {
    expect(problems('seed=1&steps=3&seed=abc')).toEqual([
      {
        param: 'seed',
        value: '1, abc',
        message: 'seed is given 2 times ("1", "abc"); a parameter may appear once, so the first, "1", is used.',
      },
    ]);
    const d = decodePage(new URLSearchParams('preset=smoke&seed=1&seed=abc'));
    expect(d.url.config.seed).toBe(1);
    expect(d.problems).toHaveLength(1);
  });

  it('reports an unknown parameter once however often it appears, with all its values', () => {
    expect(problems('foo=1&foo=2').map((p) => p.message)).toEqual([
      `foo = "1", "2" is not a parameter and is ignored; the parameters are ${KNOWN_PARAMS.join(', ')}.`,
    ]);
  });

  it('decodes the whole page: names first, then values, and the valid rest applies', () => {
    const d = decodePage(
      new URLSearchParams('preset=smoke&setps=5&seed=1&seed=abc&steps=12&batch=abc&workers=0&seeds=2'),
    );
    expect(d.problems.map((p) => p.param)).toEqual(['setps', 'seed', 'batch', 'workers']);
    expect(d.url.config.steps).toBe(12);
    expect(d.url.config.seed).toBe(1);
    expect(d.page.seeds).toEqual([1, 2]);
    expect(decodePage(new URLSearchParams('')).problems).toEqual([]);
  });
});
