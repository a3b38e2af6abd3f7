/**
 * The seeds of a comparison and the pool size, as URL parameters: `seeds=3` means three
 * consecutive seeds from `seed`, `seeds=4,9,12` those seeds (the first becomes `seed`);
 * `workers=N` sets the pool size (default: the cores the browser reports). A bad value is reported
 * by name, value and what is allowed, and the default is used.
 */
import type { PresetName } from './presets';
import { presetSeeds } from './presets';
import type { Teacher } from './teacher';
import { decodeTeacher, encodeTeacher, NO_TEACHER } from './teacher';
import type { UrlProblem } from './urlCodec';
import { MAX_SEEDS, parseSeedList, SEEDS_RULE } from './seedList';

/** The names decodePageParams reads. */
export const PAGE_PARAM_NAMES: readonly string[] = ['seeds', 'workers', 'hide', 'lock'];

export { MAX_SEEDS };
export const MAX_WORKERS = 16;

export interface PageParams {
  seeds: number[];
  /** null = the default pool size. */
  workers: number | null;
  /** Teacher mode: the panels and controls hidden, and whether the configuration is read-only. */
  teacher: Teacher;
  problems: UrlProblem[];
}

/** `count` consecutive seeds from `first` (wrapping at 2^32). */
export function consecutiveSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) >>> 0);
}

/** The preset's number of seeds, from `first`. */
export function defaultSeeds(preset: PresetName, first: number): number[] {
  return consecutiveSeeds(first, presetSeeds(preset).length);
}

export function decodePageParams(params: URLSearchParams, preset: PresetName, first: number): PageParams {
  const problems: UrlProblem[] = [];
  const fallback = defaultSeeds(preset, first);
  let seeds = fallback;
  const seedsText = params.get('seeds');
  if (seedsText !== null) {
    // One number is a count; a list is read by the seeds rule the runner's --seeds shares (seedList.ts).
    const count = /^\d+$/.test(seedsText) ? Number(seedsText) : null;
    const list = count === null ? parseSeedList(seedsText) : null;
    const allowed = `a count from 1 to ${MAX_SEEDS} (consecutive seeds from seed) or a list of ${SEEDS_RULE}, e.g. 1,2,3${list !== null && list.seeds === null && /^[\d,]+$/.test(seedsText) ? ` (${list.why})` : ''}`;
    if (count !== null && count >= 1 && count <= MAX_SEEDS) seeds = consecutiveSeeds(first, count);
    else if (list !== null && list.seeds !== null) seeds = list.seeds;
    else
      problems.push({
        param: 'seeds',
        value: seedsText,
        message: `seeds = "${seedsText}" is not allowed: expected ${allowed}; using ${fallback.length === 1 ? `seed ${first}` : fallback.join(',')}.`,
      });
  }
  let workers: number | null = null;
  const workersText = params.get('workers');
  if (workersText !== null) {
    const n = Number(workersText);
    if (/^\d+$/.test(workersText) && n >= 1 && n <= MAX_WORKERS) workers = n;
    else
      problems.push({
        param: 'workers',
        value: workersText,
        message: `workers = "${workersText}" is not allowed: expected an integer from 1 to ${MAX_WORKERS}; using the number of cores.`,
      });
  }
  const { problems: teacherProblems, ...teacher } = decodeTeacher(params);
  return { seeds, workers, teacher, problems: [...problems, ...teacherProblems] };
}

/** Adds `seeds` (a count when consecutive from `first`, else the list), `workers`, `hide` and `lock` when not default. */
export function encodePageParams(
  params: URLSearchParams,
  preset: PresetName,
  first: number,
  seeds: readonly number[],
  workers: number | null,
  teacher: Teacher = NO_TEACHER,
): void {
  const consecutive = seeds.every((s, i) => s === (first + i) >>> 0);
  if (!consecutive) params.set('seeds', seeds.join(','));
  else if (seeds.length !== presetSeeds(preset).length) params.set('seeds', String(seeds.length));
  if (workers !== null) params.set('workers', String(workers));
  encodeTeacher(params, teacher);
}
