/**
 * "Download probe: SST" buttons, one per run (and seed): the run's trained probe as a TensorFlow.js
 * graph model in a zip (docs/probe-export.md). A run that has not stepped, or diverged, has
 * its button disabled with the reason. The work is done by ui/export/probeDownload.ts and the
 * worker; this only shows it.
 */
import { useState } from 'react';
import type { Store } from '../store/store';
import { useStoreSelector } from '../store/select';
import type { ProbeOffer, ProbeRun } from '../export/probeDownload';
import { probeOffers } from '../export/probeDownload';

interface Props {
  store: Store;
  /** Downloads `run`'s probe; resolves to the line to show, rejects saying why not. */
  onDownload: (run: ProbeRun) => Promise<string>;
}

export function ProbeDownloads({ store, onDownload }: Props) {
  const offers = useStoreSelector(store, probeOffers);
  const [busy, setBusy] = useState<number | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  if (offers.length === 0) return null;
  const download = (run: ProbeOffer) => {
    setBusy(run.unit);
    onDownload(run)
      .then((text) => setNote({ ok: true, text }))
      .catch((e: unknown) =>
        setNote({
          ok: false,
          text: `Cannot download the probe of ${run.name}: ${e instanceof Error ? e.message : String(e)}`,
        }),
      )
      .finally(() => setBusy(null));
  };
  return (
    <div className="probe-downloads">
      {offers.map((o) => (
        <span key={o.unit}>
          <button
            type="button"
            onClick={() => download(o)}
            disabled={o.reason !== null || busy !== null}
            title={o.reason ?? 'a TensorFlow.js graph model (model.json + weights.bin) in a zip'}
          >
            {busy === o.unit ? 'Packing…' : `Download probe: ${o.name}`}
          </button>{' '}
        </span>
      ))}
      <small>the trained net as a TensorFlow.js model for tf.loadGraphModel (docs/probe-export.md)</small>
      {offers.some((o) => o.reason !== null) && (
        <ul className="probe-reasons">
          {offers
            .filter((o) => o.reason !== null)
            .map((o) => (
              <li key={o.unit}>
                <small>
                  {o.name}: {o.reason}
                </small>
              </li>
            ))}
        </ul>
      )}
      {note !== null && (
        <p role={note.ok ? 'status' : 'alert'} className={note.ok ? undefined : 'alert'}>
          {note.text}
        </p>
      )}
    </div>
  );
}
