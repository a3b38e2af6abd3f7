/**
 * The sample-faces worker: renders the first identities of a seed (core/data/sampleFaces.ts) off
 * the main thread, so the page shows the faces of the seed before Train without a long task (the
 * rasterizer's start and ~24 renders take ~0.1–0.3 s). It lives as long as the page's faces strip.
 */
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import { initRasterizer, isRasterizerReady } from '../core/data/rasterize';
import { sampleFaces } from '../core/data/sampleFaces';
import type { SampleFacesAnswer, SampleFacesRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function answer(msg: SampleFacesRequest): Promise<SampleFacesAnswer> {
  if (!isRasterizerReady()) await initRasterizer(fetch(resvgWasmUrl));
  const faces = sampleFaces(msg.data, msg.seed, msg.ids, msg.perId);
  return {
    type: 'sampleFaces',
    request: msg.request,
    ok: true,
    size: msg.data.imageSize,
    channels: msg.data.channels,
    faces,
  };
}

scope.onmessage = (event: MessageEvent<SampleFacesRequest>) => {
  const { request } = event.data;
  answer(event.data).then(
    (reply) => scope.postMessage(reply, reply.ok ? reply.faces.map((f) => f.pixels.buffer as ArrayBuffer) : []),
    (e: unknown) =>
      scope.postMessage({
        type: 'sampleFaces',
        request,
        ok: false,
        message: e instanceof Error ? e.message : String(e),
      } satisfies SampleFacesAnswer),
  );
};
