/**
 * "Import probe" in the probe-import worker: the picked files (probeFileSet.ts) are loaded with
 * tf.loadGraphModel from memory, checked against the comparison (probeFit.ts), and the probe's
 * embeddings of each seed's held-out test images are evaluated by the code that evaluates the runs
 * (evaluateEmbeddings: 10-fold verification, AUC, TAR@FAR, rank-1, look-alikes) and projected for
 * the Embeddings view (embeddingView). Every tensor made here is freed, the model included.
 */
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { embeddingView } from '../core/analysis/embeddingView';
import { clipText } from '../core/clipText';
import type { ExperimentConfig } from '../core/config';
import { deserializeDataset } from '../core/data/cache';
import type { ImageSet } from '../core/data/types';
import { evaluateEmbeddings } from '../core/eval/report';
import type { PickLike } from '../core/export/probeFileSet';
import { probeFileSet, readPicked, signatureShapes } from '../core/export/probeFileSet';
import type { ComparisonNeeds } from '../core/export/probeFit';
import { embeddingSizeProblem, misfitMessage, probeFitProblems } from '../core/export/probeFit';
import { embedChunk } from '../core/model/memory';
import * as tf from '../core/tf';
import type { ImportedProbeResult, ImportedProbeSeed } from './protocol';

export interface ProbeImportInput {
  files: readonly PickLike[];
  config: ExperimentConfig;
  /** Each seed's serialized faces (core/data/cache.ts layout), in the comparison's seed order. */
  faces: ReadonlyArray<{ seed: number; bytes: ArrayBuffer }>;
}

const messageOf = (e: unknown): string => clipText(e instanceof Error ? e.message : String(e), 200);

/** The probe's embeddings of `test`, [count, D] row-major, `chunk` images per predict. */
async function embed(model: GraphModel, test: ImageSet, chunk: number): Promise<{ values: Float32Array; dim: number }> {
  const { size, channels, count } = test;
  const per = size * size * channels;
  const parts: tf.Tensor[] = [];
  try {
    for (let start = 0; start < count; start += chunk) {
      const n = Math.min(chunk, count - start);
      parts.push(
        tf.tidy(
          () =>
            model.predict(
              tf.tensor4d(test.pixels.subarray(start * per, (start + n) * per), [n, size, size, channels]),
            ) as tf.Tensor,
        ),
      );
    }
    const shape = parts[0]?.shape ?? [];
    if (shape.length !== 2 || parts.some((p) => p.shape.length !== 2 || p.shape[1] !== shape[1])) {
      throw new Error(`its output has shape [${shape.join(', ')}]; a probe gives embeddings [batch, D]`);
    }
    const all = parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts, 0);
    try {
      return { values: (await all.data()) as Float32Array, dim: shape[1] as number };
    } finally {
      if (parts.length > 1) all.dispose();
    }
  } finally {
    tf.dispose(parts);
  }
}

/**
 * The probe in `input.files` evaluated on every seed's held-out pairs; throws a message naming what
 * does not fit or cannot be read (and then nothing was computed that the page would keep).
 */
export async function evaluateImportedProbe(input: ProbeImportInput): Promise<Omit<ImportedProbeResult, 'backend'>> {
  const { files, from } = await readPicked(input.files);
  const set = probeFileSet(files, from);
  let model: GraphModel;
  try {
    model = await loadGraphModel({ load: () => Promise.resolve(set.artifacts) });
  } catch (e) {
    throw new Error(`Import probe: ${set.title}: tf.loadGraphModel cannot load it (${messageOf(e)})`);
  }
  try {
    const { data, model: m } = input.config;
    const needs: ComparisonNeeds = { imageSize: data.imageSize, channels: data.channels, embedDim: m.embedDim };
    // The graph's own shapes where it states them, else the signature's (probeFileSet.ts).
    const sig = signatureShapes(set.artifacts.signature);
    const shapes = {
      inputs: model.inputs.map((t, i) => t.shape ?? sig.inputs[i]),
      outputs: model.outputs.map((t, i) => t.shape ?? sig.outputs[i]),
    };
    const problems = probeFitProblems(shapes, needs);
    if (problems.length > 0) throw new Error(misfitMessage(set.title, problems));
    const chunk = embedChunk(data.imageSize, data.channels, m.backbone);
    const seeds: ImportedProbeSeed[] = [];
    for (const { seed, bytes } of input.faces) {
      const { test, pairs } = deserializeDataset(bytes);
      let out: { values: Float32Array; dim: number };
      try {
        out = await embed(model, test, chunk);
      } catch (e) {
        throw new Error(
          `Import probe: ${set.title}: embedding seed ${seed}'s ${test.count} held-out images failed: ${messageOf(e)}`,
        );
      }
      const misfit = embeddingSizeProblem(out.dim, needs);
      if (misfit !== null) throw new Error(misfitMessage(set.title, [misfit]));
      const bad = out.values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0)
        throw new Error(
          `Import probe: ${set.title}: its embedding of seed ${seed}'s held-out image ${Math.floor(bad / out.dim)} is not finite (${out.values[bad]}): the probe diverged; nothing was imported`,
        );
      seeds.push({
        seed,
        report: evaluateEmbeddings(out.values, out.dim, test, pairs, input.config.eval),
        // Step 0: an imported probe has no step of this comparison; the view draws it by name.
        view: embeddingView(out.values, out.dim, test, 0),
      });
    }
    return { title: set.title, source: set.source, seeds };
  } finally {
    model.dispose();
  }
}
