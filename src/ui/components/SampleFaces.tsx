/**
 * The faces of the seed, in view before Train: the first training identities of the first seed
 * with their first photos, rendered by a worker from the form's data settings alone (the same
 * pixels the comparison will train on). With a folder of the user's faces, its decoded samples
 * once a comparison has read them.
 */
import { memo, useMemo } from 'react';
import type { DataConfig } from '../../core/config';
import type { SampleFace } from '../../core/data/sampleFaces';
import { validateData } from '../../core/validate';
import { useSampleFaces } from '../faces/useSampleFaces';
import { useStoreSelector } from '../store/select';
import { selectData } from '../store/selectors';
import type { Store } from '../store/store';
import { FaceCanvas } from './FaceCanvas';

/** Identities and photos per identity shown: a strip that fits beside the model overview at 1280 px. */
const IDS = 6;
const PER_ID = 4;

interface Props {
  store: Store;
  data: DataConfig;
  seed: number;
  /** Whether a folder of the user's faces replaces the synthetic ones. */
  folder: boolean;
}

function photos(n: number): string {
  return `${n} photo${n === 1 ? '' : 's'}`;
}

/** "the first 6 of 256 training identities, 2 photos each" (or their counts when they differ). */
export function facesCaption(faces: readonly Pick<SampleFace, 'depth'>[], trainIds: number): string {
  const depths = faces.map((f) => f.depth);
  const same = depths.every((d) => d === depths[0]);
  const each = same ? `${photos(depths[0] ?? 0)} each` : `${depths.join(', ')} photos`;
  return `the first ${faces.length} of ${trainIds} training identities, ${each}`;
}

function Strip({ faces, size, channels }: { faces: readonly SampleFace[]; size: number; channels: 1 | 3 }) {
  return (
    <div className="sample-strip">
      {faces.map((f) => (
        <FaceCanvas
          key={f.id}
          pixels={f.pixels}
          count={f.count}
          size={size}
          channels={channels}
          scale={Math.max(1, Math.round(48 / size))}
          label={`identity ${f.id}: ${photos(f.depth)}`}
        />
      ))}
    </div>
  );
}

export const SampleFaces = memo(function SampleFaces({ store, data, seed, folder }: Props) {
  // Settings the form shows as wrong (with their messages there) are not sent to the worker.
  const valid = useMemo(() => validateData(data).length === 0, [data]);
  const samples = useSampleFaces(folder || !valid ? null : data, seed, IDS, PER_ID);
  const { dataset } = useStoreSelector(store, selectData);
  let body;
  if (folder) {
    body = dataset?.folder ? (
      <Strip
        faces={dataset.samples.map((s) => ({ id: s.id, pixels: s.pixels, count: s.count, depth: s.count }))}
        size={dataset.size}
        channels={dataset.channels}
      />
    ) : (
      <p className="empty">The faces of your folder are shown here once a comparison has decoded them.</p>
    );
  } else if (!valid) {
    body = <p className="empty">The faces are drawn once the Data settings are valid.</p>;
  } else if (samples.status === 'ready') {
    body = (
      <>
        <p className="caption">
          Seed {seed}: {facesCaption(samples.faces, data.trainIds)}.
        </p>
        <Strip faces={samples.faces} size={samples.size} channels={samples.channels} />
      </>
    );
  } else if (samples.status === 'failed') {
    body = <p className="alert error">Sample faces could not be drawn: {samples.message}</p>;
  } else {
    body = <p className="empty">Drawing the faces of seed {seed}…</p>;
  }
  return (
    <section className="sample-faces" aria-labelledby="sample-faces-heading">
      <h2 id="sample-faces-heading">Sample faces</h2>
      {body}
    </section>
  );
});
