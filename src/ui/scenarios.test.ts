import { describe, expect, it } from 'vitest';
import { encodeConfig, encodeRuns, PARAMS } from '../core/urlCodec';
import { decodePage } from '../core/urlParams';
import { SCENARIOS } from './scenarios';

describe('guided scenarios', () => {
  it('has three to five, each with a unique id and a panel to watch', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(3);
    expect(SCENARIOS.length).toBeLessThanOrEqual(5);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) expect(s.watch.length).toBeGreaterThan(0);
  });

  for (const s of SCENARIOS) {
    it(`"${s.title}" decodes without a problem to what its text claims`, () => {
      const d = decodePage(new URLSearchParams(s.query));
      expect(d.problems).toEqual([]);
      const { preset, methods, seeds, ...rest } = s.sets;
      expect(d.url.preset).toBe(preset);
      expect(encodeRuns(d.url.config.runs)).toBe(methods);
      expect(d.page.seeds).toHaveLength(seeds);
      for (const [name, value] of Object.entries(rest))
        expect(PARAMS[name]?.get(d.url.config), name).toBe(String(value));
      // What the page then writes in its link decodes to the same configuration.
      const again = decodePage(encodeConfig(d.url.preset, d.url.config, d.url.backend));
      expect(again.url.config).toEqual(d.url.config);
    });
  }

  it('quotes the measured results honestly: MASST did not beat SST, SST beat Conventional', () => {
    const text = (id: string) => SCENARIOS.find((s) => s.id === id)?.story.join(' ') ?? '';
    expect(text('two-photos')).toContain('+0.056 ± 0.024');
    expect(text('many-galleries')).toContain('MASST did not beat SST');
    expect(text('where-masst-helps')).toContain('beat SST on 4 of 6 seeds by 2.1 ± 2.4 points');
    expect(text('where-masst-helps')).toContain('It did not beat Conventional');
    expect(text('many-galleries')).toContain('+1.1 ± 1.8 points (2 of 3 seeds), within noise');
  });
});
