import { describe, expect, it } from 'vitest';
import { progressLine, timeLeft } from './comparisonProgress';

const ready = { phase: 'ready' as const, playing: true, step: 240, totalSteps: 600, stepsPerSecond: 3, progress: null };

describe('the progress line of the run bar', () => {
  it('gives the step of the slowest run and the time left at its rate', () => {
    // 360 steps left at 3 steps/s: 120 s.
    expect(progressLine(ready)).toEqual({ text: 'step 240 / 600 · about 2 min left', done: 0.4 });
    expect(progressLine({ ...ready, stepsPerSecond: 0 }).text).toBe('step 240 / 600');
    expect(progressLine({ ...ready, playing: false }).text).toBe('step 240 / 600 · paused');
    expect(progressLine({ ...ready, step: 600 })).toEqual({ text: 'step 600 / 600 · done', done: 1 });
  });

  it('says what happens before the first step', () => {
    expect(progressLine({ ...ready, phase: 'idle' })).toEqual({
      text: 'Not started: press Train or Step.',
      done: null,
    });
    expect(progressLine({ ...ready, phase: 'starting', progress: { phase: 'data', done: 50, total: 200 } })).toEqual({
      text: 'Generating faces 50 / 200',
      done: 0.25,
    });
    expect(progressLine({ ...ready, phase: 'starting' }).text).toBe('Preparing the runs…');
  });

  it('rounds the time left to what a reader needs', () => {
    expect(timeLeft(2)).toBe('about 5 s left');
    expect(timeLeft(42)).toBe('about 40 s left');
    expect(timeLeft(150)).toBe('about 3 min left');
    expect(timeLeft(3900)).toBe('about 1 h 5 min left');
  });
});
