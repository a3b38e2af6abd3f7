/**
 * Weights out and back: the exported PyTorch project writes each run's trained probe (at its
 * checkpoints and at the end, named by `probeFile` in results.json), and its `to_tfjs.py` turns
 * them into the page's TF.js graph model folder. Loaded here with tf.loadGraphModel, the folder
 * gives PyTorch's own embeddings of the same test images (≤ 1e-4), and it is the folder the page's
 * exporter (tfjsProbe.ts, probeZip.ts) makes of the same weights: the same model.json, weights.bin
 * and README. Needs a python3 with PyTorch (exportTorch.test.ts); skipped, saying so, without.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../core/config';
import { probeReadme } from '../core/export/probeZip';
import type { ProbeExportInput } from '../core/export/tfjsProbe';
import { WEIGHTS_FILE, probeArtifacts } from '../core/export/tfjsProbe';
import { architectureFor, bnSpecs, paramSpecsFor } from '../core/model/architecture';
import * as tf from '../core/tf';
import { useCpu } from '../test/tfCpu';
import { exportTorchProject } from './exportTorch';
import { parseExportTorchArgs } from './exportTorchArgs';
import type { ResultsFile } from '../core/results/resultsFile';
import { torchPython } from './torchPython';
import type { RunResult } from '../core/results/resultsFile';

const python = torchPython();
if (python === null)
  process.stderr.write(
    'torchProbe.test.ts: SKIPPED, no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)\n',
  );

function py(dir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(python as string, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs train.py's main with its save_run_probe spied on: the (label, step) of every probe written,
 * and PyTorch's embeddings of the first four test images by each run's net as trained (taken at
 * its last save) and by the untrained start.
 */
