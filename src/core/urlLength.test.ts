import { describe, expect, it } from 'vitest';
import { checkQuery, MAX_QUERY_LENGTH } from './urlLength';

describe('the URL length guard', () => {
  it('passes a query up to the bound, encoded', () => {
    const params = new URLSearchParams({ preset: 'smoke', seeds: '4,9' });
    expect(checkQuery(params)).toEqual({ ok: true, query: 'preset=smoke&seeds=4%2C9' });
    // "preset=smoke&x=" is 15 characters
    expect(checkQuery(new URLSearchParams({ preset: 'smoke', x: 'a'.repeat(MAX_QUERY_LENGTH - 15) })).ok).toBe(true);
  });

  it('refuses a longer one, naming the length, the longest parameter and the bound', () => {
    const params = new URLSearchParams({ preset: 'smoke', x: 'a'.repeat(MAX_QUERY_LENGTH - 14) });
    const check = checkQuery(params);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain(
      `query would be ${MAX_QUERY_LENGTH + 1} characters (x alone ${MAX_QUERY_LENGTH - 12})`,
    );
    expect(check.message).toContain(`over the ${MAX_QUERY_LENGTH} that servers`);
  });

  it('counts characters after encoding and takes the bound as a parameter', () => {
    // each comma becomes %2C: 3 characters
    const params = new URLSearchParams({ seeds: '1,2,3' });
    expect(params.toString()).toBe('seeds=1%2C2%2C3');
    expect(checkQuery(params, 15).ok).toBe(true);
    expect(checkQuery(params, 14).ok).toBe(false);
  });

  it('bounds below what common servers accept', () => {
    expect(MAX_QUERY_LENGTH).toBeLessThanOrEqual(2048);
  });
});
