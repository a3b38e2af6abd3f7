"""An exported sweep: its plan (sweep-plan.json, written by export-torch --sweep), where each cell's
results go, and the merge of the cells into the sweep.json the page's "Import sweep" reads
(src/core/sweep/file.ts, readFile.ts).

Each distinct run (a method and seed whose run key several cells may share) is trained once, by
its owner cell (the first that uses it), into cells/cell-<owner>/runs/<key>.json; a finished cell
writes cells/cell-<N>/cell.json last. The merge gives every cell all its runs, wherever they were
trained, and computes each cell's paired differences, verdicts and sentences as the runner's
summarizeCell (src/core/sweep/summary.ts) does, with masst_results.py's port of the statistics.
"""
import json
import os

from masst_data import DataError
from masst_results import clause, paired_differences, summary_sentence, verdict_of

PLAN_VERSION = 1
SWEEP_VERSION = 1
SOURCE = "pytorch"


def read_json(path, what):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        raise DataError(f"{path}: cannot read the {what} ({e.strerror})") from None
    except ValueError as e:
        raise DataError(f"{path}: the {what} is not JSON ({e})") from None


def write_json(path, value):
    """Atomically: a reader (or a resumed run_sweep.py) never sees half a file."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        json.dump(value, f, indent=1, allow_nan=False)
        f.write("\n")
    os.replace(tmp, path)


def read_plan(root):
    path = os.path.join(root, "sweep-plan.json")
    plan = read_json(path, "sweep plan")
    if plan.get("version") != PLAN_VERSION:
        raise DataError(f"{path}: version {plan.get('version')!r}, expected {PLAN_VERSION}: export the sweep again with this build")
    return plan


def cell_at(plan, index):
    count = len(plan["cells"])
    if not 0 <= index < count:
        raise DataError(f"--cell {index} is not allowed: expected a cell from 0 to {count - 1} (the sweep has {count} cells)")
    return plan["cells"][index]


def cell_dir(root, index):
    return os.path.join(root, "cells", f"cell-{index}")


def run_file(root, run):
    """Where the run's record is: in its owner cell's folder, by its run key."""
    return os.path.join(cell_dir(root, run["owner"]), "runs", f"{run['key']}.json")


def owned_runs(cell):
    return [r for r in cell["runs"] if r["owner"] == cell["index"]]


def finished_cell(root, cell):
    """The cell's cell.json if it finished (every run it owns recorded under the keys of this plan), else None."""
    path = os.path.join(cell_dir(root, cell["index"]), "cell.json")
    if not os.path.isfile(path):
        return None
    done = read_json(path, "finished cell")
    keys = sorted(r["key"] for r in owned_runs(cell))
    if sorted(done.get("keys", [])) != keys or not all(os.path.isfile(run_file(root, r)) for r in owned_runs(cell)):
        return None
    return done


def sweep_run(run, record):
    """summary.ts sweepRun: a run's outcome as a sweep cell lists it (PyTorch measures no smoothness)."""
    result = record["run"]
    d = result["diverged"]
    return {
        "key": run["key"], "label": run["label"], "seed": run["seed"], "reused": False,
        "accuracy": result["eval"]["accuracy"] if result["eval"] else None,
        "auc": result["eval"]["auc"] if result["eval"] else None,
        "medianLipschitz": None, "medianBeta": None,
        "seconds": record["seconds"],
        "diverged": None if d is None else f"step {d['step']}: {d['what']}",
    }


def summarize_cell(cell, labels, runs):
    """summary.ts summarizeCell for runs without smoothness probes (their Lipschitz and β pairs are null)."""
    outcomes = [{"label": r["label"], "seed": r["seed"], "accuracy": r["accuracy"], "auc": r["auc"]}
                for r in runs if r["accuracy"] is not None and r["auc"] is not None]
    rows = paired_differences(outcomes, labels)
    pairs = [{**row, "verdict": verdict_of(row["accuracy"]), "sentence": clause(row), "lipschitz": None, "beta": None}
             for row in rows]
    seconds = 0
    for r in runs:
        seconds = seconds + r["seconds"]
    return {"index": cell["index"], "label": cell["label"], "settings": cell["settings"], "runs": runs,
            "pairs": pairs, "summary": summary_sentence(rows), "trainSeconds": seconds}


def missing_cells(root, plan):
    return [c["index"] for c in plan["cells"] if finished_cell(root, c) is None]


def merge(root, plan):
    """The sweep.json of a finished sweep (every cell's cell.json there), as a dict."""
    missing = missing_cells(root, plan)
    if missing:
        raise DataError(f"cells {', '.join(map(str, missing))} have not finished: run python3 run_sweep.py (or train.py --cell N for each) first")
    done = [finished_cell(root, c) for c in plan["cells"]]
    cells = []
    for cell in plan["cells"]:
        runs = [sweep_run(r, read_json(run_file(root, r), "run record")) for r in cell["runs"]]
        cells.append({**summarize_cell(cell, plan["methods"], runs), "config": cell["config"]})
    trainers = sorted({d["torch"] for d in done if d["torch"]})
    note = (f"trained in PyTorch ({'; '.join(trainers) or 'no runs'}) by the exported project's train.py --cell N; "
            "its run keys hash the backend \"pytorch\", so they never equal a runner run's")
    started = min((d["started"] for d in done if d["keys"]), default=0)
    finished = max((d["finished"] for d in done if d["keys"]), default=0)
    return {
        "version": SWEEP_VERSION, "complete": True, "versions": plan["versions"], "spec": plan["spec"],
        "source": SOURCE, "backend": plan["backend"], "methods": plan["methods"], "notes": [note, *plan["notes"]],
        "runs": {**plan["runs"], "trained": plan["runs"]["distinct"], "reused": 0},
        # From the first cell's start to the last one's end, across resumed run_sweep.py calls.
        "wallSeconds": max(0, finished - started),
        "cells": cells,
    }
