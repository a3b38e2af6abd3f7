"""Converts the probes train.py wrote into the playground's TensorFlow.js graph model format, the
folder the page's "Download probe" and the runner's --save-probes write (model.json, weights.bin,
README.md), one per run: PATH/probes/<run>-seed<N>/.

  python3 to_tfjs.py RUN_DIR                  # the folder holding results.json
  python3 to_tfjs.py RUN_DIR/other.json --out DIR

Each run's probe is the file results.json names (`probeFile`, relative to results.json). A run
without one (diverged, or trained by an older export) is named on stderr and skipped; a probe file
that is missing, misshapen or not finite stops the conversion with its path. Needs only PyTorch.
"""
import argparse
import os
import sys

from masst_data import DataError, read_json
from masst_probe import load_probe, slug
from masst_tfjs import check_state, write_graph_model


def results_path(path):
    return os.path.join(path, "results.json") if os.path.isdir(path) else path


def convert(results_file, out):
    """Writes each run's graph model under `out`, naming each folder and each run skipped on stderr;
    returns the folders written."""
    results = read_json(results_file, "results")
    config, base = results["config"], os.path.dirname(os.path.abspath(results_file))
    m, d = config["model"], config["data"]
    written = []
    for run in results["runs"]:
        who = f"{run['label']} \u00b7 seed {run['seed']}"
        if not run.get("probeFile"):
            print(f"skipped {who}: results.json names no probeFile (diverged, or not trained by this export's train.py)", file=sys.stderr)
            continue
        path = os.path.join(base, run["probeFile"])
        if not os.path.isfile(path):
            raise DataError(f"{path}: the probe file of {who} is missing")
        try:
            state = load_probe(path)
            check_state(state, m["backbone"], m["embedDim"], d["channels"], path)
        except ValueError as e:
            raise DataError(str(e)) from None
        step = run["history"][-1]["step"] if run["history"] else 0
        folder = os.path.join(out, f"{slug(run['label'])}-seed{run['seed']}")
        description = f"{who}, step {step} of {config['steps']} (trained in PyTorch)"
        write_graph_model(folder, state, m["backbone"], m["embedDim"], d["channels"], d["imageSize"], description)
        print(f"wrote {folder}", file=sys.stderr)
        written.append(folder)
    return written


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("path", help="the folder holding results.json, or a results file")
    p.add_argument("--out", default=None, help="where the probe folders go (default: probes/ beside the results file)")
    args = p.parse_args()
    results_file = results_path(args.path)
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(results_file)), "probes")
    if not convert(results_file, out):
        raise DataError(f"{results_file}: no run names a probe file to convert")
    return 0


if __name__ == "__main__":
    try:
        code = main()
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        code = 2
    sys.exit(code)
