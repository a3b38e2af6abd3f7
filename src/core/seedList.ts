/**
 * The one rule for a comparison's seeds, shared by the page's URL (seeds=, sweepSeeds=), its stored
 * comparisons and the runner's --seeds: 1 to MAX_SEEDS distinct integers from 0 to 2^32 − 1. A
 * repeated seed would train the very same runs again, so it is refused, never dropped; each caller
 * names its own parameter and value in the message, with `why` as what is allowed.
 */
import type { ExperimentConfig } from './config';

export const MAX_SEEDS = 16;
export const MAX_SEED = 0xffffffff;
/** The rule in words. */
export const SEEDS_RULE = `1 to ${MAX_SEEDS} distinct integers from 0 to ${MAX_SEED}`;

export type SeedList = { seeds: number[]; why: null } | { seeds: null; why: string };

/** What is wrong with a list of seeds, as what is allowed; null when it keeps the rule. */
export function seedListProblem(seeds: readonly unknown[]): string | null {
  if (seeds.length === 0 || seeds.length > MAX_SEEDS) return `${SEEDS_RULE} (${seeds.length} given)`;
  if (!seeds.every((s) => Number.isInteger(s) && (s as number) >= 0 && (s as number) <= MAX_SEED))
    return `seeds from 0 to ${MAX_SEED}`;
  const times = new Map<unknown, number>();
  for (const s of seeds) times.set(s, (times.get(s) ?? 0) + 1);
  const repeated = [...times].filter(([, n]) => n > 1).map(([s, n]) => `${String(s)} is given ${n} times`);
  if (repeated.length > 0)
    return `each seed once (${repeated.join(', ')}): a repeated seed would train the very same runs again`;
  return null;
}

/** "4,9,12" → [4, 9, 12], or what is allowed. */
export function parseSeedList(text: string): SeedList {
  if (!/^\d+(,\d+)*$/.test(text)) return { seeds: null, why: `a comma-separated list of ${SEEDS_RULE}, e.g. 1,2,3` };
  const seeds = text.split(',').map(Number);
  const why = seedListProblem(seeds);
  return why === null ? { seeds, why } : { seeds: null, why };
}

/**
 * The config of a comparison over `seeds`: `config.seed` is always the first seed (the seed the URL
 * writes, the single-seed views show and the first runs are keyed by), never set by hand.
 */
export function withSeeds(config: ExperimentConfig, seeds: readonly number[]): ExperimentConfig {
  const first = seeds[0];
  if (first === undefined) throw new Error(`seeds [] is not allowed: expected ${SEEDS_RULE}`);
  return first === config.seed ? config : { ...config, seed: first };
}
