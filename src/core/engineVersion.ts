/**
 * The version of the training engine's numbers. A stored run (the runner's `.cache/runs`, the
 * page's IndexedDB) is reused only under the same version: bump it with any change that changes
 * what a run computes (trainers, data generation, evaluation, analysis, rng), so no store hands
 * back numbers the code would no longer give. engineVersion.test.ts pins it to a fingerprint of
 * a few tiny runs on cpu and fails when they change without a bump.
 *
 * 2: the fused wasm training kernels (src/backends/wasmFused*.ts, both views in one stacked pass)
 * round differently from the op-by-op graph, so every wasm run's numbers changed; the cpu backend,
 * the bit-exact reference, computes exactly what version 1 did (the fingerprint is unchanged).
 */
export const ENGINE_VERSION = 2;
