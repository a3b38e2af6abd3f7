/** One colour per method, kept across every chart: Conventional grey, SST blue, MASST orange-red. */
import type { RunSpec } from '../../core/config';

const MASST = ['#e8590c', '#c92a2a', '#f08c00', '#a61e4d'];

export function colorOf(spec: RunSpec, index: number): string {
  if (spec.method === 'conventional') return '#868e96';
  if (spec.method === 'sst') return '#1c7ed6';
  return MASST[index % MASST.length] as string;
}
