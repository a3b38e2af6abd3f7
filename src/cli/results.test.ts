import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../core/eval/report';
import { presetConfig } from '../core/presets';
import type { ResultsFile } from '../core/results/resultsFile';
import { summaryTable, verificationLine } from './results';
import { collectResults } from '../core/results/resultsFile';

const report = (rank1: number | null, coverage: EvalReport['rank1Coverage'], pairs = 20): EvalReport => ({
  accuracy: 0.6,
  accuracyStdErr: 0.01,
  auc: 0.65,
  rank1,
  ...(coverage ? { rank1Coverage: coverage } : {}),
  tarAtFar: {},
  lookalikeAccuracy: null,
  roc: { fpr: [], tpr: [] },
  pairs,
});

/** A comparison of no runs whose untrained probe evaluated `evals` (one per seed). */
function results(evals: EvalReport[], faces?: ResultsFile['faces']): ResultsFile {
  const seeds = evals.map((e, i) => ({ seed: i + 1, runs: [], untrained: e }));
  const file = collectResults(
    presetConfig('smoke'),
    seeds.map((s) => s.seed),
    seeds,
    'cpu',
    { workers: 1, wallSeconds: 0 },
    true,
  );
  return faces ? { ...file, faces } : file;
}

const lfw = {
  folder: 'lfw',
  pairsFile: 'lfw/pairs.txt',
  key: 'k',
  identities: 30,
  images: 65,
  pairsFormat: 'lfw-10-fold' as const,
};

describe('the runner table header', () => {
  it('states the pairs and held-out identities the evaluation used, not the config, and what rank-1 covered', () => {
    const c = presetConfig('smoke').data;
    const coverage = { identities: 5, testIdentities: 13, probes: 15, notApplicable: null };
    const line = verificationLine(results([report(0.4, coverage, 40)], lfw));
    expect(line).toBe(
      'verification: 40 pairs from lfw/pairs.txt of 13 held-out IDs, 10 folds; rank-1 over 5 of 13 held-out identities (those with ≥ 2 test images), 15 probes',
    );
    expect(line).not.toContain(`${c.pairs} pairs`);
    expect(summaryTable(results([report(0.4, coverage, 40)], lfw)).split('\n')[1]).toMatch(
      /^verification: 40 pairs from lfw\/pairs.txt of 13 held-out IDs/,
    );
  });

  it('says rank-1 is n/a with its reason, and prints n/a in the rank-1 column', () => {
    const none = {
      identities: 0,
      testIdentities: 8,
      probes: 0,
      notApplicable:
        'no held-out identity has 2 or more test images (8 identities, 1 image each): rank-1 needs a gallery and a probe of one person',
    };
    const file = results([report(null, none), report(null, none)], lfw);
    expect(verificationLine(file)).toBe(
      `verification: 20 pairs from lfw/pairs.txt of 8 held-out IDs, 10 folds; rank-1 n/a: ${none.notApplicable}`,
    );
    const row = summaryTable(file)
      .split('\n')
      .find((l) => l.startsWith('Untrained probe'));
    expect(row?.split(/\s{2,}/).slice(1, 4)).toEqual(['0.600 ± 0.000', '0.650 ± 0.000', 'n/a']);
  });

  it('falls back to the config for files without coverage, and names a folder without pairs.txt', () => {
    const c = presetConfig('smoke').data;
    expect(verificationLine(results([report(0.3, undefined, c.pairs)]))).toBe(
      `verification: ${c.pairs} pairs of ${c.testIds} held-out IDs, 10 folds`,
    );
    const sampled = verificationLine(
      results([report(0.3, { identities: 4, testIdentities: 4, probes: 8, notApplicable: null })], {
        ...lfw,
        pairsFile: null,
        pairsFormat: null,
      }),
    );
    expect(sampled).toBe(
      'verification: 20 pairs sampled from lfw of 4 held-out IDs, 10 folds; rank-1 over all 4 held-out identities, 8 probes',
    );
  });
});
