/**
 * The page's side of "Import probe": what the probe-import worker needs (the current comparison's
 * config and each seed's faces, which the page keeps as the workers made them), and one worker per
 * import, ended once it answers. The files never leave the browser.
 */
import type { BackendChoice } from '../../core/backends';
import type { ImportedProbeMessage, ImportedProbeResult, ImportProbeMessage } from '../../worker/protocol';
import type { SessionData } from '../pool/types';

/** The message for the worker, or why the current comparison cannot evaluate a probe yet. */
export function importRequest(
  session: SessionData | null,
  sessionId: number,
  files: File[],
  backend: BackendChoice,
): { ok: true; message: ImportProbeMessage } | { ok: false; why: string } {
  if (session === null)
    return {
      ok: false,
      why: 'Import probe: no comparison yet: press Train or Step first; the probe is evaluated on its held-out pairs',
    };
  const missing = session.seeds.filter((s) => !session.faces.has(s));
  if (missing.length > 0) {
    return {
      ok: false,
      why: `Import probe: the faces of seed ${missing.join(', ')} are still being made: import once the comparison shows step 0`,
    };
  }
  const faces = session.seeds.map((seed) => ({ seed, bytes: session.faces.get(seed) as ArrayBuffer }));
  return { ok: true, message: { type: 'importProbe', sessionId, files, config: session.config, faces, backend } };
}

/**
 * Evaluates in a worker of its own; rejects with the worker's message (a misfit, a bad file) or its
 * failure. Resolves with the session the probe was evaluated on (the message's, echoed).
 */
export function evaluateInWorker(
  message: ImportProbeMessage,
): Promise<{ sessionId: number; probe: ImportedProbeResult }> {
  const worker = new Worker(new URL('../../worker/probeImport.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<{ sessionId: number; probe: ImportedProbeResult }>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ImportedProbeMessage>) => {
      const { result, sessionId } = e.data;
      if (result.ok) resolve({ sessionId, probe: result.probe });
      else reject(new Error(result.message));
    };
    // A worker that cannot load or runs out of memory says nothing itself.
    worker.onerror = (e) =>
      reject(new Error(`Import probe: its worker failed: ${e.message || 'no message (out of memory?)'}`));
    worker.postMessage(message);
  }).finally(() => worker.terminate());
}
