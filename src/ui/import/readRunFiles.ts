/**
 * Reading the files a person picks or drops, in this browser (File.text(); nothing is uploaded),
 * each checked by parseRunFile. A file the browser cannot read, or one too large to parse without
 * stalling the page, gets a message naming it too.
 */
import type { ResultsFile } from '../../core/results/resultsFile';
import { clipText } from '../../core/clipText';
import { MAX_FILE_BYTES } from './bounds';
import { parseRunFile } from './runFile';

export type ReadRunFile =
  { ok: true; name: string; file: ResultsFile; note: string | null } | { ok: false; name: string; message: string };

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export async function readRunFiles(files: readonly File[]): Promise<ReadRunFile[]> {
  return Promise.all(
    files.map(async (f): Promise<ReadRunFile> => {
      const shown = clipText(f.name);
      if (f.size > MAX_FILE_BYTES)
        return {
          ok: false,
          name: f.name,
          message: `${shown}: it is ${mb(f.size)}; this page reads run files of up to ${mb(MAX_FILE_BYTES)}. Nothing of it was loaded.`,
        };
      let text: string;
      try {
        text = await f.text();
      } catch (e) {
        return {
          ok: false,
          name: f.name,
          message: `${shown}: the browser could not read it (${clipText(e instanceof Error ? e.message : String(e))}).`,
        };
      }
      const parsed = parseRunFile(f.name, text);
      return parsed.ok
        ? { ok: true, name: f.name, file: parsed.file, note: parsed.note }
        : { ok: false, name: f.name, message: parsed.message };
    }),
  );
}
