import { describe, expect, it } from 'vitest';
import type { Ghost } from './ghosts';
import { ghostRuns } from './ghosts';
import { ghostAccuracyLines, ghostAgentLines, ghostLossLines, ghostProbeLines } from './ghostLines';
import { ghostPairedRows, ghostResultRows } from './ghostTables';
import { parseRunFile } from './runFile';

/** A file parseRunFile accepts that has nothing beyond what it checks, and odd values where it does not look. */
function sparse(extra: Record<string, unknown> = {}): Ghost {
  const text = JSON.stringify({
    version: 4,
    config: { runs: 'all' },
    runs: [
      {
        label: 'SST',
        seed: 1,
        history: [
          { step: 1, loss: 2, lr: 0.1 },
          { step: 2, loss: 1, lr: 0.1 },
        ],
        evals: [{ step: 1, accuracy: 0.6, auc: 0.7 }],
        eval: { accuracy: 0.7, auc: 0.8, tarAtFar: 'x' },
      },
      {
        label: 'Other',
        seed: 1,
        history: [],
        evals: [],
        eval: null,
        analysis: { lipschitz: [{ step: 1, beta: 'x' }], agents: [{ step: 1, distance: 'far' }] },
      },
    ],
    ...extra,
  });
  const parsed = parseRunFile('sparse.json', text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { id: 1, fileName: 'sparse.json', file: parsed.file };
}

describe('a sparse or odd run file', () => {
  it('draws what it has and leaves the rest out', () => {
    const runs = ghostRuns(sparse());
    expect(runs[0]?.evals.map((e) => e.step)).toEqual([1, 2]);
    expect(runs[0]?.latest).toMatchObject({
      accuracy: 0.7,
      auc: 0.8,
      tarAtFar: {},
      rank1: NaN,
      roc: { fpr: [], tpr: [] },
    });
    expect(runs[1]).toMatchObject({ latest: null, smoothness: [], agents: [] });
    expect(ghostLossLines(runs)).toHaveLength(2);
    expect(ghostAccuracyLines(runs)).toHaveLength(1);
    expect(ghostProbeLines(runs, (p) => p.beta)).toEqual([]);
    expect(ghostAgentLines(runs)).toEqual([]);
  });

  it('reads rank-1 of old files (a number, no coverage) and new ones (null with its coverage, or a number over some identities)', () => {
    const coverage = {
      identities: 0,
      testIdentities: 13,
      probes: 0,
      notApplicable: 'no held-out identity has 2 or more test images',
    };
    const runs = ghostRuns(
      sparse({
        runs: [
          { label: 'Old', seed: 1, history: [], evals: [], eval: { accuracy: 0.7, auc: 0.8, rank1: 0.4 } },
          {
            label: 'New',
            seed: 1,
            history: [],
            evals: [],
            eval: { accuracy: 0.7, auc: 0.8, rank1: null, rank1Coverage: coverage },
          },
          {
            label: 'Some',
            seed: 1,
            history: [],
            evals: [],
            eval: {
              accuracy: 0.7,
              auc: 0.8,
              rank1: 0.5,
              rank1Coverage: { ...coverage, identities: 5, probes: 15, notApplicable: null },
            },
          },
          {
            label: 'Odd',
            seed: 1,
            history: [],
            evals: [],
            eval: { accuracy: 0.7, auc: 0.8, rank1: 0.5, rank1Coverage: { identities: 'five' } },
          },
        ],
      }),
    );
    expect(runs.map((r) => [r.latest?.rank1, r.latest?.rank1Coverage])).toEqual([
      [0.4, undefined],
      [NaN, coverage],
      [0.5, { ...coverage, identities: 5, probes: 15, notApplicable: null }],
      [0.5, undefined],
    ]);
  });

  it('gives table rows without an untrained probe or paired differences it cannot read', () => {
    expect(ghostResultRows(sparse({ untrained: [{ seed: 1 }] })).map((r) => r.label)).toEqual([
      'sparse.json: SST',
      'sparse.json: Other',
    ]);
    expect(ghostPairedRows(sparse({ pairedDifferences: 'none' }))).toEqual([]);
  });
});
