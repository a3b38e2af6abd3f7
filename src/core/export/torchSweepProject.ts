/**
 * The files of an exported sweep (export-torch --sweep): the project's templates, the sweep's
 * own (run_sweep.py, masst_sweep.py, masst_cell.py), the synthetic dataset of each data setting
 * and seed, sweep-plan.json (torchSweep.ts), export.json and a README. No config.json and no
 * reference/: the cells' configs are in the plan, and each run draws its start values from its
 * seed, as `--no-reference` does.
 */
import { runLabel } from '../config';
import type { FaceDataset } from '../data/types';
import { codeSpan } from './markdown';
import type { ProjectFile } from './torchProject';
import { datasetFiles, json } from './torchProject';
import type { TorchSweep, TorchSweepPlanFile } from './torchSweep';
import { sweepDataDir } from './torchSweep';
import { TORCH_SWEEP_TEMPLATES, TORCH_TEMPLATES } from './torchTemplates';

export interface TorchSweepProjectInput {
  sweep: TorchSweep;
  planFile: TorchSweepPlanFile;
  /** The synthetic dataset of data group g (TorchSweep.dataGroups) and seed: datasets[g].get(seed). */
  datasets: ReadonlyArray<ReadonlyMap<number, FaceDataset>>;
  /** The command line of the export, for the README. */
  origin: string;
}

function readme(input: TorchSweepProjectInput): string {
  const { plan, distinct } = input.sweep;
  const spec = plan.spec;
  const axes = spec.axes.map((a) => `${a.path} ∈ {${a.values.join(', ')}}`).join(' × ');
  const c = plan.cells[0]?.config;
  const lines = [
    '# MASST Playground sweep, exported for PyTorch',
    '',
    `Exported with ${codeSpan(input.origin)}: preset ${spec.preset}${spec.set.length > 0 ? ` with ${spec.set.join(', ')}` : ''}; ` +
      `${plan.cells.length} cells (${axes}) × ${plan.methods.map(runLabel).join(', ')} × seeds ${spec.seeds.join(', ')}: ` +
      `${input.planFile.runs.grid} runs, ${distinct.slots.length * spec.seeds.length} distinct by run key` +
      (c
        ? `; ${c.steps} steps of batch ${c.batchSize}, ${c.model.backbone} backbone, ${c.data.imageSize} px synthetic faces in data/.`
        : '.'),
    ...plan.notes.map((n) => `Note: ${n}.`),
    '',
  ];
  return `${lines.join('\n')}${TORCH_SWEEP_TEMPLATES['README-sweep.md'] ?? ''}\n${TORCH_TEMPLATES['README.md'] ?? ''}`;
}

/** Every file of the sweep's project, paths relative to its root. */
export function torchSweepProjectFiles(input: TorchSweepProjectInput): ProjectFile[] {
  const files: ProjectFile[] = [];
  for (const [path, text] of Object.entries({ ...TORCH_TEMPLATES, ...TORCH_SWEEP_TEMPLATES })) {
    if (!path.endsWith('.md')) files.push({ path, data: text });
  }
  const seeds = input.sweep.plan.spec.seeds;
  input.sweep.dataGroups.forEach((_, g) => {
    for (const seed of seeds) {
      const ds = input.datasets[g]?.get(seed);
      if (!ds) throw new Error(`torchSweepProjectFiles: no dataset for data setting ${g}, seed ${seed}`);
      datasetFiles(sweepDataDir(input.sweep, g, seed), ds, files);
    }
  });
  files.push({ path: 'sweep-plan.json', data: json(input.planFile) });
  files.push({
    path: 'export.json',
    data: json({ seeds, sweep: 'sweep-plan.json', reference: false, origin: input.origin }),
  });
  files.push({ path: 'README.md', data: readme(input) });
  return files;
}
