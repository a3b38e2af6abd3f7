/**
 * Reading the sweep.json a person picks or drops on the Sweep section, in this browser
 * (File.text(); nothing is uploaded), checked by core/sweep/readFile.ts; a file too large to parse
 * without stalling the page, or one the browser cannot read, gets a message naming it too.
 */
import { clipText } from '../../core/clipText';
import type { SweepFileResult } from '../../core/sweep/readFile';
import { parseSweepFile, sweepSizeProblem } from '../../core/sweep/readFile';

export async function readSweepFile(f: File): Promise<SweepFileResult> {
  const tooLarge = sweepSizeProblem(f.name, f.size);
  if (tooLarge !== null) return { ok: false, message: tooLarge };
  try {
    return parseSweepFile(f.name, await f.text());
  } catch (e) {
    return {
      ok: false,
      message: `${clipText(f.name)}: the browser could not read it (${clipText(e instanceof Error ? e.message : String(e))}).`,
    };
  }
}
