/**
 * Reading the files a person picks or drops, in this browser (File.text(); nothing is uploaded),
 * each checked by parseRunFile. A file the browser cannot read gets a message naming it too.
 */
import type { ResultsFile } from '../../cli/results';
import { parseRunFile } from './runFile';

export type ReadRunFile = { ok: true; name: string; file: ResultsFile } | { ok: false; name: string; message: string };

export async function readRunFiles(files: readonly File[]): Promise<ReadRunFile[]> {
  return Promise.all(files.map(async (f): Promise<ReadRunFile> => {
    let text: string;
    try {
      text = await f.text();
    } catch (e) {
      return { ok: false, name: f.name, message: `${f.name}: the browser could not read it (${e instanceof Error ? e.message : String(e)}).` };
    }
    const parsed = parseRunFile(f.name, text);
    return parsed.ok ? { ok: true, name: f.name, file: parsed.file } : { ok: false, name: f.name, message: parsed.message };
  }));
}