function trainSpied(dir: string, flags: string[]): Trained {
  const code = `import json, sys, torch, train
from masst_data import load
config, manifest = (json.load(open(f)) for f in ("config.json", "export.json"))
m, d = config["model"], config["data"]
data = load(manifest["data"]["1"], d["channels"])
x = data["test"][0][:4]
start = train.Start({**config, "seed": 1}, 1, d["channels"], data["train_ids"], None).backbone()
out = {"written": [], "shape": list(x.shape), "images": x.flatten().tolist(), "embeddings": {}}
def embed(net):
    with torch.no_grad():
        return net.embed(x, "inference")[0].flatten().tolist()
out["embeddings"]["untrained"] = embed(start)
save = train.save_run_probe
def spy(backbone, stem, label, config, step):
    out["written"].append([label, step])
    out["embeddings"][label] = embed(backbone)
    return save(backbone, stem, label, config, step)
train.save_run_probe = spy
sys.argv = ["train.py", "--threads", "1", ${flags.map((f) => JSON.stringify(f)).join(', ')}]
assert train.main() == 0
print(json.dumps(out))`;
  const r = py(dir, ['-c', code]);
  if (r.status !== 0) throw new Error(`train.py exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Trained;
}

interface Trained {
  written: Array<[string, number]>;
  shape: [number, number, number, number];
  images: number[];
  /** By run label (its last save), and "untrained". */
  embeddings: Record<string, number[]>;
}

/** A load handler reading model.json and weights.bin from a folder, as an http loader would. */
function fromFolder(folder: string): tf.io.IOHandler {
  return {
    load: async () =>
      tf.io.getModelArtifactsForJSON(
        JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as tf.io.ModelJSON,
        async (manifest) => {
          const bytes = await readFile(join(folder, WEIGHTS_FILE));
          return [
            tf.io.getWeightSpecs(manifest),
            bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
          ];
        },
      ),
  };
}

/** The weights.bin arrays by manifest name. */
async function namedWeights(folder: string, model: tf.io.ModelJSON): Promise<Map<string, Float32Array>> {
  const bytes = await readFile(join(folder, WEIGHTS_FILE));
  const named = new Map<string, Float32Array>();
  let at = 0;
  for (const w of model.weightsManifest[0]?.weights ?? []) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    named.set(w.name, new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * n)));
    at += 4 * n;
  }
  return named;
}

/** results.json as the exported project writes it: each run names its probe file (or null). */
type TorchResults = Omit<ResultsFile, 'runs'> & { runs: Array<RunResult & { probeFile: string | null }> };

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - (b[i] as number))));

describe.skipIf(python === null)('trained probes out of the PyTorch project and back', () => {
  let dir = '';
  let results: TorchResults;
  let config: ExperimentConfig;
  let trained: Trained;
  beforeAll(async () => {
    await useCpu();
    dir = join(await mkdtemp(join(tmpdir(), 'masst-torch-probe-')), 'project');
    const flags = [
      '--out',
      dir,
      '--preset',
      'smoke',
      '--steps',
      '6',
      '--eval-every',
      '3',
      '--methods',
      'sst,masst2',
      '--no-reference',
    ];
    await exportTorchProject(parseExportTorchArgs(flags), 'test probes', 'im2col');
    trained = trainSpied(dir, []);
    results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as typeof results;
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as ExperimentConfig;
  }, 120_000);

  it("writes each run's probe at its checkpoints (eval.every by default) and at the end, named in results.json", () => {
    expect(trained.written).toEqual([
      ['SST', 3],
      ['SST', 6],
      ['MASST K=2', 3],
      ['MASST K=2', 6],
    ]);
    const safetensors = spawnSync(python as string, ['-c', 'import safetensors'], { stdio: 'ignore' }).status === 0;
    const ext = safetensors ? 'safetensors' : 'pt';
    expect(results.runs.map((r) => r.probeFile)).toEqual([
      `results-weights/sst-seed1.${ext}`,
      `results-weights/masst-k-2-seed1.${ext}`,
    ]);
  });

  it('takes --checkpoint-every, and refuses a negative one by name', () => {
    expect(trainSpied(dir, ['--out', 'every4.json', '--checkpoint-every', '4']).written).toEqual([
      ['SST', 4],
      ['SST', 6],
      ['MASST K=2', 4],
      ['MASST K=2', 6],
    ]);
    const r = py(dir, ['train.py', '--checkpoint-every', '-1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      '--checkpoint-every -1 is not allowed: expected 0 (at the end only) or a positive number of steps',
    );
  });

  it("converts them to graph models whose embeddings are PyTorch's own (≤ 1e-4), trained, not the start", async () => {
    const conv = py(dir, ['to_tfjs.py', '.']);
    expect(conv.status, conv.stderr).toBe(0);
    const own = trained;
    const x = tf.tensor4d(own.images, own.shape);
    for (const [label, folder] of [
      ['SST', 'sst-seed1'],
      ['MASST K=2', 'masst-k-2-seed1'],
    ] as const) {
      const model = await loadGraphModel(fromFolder(join(dir, 'probes', folder)));
      const got = model.predict(x) as tf.Tensor2D;
      expect(got.shape).toEqual([4, config.model.embedDim]);
      const values = await got.data();
      expect(maxDiff(values, own.embeddings[label] as number[]), label).toBeLessThanOrEqual(1e-4);
      expect(
        maxDiff(values, own.embeddings.untrained as number[]),
        `${label} against the untrained probe`,
      ).toBeGreaterThan(1e-2);
      got.dispose();
      model.dispose();
    }
    x.dispose();
  });

  it("writes what the page's exporter writes for the same weights: model.json, weights.bin and README", async () => {
    const folder = join(dir, 'probes', 'sst-seed1');
    const model = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const named = await namedWeights(folder, model);
    const arch = architectureFor(config.model.backbone, config.model.embedDim);
    const specs = paramSpecsFor(arch, config.data.channels);
    const state = {
      weights: specs.map((s) => named.get(s.name) as Float32Array),
      bn: bnSpecs(specs).flatMap((b) => [
        named.get(`${b.name}.running_mean`) as Float32Array,
        named.get(`${b.name}.running_var`) as Float32Array,
      ]),
    };
    const description = (model.userDefinedMetadata as { probe: { description: string } }).probe.description;
    expect(description).toBe('SST · seed 1, step 6 of 6 (trained in PyTorch)');
    const input: ProbeExportInput = {
      arch,
      imageSize: config.data.imageSize,
      channels: config.data.channels,
      state,
      description,
    };
    const page = probeArtifacts(input);
    expect({ ...model, convertedBy: '' }).toEqual({ ...page.modelJson, convertedBy: '' });
    expect(Buffer.compare(await readFile(join(folder, WEIGHTS_FILE)), Buffer.from(page.weights))).toBe(0);
    expect(await readFile(join(folder, 'README.md'), 'utf8')).toBe(probeReadme(input, 'sst-seed1'));
  });

  it('skips a run that names no probe and stops on a probe file that lacks a tensor, naming them', async () => {
    const edited = {
      ...results,
      runs: [
        { ...results.runs[0], probeFile: null },
        { ...results.runs[1], probeFile: 'broken.pt' },
      ],
    };
    await writeFile(join(dir, 'edited.json'), JSON.stringify(edited));
    const cut = py(dir, [
      '-c',
      `import torch, masst_probe as P; s = P.load_probe(${JSON.stringify(results.runs[1]?.probeFile)}); del s["s1b0.b.bn.running_var"]; torch.save(s, "broken.pt")`,
    ]);
    expect(cut.status, cut.stderr).toBe(0);
    const r = py(dir, ['to_tfjs.py', 'edited.json', '--out', 'edited-probes']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('skipped SST · seed 1: results.json names no probeFile');
    expect(r.stderr).toContain(`error: ${join(dir, 'broken.pt')}: no tensor s1b0.b.bn.running_var`);
    await rm(join(dir, 'broken.pt'));
    const missing = py(dir, ['to_tfjs.py', 'edited.json']);
    expect(missing.stderr).toContain(
      `error: ${join(dir, 'broken.pt')}: the probe file of MASST K=2 · seed 1 is missing`,
    );
  });
});
