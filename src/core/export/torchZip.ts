/**
 * The page's "Export as PyTorch project": the same files `npm run export-torch` writes
 * (torchProject.ts) for the current session's config and seeds, in one zip, with the synthetic
 * datasets taken from the faces the workers already made (core/data/cache.ts bytes) and no
 * reference: the project draws the starting weights from the seed with its ported generator, as
 * `train.py --no-reference` does. An option the export cannot carry comes back as a problem that
 * names it, never as a zip without it. No tensors here: typed arrays and bytes only.
 */
import type { ExperimentConfig } from '../config';
import { deserializeDataset } from '../data/cache';
import type { FaceDataset } from '../data/types';
import { validate } from '../validate';
import { withSeeds } from '../seedList';
import { torchProjectFiles } from './torchProject';
import { torchExportProblems } from './torchSupport';
import { zipChunks } from './zip';

export interface TorchZipInput {
  /** The session's experiment (its `seed` is replaced by the first of `seeds`). */
  config: ExperimentConfig;
  seeds: readonly number[];
  /** Each seed's serialized faces, as the workers posted them. */
  faces: ReadonlyMap<number, ArrayBuffer>;
  /** How the export was made, for the project's README. */
  origin: string;
  /** "Your faces": the folder the arrays were cut from; absent or null: synthetic faces. */
  folder?: { root: string } | null;
  /** The entries' modification time. */
  modified?: Date;
}

export type TorchZip = { ok: true; filename: string; chunks: Uint8Array[] } | { ok: false; problems: string[] };

const littleEndian = (): boolean => new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The project's config: the session's, seeded with its first seed. */
export function pageExportConfig(config: ExperimentConfig, seeds: readonly number[]): ExperimentConfig {
  // analysis.slice2d only says whether the runner (npm run train) ends with 2-D slices; the page
  // never reads it (its 2-D slice is a button), and the smoke preset sets it with no field to
  // clear it, so it is not the page's to refuse. Probes and 1-D slices the page does run: those
  // are refused by name below.
  // No seeds is refused by torchProjectZip, by name.
  const seeded = seeds.length > 0 ? withSeeds(config, seeds) : config;
  return { ...seeded, analysis: { ...config.analysis, slice2d: false } };
}

/** The zip, or every reason it cannot be made (each naming the option or the seed). */
export function torchProjectZip(input: TorchZipInput): TorchZip {
  const config = pageExportConfig(input.config, input.seeds);
  const problems = [...validate(config).map((i) => i.message), ...torchExportProblems(config)];
  if (!littleEndian()) problems.push('the export writes little-endian arrays and this machine is big-endian');
  const missing = input.seeds.filter((s) => !input.faces.has(s));
  if (missing.length > 0)
    problems.push(
      `the faces of seed${missing.length > 1 ? 's' : ''} ${missing.join(', ')} are not made yet: export once the comparison has built (its runs show step 0)`,
    );
  if (input.seeds.length === 0) problems.push('the session has no seeds');
  if (problems.length > 0) return { ok: false, problems };
  const datasets = new Map<number, FaceDataset>();
  for (const seed of input.seeds) datasets.set(seed, deserializeDataset(input.faces.get(seed) as ArrayBuffer));
  const seeds = [...input.seeds];
  const files = torchProjectFiles({
    config,
    seeds,
    data: { kind: 'arrays', datasets },
    reference: null,
    origin: input.origin,
    folderName: input.folder?.root ?? null,
  });
  const first = seeds[0] as number;
  const name = `masst-pytorch-seed-${first}${seeds.length > 1 ? `-and-${seeds.length - 1}-more` : ''}`;
  // One folder at the top, so unzipping never scatters the project into the current folder.
  const chunks = zipChunks(
    files.map((f) => ({ path: `${name}/${f.path}`, data: f.data })),
    input.modified,
  );
  return { ok: true, filename: `${name}.zip`, chunks };
}
