import { describe, expect, it } from 'vitest';
import { longTaskLine, summariseLongTasks } from './longTasks';

describe('the long-task summary', () => {
  const record = {
    tasks: [
      { start: 50, duration: 300 },
      { start: 1000, duration: 60 },
      { start: 2000, duration: 120 },
      { start: 9000, duration: 80 },
    ],
    frames: [
      {
        start: 1000,
        duration: 70,
        scripts: [{ invoker: 'TimerHandler:setTimeout', ms: 40, forcedLayoutMs: 5 }],
        renderMs: 25,
      },
      {
        start: 2000,
        duration: 130,
        scripts: [
          { invoker: 'TimerHandler:setTimeout', ms: 90, forcedLayoutMs: 0 },
          { invoker: 'Worker.onmessage', ms: 10, forcedLayoutMs: 0 },
        ],
        renderMs: 20,
      },
    ],
  };

  it('counts only what started in the span, per minute of wall time, and splits the frames by whose time it was', () => {
    const s = summariseLongTasks(record, 100, 9000, 30);
    expect([s.count, s.perMinute, s.totalMs, s.longestMs]).toEqual([2, 4, 180, 120]);
    expect(s.frames).toEqual({
      count: 2,
      scriptMs: 140,
      forcedLayoutMs: 5,
      renderMs: 45,
      byInvoker: [
        { invoker: 'TimerHandler:setTimeout', ms: 130 },
        { invoker: 'Worker.onmessage', ms: 10 },
      ],
    });
    expect(longTaskLine(s)).toBe(
      '2 long tasks (4.0/min, 180 ms in all, longest 120 ms); long frames: 140 ms script (5 ms forced layout), 45 ms style/layout/paint; script by entry point: TimerHandler:setTimeout 130 ms, Worker.onmessage 10 ms',
    );
  });

  it('says none when there were none', () => {
    const s = summariseLongTasks({ tasks: [], frames: [] }, 0, 1000, 60);
    expect([s.count, s.perMinute, s.totalMs, s.longestMs]).toEqual([0, 0, 0, 0]);
    expect(longTaskLine(s)).toBe(
      '0 long tasks (0.0/min, 0 ms in all, longest 0 ms); long frames: 0 ms script (0 ms forced layout), 0 ms style/layout/paint',
    );
  });
});
