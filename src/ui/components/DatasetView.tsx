/** Sample identities, the images-per-ID histogram and held-out pairs with look-alike negatives. */
import { useMemo } from 'react';
import type { DatasetSummary, ProgressPhase } from '../../worker/protocol';
import { Histogram } from '../charts/Histogram';
import { FaceCanvas } from './FaceCanvas';
import { HelpHeading } from './Help';

/** How many training identities have each number of images. */
export function histogram(depths: Int32Array): Array<{ value: number; count: number }> {
  const counts = new Map<number, number>();
  for (const d of depths) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

interface Props {
  summary: DatasetSummary | null;
  progress: { phase: ProgressPhase; done: number; total: number } | null;
}

export function DatasetView({ summary, progress }: Props) {
  const bins = useMemo(() => (summary ? histogram(summary.depthPerId) : []), [summary]);
  return (
    <section className="dataset">
      <HelpHeading panel="dataset">Data</HelpHeading>
      {progress?.phase === 'data' && (
        <p>
          Generating faces {progress.done}/{progress.total} <progress value={progress.done} max={progress.total} />
        </p>
      )}
      {progress?.phase === 'decode' && (
        <p>
          Decoding your faces {progress.done}/{progress.total} <progress value={progress.done} max={progress.total} />
        </p>
      )}
      {progress?.phase === 'build' && <p>Building the models and evaluating the untrained probe…</p>}
      {summary && (
        <>
          <p>
            {summary.folder !== null && (
              <>
                Your faces, from the folder <strong>{summary.folder.root || '(dropped files)'}</strong> (
                {summary.folder.identities} identities, {summary.folder.images} images):{' '}
              </>
            )}
            {summary.trainIds} training identities, {summary.trainImages} images, {summary.testIds} held-out identities
            ·{' '}
            {summary.folder !== null
              ? summary.folder.pairsFormat === null
                ? 'pairs sampled by the seed'
                : `pairs.txt (${summary.folder.pairsFormat === 'lfw-10-fold' ? "LFW's 10 folds" : 'folds dealt round-robin'})`
              : summary.cached
                ? 'from cache'
                : `${(summary.imagesPerSecond ?? 0).toFixed(0)} images/s`}
          </p>
          {summary.folder !== null && summary.folder.unreadable.length > 0 && (
            <details className="alert">
              <summary>
                {summary.folder.unreadable.length} image{summary.folder.unreadable.length === 1 ? '' : 's'} could not be
                read and {summary.folder.unreadable.length === 1 ? 'was' : 'were'} left out
              </summary>
              <ul>
                {summary.folder.unreadable.slice(0, 50).map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="samples">
            {summary.samples.map((s) => (
              <FaceCanvas
                key={s.id}
                pixels={s.pixels}
                count={s.count}
                size={summary.size}
                channels={summary.channels}
                label={`identity ${s.id}`}
              />
            ))}
          </div>
          <h3>Images per training identity</h3>
          <Histogram bins={bins} height={140} label="Training identities by images per identity" unit="ids" />
          <h3>Held-out pairs</h3>
          <div className="pairs">
            {summary.pairs.map((p, i) => (
              <figure key={i}>
                <FaceCanvas pixels={p.pixels} count={2} size={summary.size} channels={summary.channels} label="pair" />
                <figcaption>{p.same ? 'same' : p.lookalike ? 'different · look-alike' : 'different'}</figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
