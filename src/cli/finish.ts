/**
 * The end of an experiment: results.json and the CSVs written, then the tables on stdout. A write
 * that fails (a full disk) does not cost the tables: they are printed from memory all the same,
 * then the error names the file and the disk; the files written before it stay, and the exit code
 * is 1. --resume continues from the checkpoints on disk once there is space again.
 */
import type { ResultsFile } from '../core/results/resultsFile';
import { pairedTable, smoothnessTable, summaryTable } from './results';
import { divergedRuns } from '../core/results/resultsFile';

export interface FinishIo {
  /** Writes results.json and the CSVs; resolves with the paths written. */
  write: (results: ResultsFile) => Promise<string[]>;
  /** Run after a write that succeeded (--save-probes). */
  after?: () => Promise<void>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function filesNote(dir: string, files: readonly string[]): string {
  return `wrote ${files.length} files to ${dir} (results.json, ${files.length - 1} CSV)`;
}

/** Prints the tables of `results` and writes them to `out`; resolves with the exit code. `wall`: "12.3 s wall on 4 workers". */
export async function finishExperiment(results: ResultsFile, out: string, wall: string, io: FinishIo): Promise<number> {
  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  let files: string[] | null = null;
  let failure: string | null = null;
  let afterFailure: string | null = null;
  try {
    files = await io.write(results);
  } catch (e) {
    failure = message(e);
  }
  if (failure === null && io.after) await io.after().catch((e: unknown) => (afterFailure = message(e)));
  const diverged = divergedRuns(results);
  if (diverged.length > 0) {
    io.stderr(
      `diverged and stopped, left out of the tables and the pairing (their history and evaluations up to then are in results.json): ${diverged.join(', ')}; a smaller learning rate (--set optim.lr=…) usually helps\n`,
    );
  }
  io.stdout(`${summaryTable(results)}\n\n${pairedTable(results)}\n\n${results.summary}\n`);
  if (results.config.analysis.every > 0) io.stdout(`\n${smoothnessTable(results)}\n`);
  if (failure === null) {
    io.stderr(`${wall}; ${filesNote(out, files ?? [])}\n`);
    if (afterFailure !== null) io.stderr(`${afterFailure}\n`);
    return afterFailure === null ? 0 : 1;
  }
  io.stderr(
    `${wall}; the results above are not all on disk: ${failure}. The files written before it are kept and no temporary file is left; once there is space, --resume ${out} continues from the checkpoints on disk and writes them again.\n`,
  );
  return 1;
}
