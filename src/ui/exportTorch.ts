/**
 * What the "Export as PyTorch project" button calls: the current session's project as a zip
 * (core/export/torchZip.ts), handed to the browser as a download from a blob URL; nothing leaves
 * the page. Refusals come back as lines naming the option, with the form field that sets it.
 */
import { torchProjectZip } from '../core/export/torchZip';
import type { SessionData } from './pool/types';
import { downloadBlob } from './export/download';

export type ExportOutcome = { ok: true; filename: string; bytes: number } | { ok: false; problems: string[] };

/** Where the page sets each option the export refuses. */
const WHERE: Record<string, string> = {
  'analysis.every': 'the form\'s "Smoothness check every (steps)", smoothEvery in the URL',
  'analysis.landscapeEvery': 'the form\'s "1-D slice every (steps)", sliceEvery in the URL',
};

function withField(problem: string): string {
  const field = /^([\w.]+) = /.exec(problem)?.[1];
  const where = field === undefined ? undefined : WHERE[field];
  return where === undefined ? problem : `${problem} (${where})`;
}

/** Builds the zip of `session` and starts its download, or says why not. */
export function exportTorchProject(session: SessionData | null, origin: string): ExportOutcome {
  if (session === null)
    return {
      ok: false,
      problems: [
        'there is no comparison yet: press Train or Step first, and the export takes its config, seeds and faces',
      ],
    };
  const made = torchProjectZip({ ...session, origin, modified: new Date() });
  if (!made.ok) return { ok: false, problems: made.problems.map(withField) };
  const blob = new Blob(made.chunks as BlobPart[], { type: 'application/zip' });
  downloadBlob(blob, made.filename);
  return { ok: true, filename: made.filename, bytes: blob.size };
}
