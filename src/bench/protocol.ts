/** Messages between the benchmark page (page.ts) and its worker (bench.worker.ts). */
import type { BackendName } from '../core/backends';
import type { BackendTimes } from './measure';

export interface BenchRequest {
  backend: BackendName;
  quick: boolean;
}

export type BenchReply =
  | { type: 'progress'; text: string }
  /** The times measured so far, after each path. */
  | { type: 'partial'; adapter: string; times: Partial<BackendTimes> }
  | { type: 'result'; backend: BackendName; adapter: string; times: BackendTimes }
  | { type: 'error'; message: string };
