import { describe, expect, it } from 'vitest';
import { applyOverride, applyOverrides } from '../configOverride';
import { presetConfig } from '../presets';
import { overridesOf, sweepableFields } from './pageSweep';
import { decodeSweepQuery, encodeSweepQuery, NO_SWEEP } from './sweepQuery';

const smoke = presetConfig('smoke');

describe('the page sweep form', () => {
  it('offers every settable field but the seed and the number lists, with the values of enumerations and switches', () => {
    const fields = sweepableFields(smoke);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('masst.agentAlpha')?.choices).toEqual(['shared', 'perAgent', 'horizonMatched']);
    expect(byPath.get('data.channels')?.choices).toEqual(['1', '3']);
    expect(byPath.get('analysis.slice2d')?.choices).toEqual(['true', 'false']);
    expect(byPath.get('gallery.alpha')).toEqual({ path: 'gallery.alpha', kind: 'number', choices: null });
    expect(byPath.has('seed')).toBe(false);
    expect(byPath.has('optim.milestones')).toBe(false);
    expect(byPath.has('masst.agentAlphas')).toBe(false);
  });

  it("writes the form's config as the preset's overrides, which give it back", () => {
    let c = applyOverride(smoke, 'steps=6');
    c = applyOverride(c, 'optim.milestones=0.5');
    c = { ...applyOverride(c, 'masst.agentInit=staggered'), seed: 9, runs: [{ method: 'sst', agents: 1 }] };
    const set = overridesOf('smoke', c);
    expect(set).toEqual(['steps=6', 'optim.milestones=0.5', 'masst.agentInit=staggered']);
    expect({ ...applyOverrides(smoke, set), seed: 9, runs: c.runs }).toEqual(c);
    expect(overridesOf('smoke', smoke)).toEqual([]);
  });
});

describe('the sweep in the URL', () => {
  it('round-trips axes, methods and seeds', () => {
    const setup = {
      axes: [
        { path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] },
        { path: 'gallery.alpha', values: ['0.9', '0.99'] },
      ],
      methods: 'sst,masst2',
      seeds: [1, 2, 3],
    };
    const params = new URLSearchParams();
    encodeSweepQuery(params, setup);
    expect(params.get('sweepAxis1')).toBe('masst.agentAlpha:shared,horizonMatched');
    expect(decodeSweepQuery(new URLSearchParams(params.toString()), smoke)).toEqual({ setup, problems: [] });
    const none = new URLSearchParams();
    encodeSweepQuery(none, NO_SWEEP);
    expect(none.toString()).toBe('');
  });

  it('names each malformed value with what is allowed and keeps the rest', () => {
    const q = new URLSearchParams(
      'sweepAxis1=masst.agentAlpha:shared,sometimes,shared&sweepAxis2=colour:red&sweepMethods=sst,svm&sweepSeeds=1,-2',
    );
    const { setup, problems } = decodeSweepQuery(q, smoke);
    expect(setup).toEqual({ axes: [{ path: 'masst.agentAlpha', values: ['shared'] }], methods: null, seeds: null });
    expect(problems.map((p) => p.message)).toEqual([
      'sweepAxis1: masst.agentAlpha value "sometimes" is not allowed: expected one of shared, perAgent, horizonMatched; it is left out.',
      'sweepAxis1: masst.agentAlpha value "shared" is not allowed: is given twice: expected each value once; it is left out.',
      expect.stringMatching(
        /^sweepAxis2 = "colour:red" is not allowed: "colour" is not a sweepable field; expected one of steps, batchSize, /,
      ),
      expect.stringMatching(
        /^sweepMethods = "sst,svm" is not allowed: expected a comma-separated list of conventional, sst, masstK/,
      ),
      expect.stringMatching(
        /^sweepSeeds = "1,-2" is not allowed: expected 1 to 16 distinct integers from 0 to 4294967295/,
      ),
    ]);
    expect(
      decodeSweepQuery(new URLSearchParams('sweepAxis1=gallery.alpha:0.9,abc'), smoke).problems.map((p) => p.message),
    ).toEqual(['sweepAxis1: gallery.alpha value "abc" is not allowed: expected a finite number; it is left out.']);
    expect(decodeSweepQuery(new URLSearchParams('sweepAxis1=steps'), smoke).problems[0]?.message).toBe(
      'sweepAxis1 = "steps" is not allowed: expected path:value1,value2,…, e.g. masst.agentAlpha:shared,horizonMatched; the axis is ignored.',
    );
  });
});
