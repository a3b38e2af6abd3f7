/**
 * The tfjs backends a session can ask for: the page's Backend field, its `backend=` URL parameter,
 * the worker's init message and the benchmark all read this one list. 'auto' lets the worker pick
 * (WebGPU, then WebGL, then WASM, then CPU).
 */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

export function isBackendChoice(text: string): text is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(text);
}
