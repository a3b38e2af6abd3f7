import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/eval/report';
import { reportedFars } from './ResultsTable';

const report = (tarAtFar: Record<string, number | null>): EvalReport => ({ accuracy: 0.6, accuracyStdErr: 0.01, auc: 0.6, rank1: 0.1, tarAtFar, lookalikeAccuracy: null, roc: { fpr: [], tpr: [] }, pairs: 20 });

describe('the results table', () => {
  it('labels its columns with the FARs the session evaluated, not the form\'s', () => {
    expect(reportedFars([null, report({ '0.1': 0.5, '0.01': 0.2 })])).toEqual(['0.1', '0.01']);
    expect(reportedFars([report({ '0.001': 0.1, '1': 1, '0.1': 0.4 })])).toEqual(['1', '0.1', '0.001']);
    expect(reportedFars([null])).toEqual([]);
  });
});
