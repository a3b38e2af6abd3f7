import { describe, expect, it } from 'vitest';
import type { AnalysisSchedule } from './analysisSchedule';
import { dueAt } from './analysisSchedule';

const stepsWhere = (s: AnalysisSchedule, key: 'evaluate' | 'smoothness' | 'slice' | 'checkpoint' | 'last'): number[] =>
  Array.from({ length: s.total }, (_, i) => i + 1).filter((step) => dueAt(step, s)[key]);

describe('analysis schedule', () => {
  const s: AnalysisSchedule = { total: 7, evalEvery: 3, smoothEvery: 2, sliceEvery: 2, checkpointEvery: 7 };

  it('evaluates at multiples and at the last step', () => {
    expect(stepsWhere(s, 'evaluate')).toEqual([3, 6, 7]);
  });

  it('measures smoothness at multiples and at the last step, never when switched off', () => {
    expect(stepsWhere(s, 'smoothness')).toEqual([2, 4, 6, 7]);
    expect(stepsWhere({ ...s, smoothEvery: 0 }, 'smoothness')).toEqual([]);
  });

  it('slices at multiples only, and checkpoints at multiples before the last step', () => {
    expect(stepsWhere(s, 'slice')).toEqual([2, 4, 6]);
    expect(stepsWhere(s, 'checkpoint')).toEqual([]);
    expect(stepsWhere({ ...s, checkpointEvery: 3 }, 'checkpoint')).toEqual([3, 6]);
    expect(stepsWhere({ ...s, checkpointEvery: 0 }, 'checkpoint')).toEqual([]);
  });

  it('with every interval off, only the last step has its evaluation', () => {
    const off = { total: 5, evalEvery: 0, smoothEvery: 0, sliceEvery: 0, checkpointEvery: 0 };
    expect(stepsWhere(off, 'evaluate')).toEqual([5]);
    expect(stepsWhere(off, 'last')).toEqual([5]);
  });
});
