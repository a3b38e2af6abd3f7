/**
 * The page's URL as a whole: its configuration (urlCodec.ts), its seeds and pool size (seeds.ts),
 * and the names themselves. A parameter the page does not know (a typo such as `setps=5`) or one
 * given twice (`seed=1&seed=abc`) would otherwise be dropped or resolved without a word, and the
 * link would not reproduce what its author meant: both are reported, by name and value.
 */
import { CHECKPOINT_PARAM, decodeCheckpointEvery } from './checkpointEvery';
import type { HiddenSeries } from './hiddenSeries';
import { decodeHiddenSeries, HIDDEN_SERIES_PARAM } from './hiddenSeries';
import type { PageParams } from './seeds';
import { decodePageParams, PAGE_PARAM_NAMES } from './seeds';
import type { DecodedUrl, UrlProblem } from './urlCodec';
import { CONFIG_PARAM_NAMES, decodeConfig } from './urlCodec';
import type { PageSweepSetup } from './sweep/sweepQuery';
import { decodeSweepQuery, SWEEP_PARAM_NAMES } from './sweep/sweepQuery';

/** Every parameter the page reads; the one list unknown names are checked against. */
export const KNOWN_PARAMS: readonly string[] = [
  ...CONFIG_PARAM_NAMES,
  ...PAGE_PARAM_NAMES,
  CHECKPOINT_PARAM,
  HIDDEN_SERIES_PARAM,
  ...SWEEP_PARAM_NAMES,
];

/** Edit distance with adjacent transpositions (optimal string alignment): "setps" is 1 from "steps". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name an unknown one is most likely a typo of, ignoring case: the nearest within 1 edit
 * for names of up to 3 letters, 2 for longer ones (a looser bound turns `x` into `lr`); ties go to
 * the first in KNOWN_PARAMS. null when none is that near.
 */
export function likelyMeant(name: string): string | null {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const known of KNOWN_PARAMS) {
    const distance = editDistance(lower, known.toLowerCase());
    if (distance <= (lower.length <= 3 ? 1 : 2) && (best === null || distance < best.distance))
      best = { name: known, distance };
  }
  return best?.name ?? null;
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** Unknown and repeated parameters, in the order they first appear in the URL. */
export function nameProblems(params: URLSearchParams): UrlProblem[] {
  const problems: UrlProblem[] = [];
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const values = params.getAll(name);
    const value = values.join(', ');
    if (!KNOWN_PARAMS.includes(name)) {
      const meant = likelyMeant(name);
      const hint = meant !== null ? `did you mean ${meant}?` : `the parameters are ${KNOWN_PARAMS.join(', ')}.`;
      problems.push({
        param: name,
        value,
        message: `${name} = ${quoted(values)} is not a parameter and is ignored; ${hint}`,
      });
    } else if (values.length > 1) {
      // URLSearchParams.get, which every decoder uses, returns the first: say so rather than guess.
      problems.push({
        param: name,
        value,
        message: `${name} is given ${values.length} times (${quoted(values)}); a parameter may appear once, so the first, "${values[0] ?? ''}", is used.`,
      });
    }
  }
  return problems;
}

export interface DecodedPage {
  url: DecodedUrl;
  page: PageParams;
  /** Steps between two periodic checkpoints of the workers (checkpoint=). */
  checkpointEvery: number;
  /** The chart series hidden from their legends (hideSeries=). */
  hiddenSeries: HiddenSeries;
  /** The Sweep section's setup (sweep/sweepQuery.ts). */
  sweep: PageSweepSetup;
  /** Names first, then values: config, then seeds and workers. */
  problems: UrlProblem[];
}

/** The whole page URL: never fails, every problem named. */
export function decodePage(params: URLSearchParams): DecodedPage {
  const url = decodeConfig(params);
  const page = decodePageParams(params, url.preset, url.config.seed);
  const checkpoint = decodeCheckpointEvery(params);
  const hidden = decodeHiddenSeries(params);
  const sweep = decodeSweepQuery(params, url.config);
  return {
    url,
    page,
    checkpointEvery: checkpoint.every,
    hiddenSeries: hidden.hidden,
    sweep: sweep.setup,
    problems: [
      ...nameProblems(params),
      ...url.problems,
      ...page.problems,
      ...checkpoint.problems,
      ...hidden.problems,
      ...sweep.problems,
    ],
  };
}
