/**
 * One colour per method, kept across every chart: Conventional grey, SST blue, MASST orange-red.
 * The difference chart colours its comparisons (A − B) by their place in the list instead.
 */
import type { RunSpec } from '../../core/config';

const MASST = ['#e8590c', '#c92a2a', '#f08c00', '#a61e4d'];

export function colorOf(spec: RunSpec, index: number): string {
  if (spec.method === 'conventional') return '#868e96';
  if (spec.method === 'sst') return '#1c7ed6';
  return MASST[index % MASST.length] as string;
}

const COMPARISONS: readonly string[] = ['#1c7ed6', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d'];

/** The colour of the i-th comparison (core/stats/paired.ts comparisons order). */
export function comparisonColor(i: number): string {
  return COMPARISONS[i % COMPARISONS.length] ?? '#495057';
}
