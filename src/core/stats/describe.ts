/**
 * Mean, sample standard deviation and range of a few numbers (one per seed). Non-finite values
 * are ignored; an empty input gives n = 0 and NaN statistics.
 */
import { maxOf, minOf } from './extremes';

export interface Described {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  min: number;
  max: number;
}

export function describe(values: readonly number[]): Described {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, min: minOf(xs), max: maxOf(xs) };
}
