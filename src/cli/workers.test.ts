import { describe, expect, it } from 'vitest';
import { workerCount } from './workers';

describe("the runner's worker count", () => {
  it('lowers a --workers above what the experiment can keep busy, saying the value used and why', () => {
    expect(workerCount(100000, false, 2, 1, 2)).toEqual({
      used: 3,
      note: '--workers 100000: this experiment has 1 seed dataset and 2 runs, so at most 3 workers can be busy; using 3',
    });
    expect(workerCount(3, false, 2, 1, 2)).toEqual({ used: 3, note: null });
    expect(workerCount(2, false, 16, 3, 9)).toEqual({ used: 2, note: null });
  });

  it('defaults to the cores (one on webgpu), never more than the jobs, without a note', () => {
    expect(workerCount(null, false, 16, 1, 2)).toEqual({ used: 3, note: null });
    expect(workerCount(null, false, 2, 3, 9)).toEqual({ used: 2, note: null });
    expect(workerCount(null, true, 16, 3, 9)).toEqual({ used: 1, note: null });
  });
});
