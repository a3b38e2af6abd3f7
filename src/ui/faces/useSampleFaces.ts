/**
 * The faces of a seed for the page before a comparison starts: asked of a worker of their own
 * (worker/sampleFaces.worker.ts) a moment after the form settles, so typing in the form never
 * renders faces on the main thread. Only the answer to the latest request is kept.
 */
import { useEffect, useRef, useState } from 'react';
import type { DataConfig } from '../../core/config';
import type { SampleFace } from '../../core/data/sampleFaces';
import type { SampleFacesAnswer, SampleFacesRequest } from '../../worker/protocol';

export type SampleFacesState =
  | { status: 'loading' }
  | { status: 'ready'; size: number; channels: 1 | 3; faces: SampleFace[] }
  | { status: 'failed'; message: string };

/** Wait after the last edit before asking, ms: a typed number is several edits. */
const SETTLE_MS = 250;

/** `data` null: nothing is asked (a folder of the user's faces replaces the synthetic ones). */
export function useSampleFaces(data: DataConfig | null, seed: number, ids: number, perId: number): SampleFacesState {
  const [state, setState] = useState<SampleFacesState>({ status: 'loading' });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  // The request's identity: a new config object with the same data asks nothing again.
  const key = data === null ? null : JSON.stringify([data, seed, ids, perId]);
  useEffect(() => {
    if (key === null || data === null) return;
    const request = ++latest.current;
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      if (worker.current === null) {
        const w = new Worker(new URL('../../worker/sampleFaces.worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (e: MessageEvent<SampleFacesAnswer>) => {
          const a = e.data;
          if (a.request !== latest.current) return;
          setState(
            a.ok
              ? { status: 'ready', size: a.size, channels: a.channels, faces: a.faces }
              : { status: 'failed', message: a.message },
          );
        };
        w.onerror = (e) =>
          setState({ status: 'failed', message: `the faces worker failed: ${e.message || 'no message'}` });
        worker.current = w;
      }
      worker.current.postMessage({ type: 'sampleFaces', request, data, seed, ids, perId } satisfies SampleFacesRequest);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `key` stands for data, seed, ids and perId.
  }, [key]);
  return state;
}
