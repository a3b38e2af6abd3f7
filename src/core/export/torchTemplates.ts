/**
 * The PyTorch project's files as kept in templates/torch (real Python, compiled and linted as
 * such); the export copies them unchanged next to the experiment's config.json, and a sweep's
 * export also the sweep files next to its sweep-plan.json.
 */
import readme from '../../../templates/torch/README.md?raw';
import data from '../../../templates/torch/masst_data.py?raw';
import evaluation from '../../../templates/torch/masst_eval.py?raw';
import methods from '../../../templates/torch/masst_methods.py?raw';
import model from '../../../templates/torch/masst_model.py?raw';
import probe from '../../../templates/torch/masst_probe.py?raw';
import results from '../../../templates/torch/masst_results.py?raw';
import requirements from '../../../templates/torch/requirements.txt?raw';
import sampler from '../../../templates/torch/masst_sampler.py?raw';
import state from '../../../templates/torch/masst_state.py?raw';
import tfjs from '../../../templates/torch/masst_tfjs.py?raw';
import toTfjs from '../../../templates/torch/to_tfjs.py?raw';
import train from '../../../templates/torch/train.py?raw';
import cell from '../../../templates/torch/masst_cell.py?raw';
import runSweep from '../../../templates/torch/run_sweep.py?raw';
import sweep from '../../../templates/torch/masst_sweep.py?raw';
import sweepReadme from '../../../templates/torch/README-sweep.md?raw';

/** Path in the project → text. */
export const TORCH_TEMPLATES: Readonly<Record<string, string>> = {
  'train.py': train,
  'to_tfjs.py': toTfjs,
  'masst_data.py': data,
  'masst_eval.py': evaluation,
  'masst_methods.py': methods,
  'masst_model.py': model,
  'masst_results.py': results,
  'masst_probe.py': probe,
  'masst_sampler.py': sampler,
  'masst_state.py': state,
  'masst_tfjs.py': tfjs,
  'requirements.txt': requirements,
  'README.md': readme,
};

/** The files only a sweep's project has (export-torch --sweep); README-sweep.md goes into its README. */
export const TORCH_SWEEP_TEMPLATES: Readonly<Record<string, string>> = {
  'run_sweep.py': runSweep,
  'masst_sweep.py': sweep,
  'masst_cell.py': cell,
  'README-sweep.md': sweepReadme,
};
