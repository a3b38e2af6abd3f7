/**
 * The flags of `npm run bench`, declared once in BENCH_COMMAND's table (flags/): what to measure
 * (Node and Chromium backends, the pool comparisons) and how long a Chromium backend may take.
 */
import type { BackendName } from '../../core/backends';
import type { NodeBackend } from '../backend-node';
import { NODE_BACKENDS } from '../backend-node';
import { parseFlags } from '../flags/parse';
import type { Command } from '../flags/types';
import { bad, intFlag, namesFlag, pathFlag, switchFlag, valueFlag } from '../flags/values';
import { BROWSER_BACKENDS } from './chromium';
import { BASELINE_PATH } from './pagePool';

export interface BenchArgs {
  quick: boolean;
  /** Only the wasm profile: the reference step against its GEMM ceiling and the demo step's per-run profile. */
  profileOnly: boolean;
  /** Steps per run of the pooled-vs-alone comparison; 0 = skip it; null = 20 quick, 100 full. */
  poolSteps: number | null;
  /** Steps per run of the page's pool-size comparison in Chromium; 0 = skip it; null = 30 quick, 100 full. */
  pagePoolSteps: number | null;
  /** Steps per run of the sweep-against-experiments comparison; 0 = skip it; null = 10 quick, 60 full. */
  sweepSteps: number | null;
  /** Steps of the one run timed on 1 and on 2 wasm threads in Chromium; 0 = skip it; null = 5 quick, 20 full. */
  threadsSteps: number | null;
  /** Runs per build of the page's demo as a user runs it, and nothing else (0: not this mode). */
  pageDemo: number;
  /** A page built with `--base /baseline/`, measured in turns with dist/ (null: none). */
  pageBaseline: string | null;
  node: NodeBackend[] | null;
  chromium: BackendName[];
  /** Minutes each Chromium backend may take; what it measured by then is kept. */
  chromiumMinutes: number;
}

const FLAGS = {
  '--quick': switchFlag({ meaning: 'Fewer warm-ups and repeats (1 and 3 instead of 3 and 10), fewer pool steps.' }),
  '--profile-only': switchFlag({
    meaning:
      "Only the wasm profile (the reference step against its GEMM ceiling, the demo step's kernels, time and allocations per run); writes bench/profile.json.",
  }),
  '--node': namesFlag({
    meaning: 'The Node backends to measure.',
    choices: NODE_BACKENDS,
    default: null,
    defaultText: 'wasm,cpu, plus webgpu where Dawn finds a hardware adapter',
  }),
  '--chromium': namesFlag({
    meaning: 'The backends to measure in the system Chromium (bench.html).',
    choices: BROWSER_BACKENDS,
    default: [...BROWSER_BACKENDS],
    defaultText: BROWSER_BACKENDS.join(','),
  }),
  '--chromium-minutes': valueFlag(
    {
      meaning: 'Minutes each Chromium backend may take; what it measured by then is kept.',
      metavar: 'N',
      allowed: 'a number of minutes > 0',
      default: 20,
    },
    (value, flag, allowed) => {
      if (value === undefined || !(Number(value) > 0)) bad(flag, value, allowed);
      return Number(value);
    },
  ),
  '--pool-steps': intFlag({
    meaning: 'Steps per run of the pooled-vs-one-at-a-time comparison in Node.',
    min: 0,
    allowed: 'an integer ≥ 0 (0 skips that measurement)',
    default: null,
    defaultText: '20 with --quick, else 100',
  }),
  '--page-pool-steps': intFlag({
    meaning: "Steps per run of the page's pool-size comparison in Chromium.",
    min: 0,
    allowed: 'an integer ≥ 0 (0 skips that measurement)',
    default: null,
    defaultText: '30 with --quick, else 100',
  }),
  '--sweep-steps': intFlag({
    meaning: 'Steps per run of the sweep-against-experiments comparison (the same 21 demo runs, bench/sweepCost.ts).',
    min: 0,
    allowed: 'an integer ≥ 0 (0 skips that measurement)',
    default: null,
    defaultText: '10 with --quick, else 60',
  }),
  '--threads-steps': intFlag({
    meaning: 'Steps of the one run timed on 1 and on 2 wasm threads in Chromium.',
    min: 0,
    allowed: 'an integer ≥ 0 (0 skips that measurement)',
    default: null,
    defaultText: '5 with --quick, else 20',
  }),
  '--page-demo': intFlag({
    meaning:
      "Only the page's demo as a user runs it (?preset=demo: 600 steps, its evaluations, the default pool), Train to summary, N runs per build, in turns with --page-baseline; writes bench/pageDemo.json.",
    min: 0,
    allowed: 'an integer ≥ 0 (0: the full bench instead)',
    default: 0,
    defaultText: '0',
  }),
  '--page-baseline': pathFlag({
    meaning: 'A page built elsewhere, measured in turns with dist/ in the page comparison (or --page-demo).',
    metavar: 'DIR',
    allowed: `the folder of a page built with --base /${BASELINE_PATH}`,
    default: null,
    defaultText: 'none',
  }),
};

export const BENCH_COMMAND: Command<typeof FLAGS> = {
  name: 'bench',
  summary:
    'times the training paths per backend side by side, in Node and in the system Chromium, and writes bench/results.json.',
  flags: FLAGS,
  modes: ['bench'],
};

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values: v } = parseFlags(BENCH_COMMAND, argv);
  return {
    quick: v['--quick'],
    profileOnly: v['--profile-only'],
    poolSteps: v['--pool-steps'],
    pagePoolSteps: v['--page-pool-steps'],
    sweepSteps: v['--sweep-steps'],
    pageDemo: v['--page-demo'],
    pageBaseline: v['--page-baseline'],
    threadsSteps: v['--threads-steps'],
    node: v['--node'],
    chromium: v['--chromium'] ?? [],
    chromiumMinutes: v['--chromium-minutes'],
  };
}
