/** The URL of tfjs's pthread worker script, emitted by vite.wasmThreads.ts. */
declare module 'virtual:tfjs-pthread-worker' {
  const url: string;
  export default url;
}
