/** The URL of tfjs's pthread worker script, emitted by vite.wasmThreads.ts. */
declare module 'virtual:tfjs-pthread-worker' {
  const url: string;
  export default url;
}

/** A hand-written WebAssembly kernel, assembled by vite.wat.ts: its bytes for an ordinary and a shared memory. */
declare module '*.wat' {
  export const plain: Uint8Array<ArrayBuffer>;
  export const shared: Uint8Array<ArrayBuffer>;
}
