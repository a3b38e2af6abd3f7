/**
 * "Download results" (the comparison as the runner's results.json), "Download CSV" (every series),
 * "Copy link" (the URL that sets this configuration) and a "Download probe" button per run (the
 * trained net as a TensorFlow.js model, ProbeDownloads.tsx). The files are made from the store's
 * state and the session's config by ui/export/resultsJson.ts, in this browser.
 */
import { useState } from 'react';
import type { Store } from '../store/store';
import type { PageSession } from '../export/resultsJson';
import { pageResults, seriesCsv } from '../export/resultsJson';
import { comparisonName, downloadBlob } from '../export/download';
import { VERSIONS } from '../export/versions';
import type { ProbeWeights } from '../../worker/protocol';
import { downloadProbe } from '../export/probeDownload';
import type { ProbeRun } from '../export/probeDownload';
import { ProbeDownloads } from './ProbeDownloads';

interface Props {
  store: Store;
  /** The session's config and seeds; null before the first Train or Step. */
  session: () => PageSession | null;
  preset: string;
  /** The URL that reproduces the form's configuration; null when it is too long to load. */
  link: string | null;
  /** A run's probe weights from its worker (the "Download probe" buttons). */
  probeWeights: (unit: number) => Promise<ProbeWeights>;
}

type Note = { ok: boolean; text: string; url?: string };

export function DownloadPanel({ store, session, preset, link, probeWeights }: Props) {
  const [note, setNote] = useState<Note | null>(null);
  const save = (kind: 'json' | 'csv') => {
    const s = session();
    if (s === null) {
      setNote({ ok: false, text: 'There is no comparison yet: press Train or Step first.' });
      return;
    }
    const name = `${comparisonName(preset, s.seeds, s.config.steps)}.${kind}`;
    const blob =
      kind === 'json'
        ? new Blob([`${JSON.stringify(pageResults(store.get(), s, VERSIONS), null, 1)}\n`], {
            type: 'application/json',
          })
        : new Blob([seriesCsv(store.get(), s.config)], { type: 'text/csv' });
    downloadBlob(blob, name);
    setNote({ ok: true, text: `Downloaded ${name}.` });
  };
  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setNote({ ok: true, text: 'Link copied.' });
    } catch {
      setNote({ ok: false, text: 'The browser did not allow copying; select the link and copy it:', url: link });
    }
  };
  const saveProbe = (run: ProbeRun) => {
    const s = session();
    return s === null
      ? Promise.reject(new Error('there is no comparison yet: press Train or Step first'))
      : downloadProbe(probeWeights, s, run, preset);
  };
  return (
    <section className="downloads" aria-label="Downloads">
      <button type="button" onClick={() => save('json')}>
        Download results
      </button>{' '}
      <button type="button" onClick={() => save('csv')}>
        Download CSV
      </button>{' '}
      <button
        type="button"
        onClick={() => void copy()}
        disabled={link === null}
        title={link === null ? 'the configuration is too long for a link' : undefined}
      >
        Copy link
      </button>{' '}
      <small>results.json as the runner writes it; CSV: a row per run and step; nothing leaves this browser</small>
      <ProbeDownloads store={store} onDownload={saveProbe} />
      {note !== null && (
        <p role={note.ok ? 'status' : 'alert'} className={note.ok ? undefined : 'alert'}>
          {note.text}
          {note.url !== undefined && (
            <>
              {' '}
              <input readOnly aria-label="Link" value={note.url} onFocus={(e) => e.currentTarget.select()} size={60} />
            </>
          )}
        </p>
      )}
    </section>
  );
}
