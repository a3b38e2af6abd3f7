/**
 * A probe brought back to the page ("Import probe"): the files a user picked, either the zip
 * "Download probe" writes (probeZip.ts) or a TF.js graph model's own files (model.json and the
 * weight files its manifest names, as "Download probe" unzipped or `to_tfjs.py` writes them), turned
 * into the ModelArtifacts `tf.loadGraphModel` loads from memory. Every file that is missing, extra
 * in the wrong way, malformed or of the wrong size is named. No tensors: types only.
 */
import type * as tf from '../tf';
import { clipText } from '../clipText';
import { unzip } from './unzip';

/** Bytes a probe's files may hold together: the base backbone's probe is a few MB. */
export const MAX_PROBE_BYTES = 64 * 1024 * 1024;

/** One picked file, or one file of a picked zip ('/'-separated path inside it). */
export interface PickedFile {
  path: string;
  data: Uint8Array;
}

/** Each input's and output's shape as model.json's signature states it (−1: any; undefined: not stated). */
export interface SignatureShapes {
  inputs: Array<number[] | undefined>;
  outputs: Array<number[] | undefined>;
}

/**
 * The shapes in a graph model's signature (protobuf JSON: sizes are decimal strings). tfjs reads
 * an input's shape from its Placeholder node, but an output's only from nodes that state one,
 * which the probe's last op (RealDiv) does not: the signature still says [−1, D].
 */
export function signatureShapes(signature: unknown): SignatureShapes {
  const shapes = (side: unknown): Array<number[] | undefined> => {
    if (typeof side !== 'object' || side === null) return [];
    return Object.values(side as Record<string, unknown>).map((info) => {
      const dims = (info as { tensorShape?: { dim?: unknown } } | null)?.tensorShape?.dim;
      if (!Array.isArray(dims)) return undefined;
      const sizes = dims.map((d) => Number((d as { size?: unknown } | null)?.size ?? -1));
      return sizes.every(Number.isInteger) ? sizes : undefined;
    });
  };
  const s = (typeof signature === 'object' && signature !== null ? signature : {}) as {
    inputs?: unknown;
    outputs?: unknown;
  };
  return { inputs: shapes(s.inputs), outputs: shapes(s.outputs) };
}

/** 'PyTorch': model.json says the exported PyTorch project's to_tfjs.py converted it. */
export type ProbeSource = 'PyTorch' | 'imported probe';

export interface ProbeFileSet {
  /** What the page calls it: its model.json's description, else its zip's, folder's or file's name. */
  title: string;
  source: ProbeSource;
  /** model.json with every weight file joined in manifest order: what loadGraphModel reads. */
  artifacts: tf.io.ModelArtifacts;
}

/** What the file picker hands over (a DOM File, or a test's stand-in). */
export interface PickLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const dir = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const isZip = (name: string): boolean => name.toLowerCase().endsWith('.zip');

/**
 * The picked files, a picked zip unpacked; `from` is the zip's name without ".zip" (null for a
 * plain pick). A zip must be picked alone: its files and loose files together are ambiguous.
 */
export async function readPicked(picked: readonly PickLike[]): Promise<{ files: PickedFile[]; from: string | null }> {
  if (picked.length === 0)
    throw new Error(
      'Import probe: no file picked: pick model.json with its weight file(s), or the zip "Download probe" saves',
    );
  const total = picked.reduce((n, f) => n + f.size, 0);
  if (total > MAX_PROBE_BYTES)
    throw new Error(
      `Import probe: the ${picked.length} picked files hold ${total} bytes, more than the ${MAX_PROBE_BYTES} a probe can be`,
    );
  const zips = picked.filter((f) => isZip(f.name));
  if (zips.length > 0 && picked.length > 1) {
    throw new Error(
      `Import probe: ${picked.map((f) => clipText(f.name, 60)).join(', ')}: pick one zip alone, or the unpacked model.json with its weight file(s)`,
    );
  }
  const zip = zips[0];
  if (zip !== undefined) {
    const files = await unzip(new Uint8Array(await zip.arrayBuffer()), clipText(zip.name, 60), MAX_PROBE_BYTES);
    return { files: files.map((f) => ({ path: f.path, data: f.data })), from: zip.name.slice(0, -'.zip'.length) };
  }
  return {
    files: await Promise.all(picked.map(async (f) => ({ path: f.name, data: new Uint8Array(await f.arrayBuffer()) }))),
    from: null,
  };
}

/** The one model.json among the files (else the one .json file), or why there is none. */
function modelFile(files: readonly PickedFile[]): PickedFile {
  const named = files.filter((f) => base(f.path) === 'model.json');
  const json = named.length > 0 ? named : files.filter((f) => f.path.toLowerCase().endsWith('.json'));
  const listed = files.map((f) => clipText(f.path, 60)).join(', ') || 'none';
  if (json.length === 0)
    throw new Error(
      `Import probe: no model.json among the files (${listed}): pick model.json with its weight file(s), or the zip "Download probe" saves`,
    );
  if (json.length > 1)
    throw new Error(
      `Import probe: ${json.length} model files (${json.map((f) => clipText(f.path, 60)).join(', ')}): pick one probe at a time`,
    );
  return json[0] as PickedFile;
}

