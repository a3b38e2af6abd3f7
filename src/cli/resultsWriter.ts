/**
 * The runner writes results.json several times (after each finished seed, at the end or on a
 * signal); the writes run one after another in the order asked, so an earlier, smaller file never
 * lands over a later one.
 */
import type { WriteFn } from './atomicWrite';
import { writeAtomically } from './atomicWrite';
import type { ResultsFile } from '../core/results/resultsFile';
import { writeResults } from './results';

export class ResultsWriter {
  private last: Promise<unknown> = Promise.resolve();

  /** `file`: how one file is written (a test passes one that fails like a full disk). */
  constructor(
    readonly dir: string,
    private readonly file: WriteFn = writeAtomically,
  ) {}

  /** The paths written (results.json, then runs.csv). */
  write(results: ResultsFile): Promise<string[]> {
    const written = this.last.then(() => writeResults(this.dir, results, this.file));
    // A failed write is the caller's to report; the next one still runs.
    this.last = written.catch(() => undefined);
    return written;
  }
}
