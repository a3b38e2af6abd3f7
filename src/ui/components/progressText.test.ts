import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import { startSession } from '../store/state';
import { progressText } from './RunStatus';

describe('the one live status line', () => {
  const s = { ...startSession(1, presetConfig('smoke'), [1, 2], 2), phase: 'ready' as const };
  it('says where the comparison stands in one sentence', () => {
    expect(progressText({ ...s, phase: 'idle' })).toBe('');
    expect(progressText({ ...s, phase: 'starting', progress: { phase: 'data', done: 50, total: 208 } })).toBe(
      'Generating faces: 50 of 208.',
    );
    expect(progressText({ ...s, playing: true, step: 12 })).toBe('Training: 6 runs at step 12 of 30.');
    expect(progressText({ ...s, step: 12 })).toBe('Paused: 6 runs at step 12 of 30.');
    const diverged = s.runs.map((r, i) => (i === 2 ? { ...r, diverged: { step: 7, message: '' } } : r));
    expect(progressText({ ...s, step: 30, runs: diverged })).toBe(
      'Finished: 6 runs, 30 steps each. 1 diverged and stopped.',
    );
  });
});