const DTYPE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** Bytes one manifest entry takes in the weight files, or why it cannot be read. */
function entryBytes(w: tf.io.WeightsManifestEntry, where: string): number {
  const dtype = w.quantization?.dtype ?? w.dtype;
  const each = DTYPE_BYTES[dtype];
  if (each === undefined)
    throw new Error(
      `${where}: weight "${clipText(String(w.name), 60)}" has dtype ${clipText(String(dtype), 20)}; a probe's weights are float32, int32, bool or quantized uint8/uint16/float16`,
    );
  if (!Array.isArray(w.shape) || !w.shape.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error(
      `${where}: weight "${clipText(String(w.name), 60)}" has shape ${clipText(JSON.stringify(w.shape) ?? 'none', 60)}; expected a list of sizes ≥ 0`,
    );
  }
  return each * w.shape.reduce((a, b) => a * b, 1);
}

type Manifest = Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;

function manifestOf(json: Record<string, unknown>, where: string): Manifest {
  const m = json.weightsManifest;
  const ok =
    Array.isArray(m) &&
    m.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        Array.isArray((g as Manifest[number]).paths) &&
        (g as Manifest[number]).paths.every((p) => typeof p === 'string') &&
        Array.isArray((g as Manifest[number]).weights) &&
        (g as Manifest[number]).weights.every((w) => typeof w === 'object' && w !== null),
    );
  if (!ok)
    throw new Error(
      `${where}: weightsManifest is ${m === undefined ? 'missing' : 'malformed'}; expected a list of { paths: [file names], weights: [specs] }`,
    );
  return m as Manifest;
}

/** The file a manifest path names: beside model.json, else the only picked file of that name. */
function weightFile(files: readonly PickedFile[], model: PickedFile, path: string, where: string): PickedFile {
  const beside = files.find((f) => f.path === `${dir(model.path)}${path}`);
  const byName = files.filter((f) => base(f.path) === base(path));
  const found = beside ?? (byName.length === 1 ? byName[0] : undefined);
  if (found === undefined) {
    throw new Error(
      `${where}: its weightsManifest names ${clipText(path, 60)}, which is not among the picked files (${files.map((f) => clipText(f.path, 60)).join(', ')}): pick it with model.json`,
    );
  }
  return found;
}

/**
 * The probe in `files`; throws naming the first problem.
 * @param from the picked zip's name without ".zip", or null.
 */
export function probeFileSet(files: readonly PickedFile[], from: string | null): ProbeFileSet {
  const model = modelFile(files);
  const where = `Import probe: ${clipText(model.path, 60)}`;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(model.data));
  } catch (e) {
    throw new Error(`${where}: not JSON (${clipText(e instanceof Error ? e.message : String(e), 80)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${where}: not a JSON object`);
  const j = json as Record<string, unknown>;
  if (j.format !== undefined && j.format !== 'graph-model') {
    throw new Error(
      `${where}: format is ${clipText(JSON.stringify(j.format), 40)}; Import probe takes a TF.js graph model (format "graph-model"), as "Download probe" and to_tfjs.py write`,
    );
  }
  const topology = j.modelTopology;
  if (typeof topology !== 'object' || topology === null || !Array.isArray((topology as { node?: unknown }).node)) {
    throw new Error(
      `${where}: modelTopology has no list of graph nodes; Import probe takes a TF.js graph model, as "Download probe" and to_tfjs.py write`,
    );
  }
  const manifest = manifestOf(j, where);
  const weightSpecs = manifest.flatMap((g) => g.weights);
  const need = weightSpecs.reduce((n, w) => n + entryBytes(w, where), 0);
  const parts = manifest.flatMap((g) => g.paths).map((p) => weightFile(files, model, p, where));
  const have = parts.reduce((n, p) => n + p.data.length, 0);
  if (have !== need) {
    throw new Error(
      `${where}: its ${weightSpecs.length} weights need ${need} bytes, the weight files (${parts.map((p) => clipText(p.path, 60)).join(', ')}) hold ${have}: a file is truncated or of another model`,
    );
  }
  const weightData = new Uint8Array(have);
  let at = 0;
  for (const p of parts) {
    weightData.set(p.data, at);
    at += p.data.length;
  }
  const source: ProbeSource =
    typeof j.convertedBy === 'string' && /PyTorch/.test(j.convertedBy) ? 'PyTorch' : 'imported probe';
  const meta = (j.userDefinedMetadata as { probe?: { description?: unknown } } | undefined)?.probe?.description;
  const title = clipText(
    typeof meta === 'string' && meta !== '' ? meta : (from ?? (dir(model.path).slice(0, -1) || model.path)),
    80,
  );
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: topology,
    format: 'graph-model',
    weightSpecs,
    weightData: weightData.buffer,
    ...(typeof j.signature === 'object' && j.signature !== null ? { signature: j.signature } : {}),
    ...(typeof j.modelInitializer === 'object' && j.modelInitializer !== null
      ? { modelInitializer: j.modelInitializer }
      : {}),
  };
  return { title, source, artifacts };
}
