/**
 * The files of an exported PyTorch project (templates/torch, config.json, export.json, README.md,
 * the data, the optional reference) as plain bytes, so the CLI can write them to a folder and the
 * page can put them in a zip. Arrays are raw little-endian (float32 pixels [N, H, W, C] in [0, 1],
 * int32 labels and pair indices, uint8 flags), each described by a JSON index; masst_data.py reads
 * them with torch.frombuffer.
 */
import type { ExperimentConfig } from '../config';
import { runLabel } from '../config';
import type { FaceDataset, ImageSet } from '../data/types';
import type { TorchReference } from './torchReference';
import { codeSpan } from './markdown';
import { TORCH_TEMPLATES } from './torchTemplates';

export interface ProjectFile {
  path: string;
  data: Uint8Array | string;
}

/** Real images named in FaceX-Zoo list files (`relative/path label` per line) under `root`. */
export interface ImageListData {
  /** The images' folder, as the project should find it (absolute, or relative to data/). */
  root: string;
  /** The texts of the train and test lists and of the pairs file (`pathA pathB same` per line). */
  trainList: string;
  testList: string;
  pairs: string;
}

export interface TorchProjectInput {
  /** The experiment; `seed` is the first of `seeds`. */
  config: ExperimentConfig;
  seeds: number[];
  /** The synthetic dataset of each seed, or the text of real-data list files. */
  data: { kind: 'arrays'; datasets: ReadonlyMap<number, FaceDataset> } | { kind: 'image-list'; lists: ImageListData };
  reference: TorchReference | null;
  /** How the export was made, e.g. the command line, for the README. */
  origin: string;
  /** The user's face folder the arrays were cut from ("Your faces", --faces); absent or null: synthetic. */
  folderName?: string | null;
}

const bytes = (a: Float32Array | Int32Array | Uint8Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
export const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

function imageSetFiles(dir: string, name: string, set: ImageSet, files: ProjectFile[]): Record<string, unknown> {
  files.push({ path: `${dir}/${name}_pixels.f32`, data: bytes(set.pixels) });
  files.push({ path: `${dir}/${name}_labels.i32`, data: bytes(set.labels) });
  return {
    pixels: `${name}_pixels.f32`,
    labels: `${name}_labels.i32`,
    count: set.count,
    size: set.size,
    channels: set.channels,
  };
}

export function datasetFiles(dir: string, ds: FaceDataset, files: ProjectFile[]): void {
  const train = imageSetFiles(dir, 'train', ds.train, files);
  const test = imageSetFiles(dir, 'test', ds.test, files);
  const p = ds.pairs;
  const pairs: Record<string, unknown> = { count: p.a.length };
  for (const [key, arr, ext] of [
    ['a', p.a, 'i32'],
    ['b', p.b, 'i32'],
    ['same', p.same, 'u8'],
    ['lookalike', p.lookalike, 'u8'],
    ['fold', p.fold, 'u8'],
  ] as const) {
    files.push({ path: `${dir}/pairs_${key}.${ext}`, data: bytes(arr) });
    pairs[key] = `pairs_${key}.${ext}`;
  }
  files.push({
    path: `${dir}/index.json`,
    data: json({ format: 'arrays', train, trainIds: ds.trainIds, test, testIds: ds.testIds, pairs }),
  });
}

function referenceFiles(ref: TorchReference, files: ProjectFile[]): void {
  files.push({ path: 'reference/init.f32', data: bytes(ref.init) });
  files.push({ path: 'reference/head.f32', data: bytes(ref.head) });
  files.push({ path: 'reference/queues.f32', data: bytes(ref.queues) });
  files.push({
    path: 'reference/index.json',
    data: json({ seed: ref.seed, init: 'init.f32', head: 'head.f32', queues: 'queues.f32', runs: ref.runs }),
  });
}

function readme(input: TorchProjectInput): string {
  const c = input.config;
  const data =
    input.data.kind === 'arrays'
      ? `${input.folderName ? `the ${c.data.regime} split of each seed cut from the face folder "${input.folderName}"` : `the playground's synthetic ${c.data.regime} dataset of each seed`} (${c.data.trainIds} training identities, ${c.data.imageSize} px, ${c.data.channels} channel${c.data.channels > 1 ? 's' : ''}) as arrays in data/seed-*/`
      : `real images listed in data/train_list.txt (FaceX-Zoo format) under ${codeSpan(input.data.lists.root)}`;
  const lines = [
    '# MASST Playground experiment, exported for PyTorch',
    '',
    `Exported with ${codeSpan(input.origin)}: ${c.runs.map(runLabel).join(', ')}; ${c.steps} steps of batch ${c.batchSize}; ${c.model.backbone} backbone, D = ${c.model.embedDim}; seeds ${input.seeds.join(', ')}; ${data}.`,
    input.reference
      ? `reference/ holds the playground's initial weights, batches and losses of the first ${input.reference.runs[0]?.losses.length ?? 0} steps of seed ${input.reference.seed}: \`python3 train.py\` starts from those weights, and \`python3 train.py --check-reference\` compares its first steps with the playground's.`
      : "No reference was exported: the initial weights are drawn here from the seed with the playground's generator.",
    '',
  ];
  return `${lines.join('\n')}${TORCH_TEMPLATES['README.md'] ?? ''}`;
}

/** Every file of the project, paths relative to its root. */
export function torchProjectFiles(input: TorchProjectInput): ProjectFile[] {
  const files: ProjectFile[] = [];
  for (const [path, text] of Object.entries(TORCH_TEMPLATES))
    if (path !== 'README.md') files.push({ path, data: text });
  const dataIndex: Record<string, string> = {};
  if (input.data.kind === 'arrays') {
    for (const seed of input.seeds) {
      const ds = input.data.datasets.get(seed);
      if (!ds) throw new Error(`torchProjectFiles: no dataset for seed ${seed}`);
      datasetFiles(`data/seed-${seed}`, ds, files);
      dataIndex[String(seed)] = `data/seed-${seed}/index.json`;
    }
  } else {
    const { root, trainList, testList, pairs } = input.data.lists;
    files.push(
      { path: 'data/train_list.txt', data: trainList },
      { path: 'data/test_list.txt', data: testList },
      { path: 'data/pairs.txt', data: pairs },
    );
    files.push({
      path: 'data/index.json',
      data: json({ format: 'image-list', root, train: 'train_list.txt', test: 'test_list.txt', pairs: 'pairs.txt' }),
    });
    for (const seed of input.seeds) dataIndex[String(seed)] = 'data/index.json';
  }
  if (input.reference) referenceFiles(input.reference, files);
  files.push({ path: 'config.json', data: json(input.config) });
  files.push({
    path: 'export.json',
    data: json({ seeds: input.seeds, data: dataIndex, reference: input.reference !== null, origin: input.origin }),
  });
  files.push({ path: 'README.md', data: readme(input) });
  return files;
}
