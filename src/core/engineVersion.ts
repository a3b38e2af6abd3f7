/**
 * The version of the training engine's numbers. A stored run (the runner's `.cache/runs`, the
 * page's IndexedDB) is reused only under the same version: bump it with any change that changes
 * what a run computes (trainers, data generation, evaluation, analysis, rng), so no store hands
 * back numbers the code would no longer give. engineVersion.test.ts pins it to a fingerprint of
 * a few tiny runs on cpu and fails when they change without a bump.
 */
export const ENGINE_VERSION = 1;
