import { afterEach, describe, expect, it, vi } from 'vitest';
import { interleavedMediansMs, medianMs } from './timing';

afterEach(() => vi.restoreAllMocks());

/** A clock that each action advances by its next duration, in ms. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('benchmark timing', () => {
  it('warms each action up, then runs them in turns and takes each one’s median', async () => {
    const clock = fakeClock();
    vi.spyOn(performance, 'now').mockImplementation(clock.now);
    const calls: string[] = [];
    const durations = { a: [1, 10, 30, 20], b: [2, 5, 100, 7] };
    const action = (name: 'a' | 'b') => async () => {
      calls.push(name);
      clock.advance(durations[name].shift() as number);
    };
    const [a, b] = await interleavedMediansMs([action('a'), action('b')], 1, 3);
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(a).toBe(20);
    expect(b).toBe(7);
  });

  it('averages the middle two of an even count', async () => {
    const clock = fakeClock();
    vi.spyOn(performance, 'now').mockImplementation(clock.now);
    const durations = [4, 1, 3, 2];
    expect(await medianMs(async () => clock.advance(durations.shift() as number), 0, 4)).toBe(2.5);
  });
});
