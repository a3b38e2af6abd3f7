/**
 * Reading a run file someone drops on the page (a results.json from the page's "Download results"
 * or from the runner): every way it can be wrong gets a message naming the file and what is wrong,
 * and a file with any problem is refused whole, so a bad file never changes what the page shows.
 * The ghost runs of issue 12 (dashed, labelled with the file name) are drawn from what this returns.
 */
import type { ResultsFile } from '../../cli/results';
import { RESULTS_VERSION } from '../../cli/results';

/** The oldest version whose runs carry what a ghost needs (history, evals, interrupted, diverged). */
export const OLDEST_READABLE = 3;
/** Past this magnitude a value is not a loss, an accuracy or a step: a corrupted or foreign file. */
const HUGE = 1e9;
const SHOWN_PROBLEMS = 5;

export type RunFileResult = { ok: true; file: ResultsFile } | { ok: false; message: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= HUGE;

export function parseRunFile(name: string, text: string): RunFileResult {
  const refuse = (why: string): RunFileResult => ({ ok: false, message: `${name}: ${why}` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return refuse(/end of JSON input|Unterminated|Expected/.test(detail) && text.trim().length > 0 && !/[}\]]\s*$/.test(text)
      ? `it ends early (${text.length} characters): the file looks truncated.`
      : `it is not JSON (${detail}).`);
  }
  if (!isObject(data)) return refuse('it is JSON but not a run file: expected an object with version, config and runs.');
  const version = data.version;
  if (typeof version !== 'number') return refuse('it has no version field: expected a results.json written by the playground page or the runner.');
  if (version > RESULTS_VERSION) return refuse(`it is from a newer version (${version}); this page reads versions ${OLDEST_READABLE} to ${RESULTS_VERSION}. Reload a newer build of the playground to read it.`);
  if (version < OLDEST_READABLE) return refuse(`it is from version ${version}, older than this page reads (${OLDEST_READABLE} to ${RESULTS_VERSION}).`);
  if (!isObject(data.config)) return refuse('it has no config.');
  if (!Array.isArray(data.runs) || data.runs.length === 0) return refuse('it has no runs.');
  const problems = data.runs.flatMap((r, i) => runProblems(r, i));
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
    return refuse(`${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more}. Nothing of it was loaded.`);
  }
  return { ok: true, file: data as unknown as ResultsFile };
}

function runProblems(r: unknown, i: number): string[] {
  if (!isObject(r)) return [`runs[${i}] is not an object`];
  const name = typeof r.label === 'string' ? `run "${r.label}"${typeof r.seed === 'number' ? ` (seed ${r.seed})` : ''}` : `runs[${i}]`;
  const out: string[] = [];
  if (typeof r.label !== 'string') out.push(`${name} has no label`);
  if (!Number.isInteger(r.seed)) out.push(`${name} has no integer seed`);
  if (!Array.isArray(r.history)) out.push(`${name} has no history`);
  else {
    const bad = r.history.findIndex((h) => !isObject(h) || !Number.isInteger(h.step) || !finite(h.loss) || !finite(h.lr));
    if (bad >= 0) out.push(`${name} history[${bad}] is ${JSON.stringify(r.history[bad])}: expected a whole step and a finite loss and lr below ${HUGE}`);
  }
  if (!Array.isArray(r.evals)) out.push(`${name} has no evals`);
  else {
    const bad = r.evals.findIndex((e) => !isObject(e) || !Number.isInteger(e.step) || !unit(e.accuracy) || !unit(e.auc));
    if (bad >= 0) out.push(`${name} evals[${bad}] has accuracy ${String((r.evals[bad] as Record<string, unknown> | undefined)?.accuracy)}: expected a step and accuracy and AUC in [0, 1]`);
  }
  if (r.eval !== null && !(isObject(r.eval) && unit(r.eval.accuracy) && unit(r.eval.auc))) out.push(`${name} has a final eval without accuracy and AUC in [0, 1]`);
  return out;
}

const unit = (x: unknown): boolean => finite(x) && x >= 0 && x <= 1;
