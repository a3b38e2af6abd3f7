/**
 * "Export as PyTorch project": downloads the current comparison as the project `npm run
 * export-torch` writes (a zip, made in this browser). What it cannot export is named in an alert.
 */
import { useState } from 'react';
import type { ExportOutcome } from '../exportTorch';

export function ExportButton({ onExport }: { onExport: () => ExportOutcome }) {
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    // Let "Exporting…" paint before the zip is assembled.
    setTimeout(() => {
      try {
        setOutcome(onExport());
      } catch (e) {
        setOutcome({ ok: false, problems: [e instanceof Error ? e.message : String(e)] });
      } finally {
        setBusy(false);
      }
    }, 0);
  };
  return (
    <section className="export" aria-label="Export">
      <button type="button" onClick={run} disabled={busy}>
        {busy ? 'Exporting…' : 'Export as PyTorch project'}
      </button>{' '}
      <small>
        a zip of train.py, config.json and this comparison&apos;s faces, to train with PyTorch (docs/pytorch-export.md)
      </small>
      {outcome !== null && outcome.ok && (
        <p role="status">
          Downloaded {outcome.filename} ({(outcome.bytes / (1024 * 1024)).toFixed(1)} MB).
        </p>
      )}
      {outcome !== null && !outcome.ok && (
        <div className="alert" role="alert">
          Cannot export this comparison as a PyTorch project:
          <ul>
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
