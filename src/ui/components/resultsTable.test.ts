import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/eval/report';
import { rank1Note, reportedFars } from './ResultsTable';

const report = (tarAtFar: Record<string, number | null>): EvalReport => ({
  accuracy: 0.6,
  accuracyStdErr: 0.01,
  auc: 0.6,
  rank1: 0.1,
  tarAtFar,
  lookalikeAccuracy: null,
  roc: { fpr: [], tpr: [] },
  pairs: 20,
});

describe('the results table', () => {
  it("labels its columns with the FARs the session evaluated, not the form's", () => {
    expect(reportedFars([null, report({ '0.1': 0.5, '0.01': 0.2 })])).toEqual(['0.1', '0.01']);
    expect(reportedFars([report({ '0.001': 0.1, '1': 1, '0.1': 0.4 })])).toEqual(['1', '0.1', '0.001']);
    expect(reportedFars([null])).toEqual([]);
  });

  it('says what rank-1 was taken over, or why it is n/a, once per distinct coverage', () => {
    const some = { identities: 5, testIdentities: 13, probes: 15, notApplicable: null };
    const none = {
      identities: 0,
      testIdentities: 8,
      probes: 0,
      notApplicable:
        'no held-out identity has 2 or more test images (8 identities, 1 image each): rank-1 needs a gallery and a probe of one person',
    };
    const withCoverage = (c: typeof some | typeof none): EvalReport => ({
      ...report({}),
      rank1: c.notApplicable === null ? 0.4 : null,
      rank1Coverage: c,
    });
    expect(rank1Note([null, withCoverage(some), withCoverage(some)])).toBe(
      'Rank-1 over 5 of 13 held-out identities (those with ≥ 2 test images), 15 probes.',
    );
    expect(rank1Note([withCoverage(none)])).toBe(`Rank-1 n/a: ${none.notApplicable}.`);
    expect(rank1Note([report({})])).toBeNull();
  });
});
