/**
 * The probe-import worker: one per "Import probe", apart from the training workers so that a large
 * or broken probe never stalls or fails a comparison that trains. It selects the runs' backend,
 * evaluates the picked probe (probeImport.ts), answers once, and the page ends it.
 */
import { selectBackend } from './backend';
import { evaluateImportedProbe } from './probeImport';
import type { ImportedProbeMessage, ImportProbeMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function handle(msg: ImportProbeMessage): Promise<ImportedProbeMessage> {
  const { backend } = await selectBackend({ choice: msg.backend, threads: 1, measurement: null, trialFailure: null });
  const probe = await evaluateImportedProbe(msg);
  return { type: 'importedProbe', sessionId: msg.sessionId, result: { ok: true, probe: { ...probe, backend } } };
}

scope.onmessage = (event: MessageEvent<ImportProbeMessage>) => {
  handle(event.data).then(
    (answer) => {
      const buffers = answer.result.ok ? answer.result.probe.seeds.map((s) => s.view.coords.buffer as ArrayBuffer) : [];
      scope.postMessage(answer, buffers);
    },
    (e: unknown) =>
      scope.postMessage({
        type: 'importedProbe',
        sessionId: event.data.sessionId,
        result: { ok: false, message: e instanceof Error ? e.message : String(e) },
      } satisfies ImportedProbeMessage),
  );
};
