/**
 * "Import probe": pick a trained probe (the zip "Download probe" saves, or a graph model's
 * model.json with its weight files, as to_tfjs.py of the exported PyTorch project writes them). A
 * worker of its own loads it, checks that it fits the current comparison and evaluates it on the
 * comparison's held-out pairs; it then gets a row in the results table and a ghost panel in the
 * Embeddings view until removed or the comparison changes. A probe that does not fit or cannot be
 * read gets an alert naming what is wrong, and nothing else changes. Files stay in this browser.
 */
import { useState } from 'react';
import type { SessionData } from '../pool/types';
import { evaluateInWorker, importRequest } from '../import/probeImportClient';
import type { ProbeImports } from '../import/probeImports';
import { useCurrentProbes } from '../import/useProbeImports';
import { useStoreSelector } from '../store/select';
import type { UiState } from '../store/state';
import type { Store } from '../store/store';

interface Props {
  store: Store;
  probes: ProbeImports;
  session: () => SessionData | null;
}

const selectBackend = (s: UiState) => s.backend?.backend ?? null;

export function ImportProbe({ store, probes, session }: Props) {
  const { sessionId, current } = useCurrentProbes(probes, store);
  const backend = useStoreSelector(store, selectBackend);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const take = async (files: File[]) => {
    if (files.length === 0) return;
    setProblem(null);
    const request = importRequest(session(), sessionId, files, backend ?? 'auto');
    if (!request.ok) {
      setProblem(request.why);
      return;
    }
    setBusy(files.map((f) => f.name).join(', '));
    try {
      const { sessionId: on, probe } = await evaluateInWorker(request.message);
      // Messages of a session that is no longer current are dropped, as the training workers' are.
      if (store.get().sessionId !== on)
        setProblem(
          'Import probe: the comparison changed while the probe was evaluated on the previous one: import it again.',
        );
      else probes.add(on, probe);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="import" aria-label="Import probes">
      <label className="import-pick">
        Import probe{' '}
        <input
          type="file"
          accept=".zip,.json,.bin,application/zip,application/json"
          multiple
          aria-label="Import probe"
          disabled={busy !== null}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            // Cleared so that picking the same files again imports them again.
            e.currentTarget.value = '';
            void take(files);
          }}
        />
      </label>
      <p className="caption">
        A probe zip from Download probe, or model.json with its weights file(s) (to_tfjs.py of the PyTorch export):
        evaluated on this comparison's held-out pairs, shown in the results table and the Embeddings view.
      </p>
      {busy !== null && <p role="status">Evaluating {busy} on the held-out pairs…</p>}
      {problem !== null && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      {current.length > 0 && (
        <ul className="ghosts" aria-label="Imported probes">
          {current.map((p) => (
            <li key={p.id}>
              {p.label} (on {p.result.backend}){' '}
              <button type="button" aria-label={`Remove ${p.label}`} onClick={() => probes.remove(p.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
