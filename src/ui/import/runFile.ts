/**
 * Reading a run file someone drops on the page (a results.json from the page's "Download results"
 * or from the runner): every way it can be wrong gets a message naming the file, the field path,
 * the value as the file wrote it (quoted short, controls escaped) and what is allowed, and a file
 * with any problem is refused whole, so a bad file never changes what the page shows. A file past
 * the limits of bounds.ts is refused with the limit named; a long history is drawn from a bounded
 * number of its points, and `note` says so. The ghost runs of issue 12 (dashed, labelled with the
 * file name) are drawn from what this returns.
 */
import type { ResultsFile } from '../../core/results/resultsFile';
import { RESULTS_VERSION } from '../../core/results/resultsFile';
import { clipText } from '../../core/clipText';
import { MAX_DRAWN, MAX_FILE_RUNS, thinned } from './bounds';
import { quoteValue } from '../../core/fileValues';
import { configStepsProblem, isObject, pairedProblems, runProblems } from './runChecks';

/** The oldest version whose runs carry what a ghost needs (history, evals, interrupted, diverged). */
export const OLDEST_READABLE = 3;
const SHOWN_PROBLEMS = 5;

export type RunFileResult = { ok: true; file: ResultsFile; note: string | null } | { ok: false; message: string };

export function parseRunFile(name: string, text: string): RunFileResult {
  const refuse = (why: string): RunFileResult => ({ ok: false, message: `${clipText(name)}: ${why}` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = clipText(e instanceof Error ? e.message : String(e));
    return refuse(
      /end of JSON input|Unterminated|Expected/.test(detail) && text.trim().length > 0 && !/[}\]]\s*$/.test(text)
        ? `it ends early (${text.length} characters): the file looks truncated.`
        : `it is not JSON (${detail}).`,
    );
  }
  if (!isObject(data))
    return refuse('it is JSON but not a run file: expected an object with version, config and runs.');
  const version = data.version;
  const readable = `versions ${OLDEST_READABLE} to ${RESULTS_VERSION}`;
  if (version === undefined)
    return refuse('it has no version field: expected a results.json written by the playground page or the runner.');
  if (typeof version !== 'number' || !Number.isInteger(version))
    return refuse(`its version is ${quoteValue(version, text)}: expected a whole number, one of ${readable}.`);
  if (version > RESULTS_VERSION)
    return refuse(
      `it is from a newer version (${version}); this page reads ${readable}. Reload a newer build of the playground to read it.`,
    );
  if (version < OLDEST_READABLE)
    return refuse(
      `it is from version ${version}, older than this page reads (${OLDEST_READABLE} to ${RESULTS_VERSION}).`,
    );
  if (!isObject(data.config)) return refuse('it has no config.');
  if (!Array.isArray(data.runs) || data.runs.length === 0) return refuse('it has no runs.');
  if (data.runs.length > MAX_FILE_RUNS)
    return refuse(
      `it has ${data.runs.length} runs: this page draws at most ${MAX_FILE_RUNS} runs of one file. Nothing of it was loaded.`,
    );
  const runs: unknown[] = data.runs;
  const seeds = new Set(runs.map((r) => (isObject(r) ? r.seed : undefined))).size;
  const problems = [
    ...[configStepsProblem(data.config, text)].filter((p): p is string => p !== null),
    ...runs.flatMap((r, i) => runProblems(r, i, text)),
    ...pairedProblems(data.pairedDifferences, seeds, text),
  ];
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
    return refuse(`${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more}. Nothing of it was loaded.`);
  }
  return bounded(data as unknown as ResultsFile);
}

/** The file with each run's history and evaluations drawn from at most MAX_DRAWN points (first to last). */
function bounded(file: ResultsFile): RunFileResult {
  const longest = file.runs.reduce((most, r) => Math.max(most, r.history.length, r.evals.length), 0);
  if (longest <= MAX_DRAWN) return { ok: true, file, note: null };
  const runs = file.runs.map((r) => ({ ...r, history: thinned(r.history), evals: thinned(r.evals) }));
  return { ok: true, file: { ...file, runs }, note: `drawn from ${MAX_DRAWN} points of up to ${longest} per run` };
}
