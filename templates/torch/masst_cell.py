"""`train.py --cell N` of an exported sweep: trains the runs cell N owns (masst_sweep.py), each
seed's data loaded once, under torchrun too, into cells/cell-N/:

  runs/<run key>.json       each run's record as it finishes ({key, seconds, run}); a run already
                            recorded is not trained again, so a killed cell resumes run by run
  results.json              the cell's runs in the runner's results schema (source "pytorch"),
                            importable as ghosts; their probes in results-weights/ (to_tfjs.py)
  cell.json                 written last: the cell finished (run_sweep.py skips it)
"""
import os
import sys
import time

import torch

import train
from masst_data import load
from masst_eval import evaluate
from masst_sweep import cell_at, cell_dir, finished_cell, owned_runs, read_json, read_plan, run_file, write_json


def train_cell(args, dist):
    root = train.HERE
    plan = read_plan(root)
    cell = cell_at(plan, args.cell)
    folder = cell_dir(root, cell["index"])
    owned = owned_runs(cell)
    if finished_cell(root, cell) is not None:
        if dist.rank == 0:
            print(f"cell {cell['index']} ({cell['label']}) finished earlier: nothing to train", file=sys.stderr)
        return 0
    started = time.time()
    records, untrained = [], []
    results = os.path.join(folder, "results.json")
    for seed in plan["spec"]["seeds"]:
        mine = [r for r in owned if r["seed"] == seed]
        if not mine:
            continue
        config = {**cell["config"], "seed": seed}
        data = load(os.path.join(root, cell["data"][str(seed)]), config["data"]["channels"])
        start = train.Start(config, seed, data["train"][0].shape[3], data["train_ids"], None)
        if dist.rank == 0:
            probe = start.backbone().to(dist.device)
            untrained.append({"seed": seed, "eval": evaluate(train.embed_test(probe, data["test"][0].to(dist.device)),
                                                               data["test"][1], data["pairs"], config["eval"])})
        every = config["eval"]["every"] if args.checkpoint_every is None else args.checkpoint_every
        for run in mine:
            path = run_file(root, run)
            if os.path.isfile(path):
                records.append(read_json(path, "run record"))
                continue
            began = time.perf_counter()
            result = train.train_run({"method": run["method"], "agents": run["agents"]}, config, data, start, dist, results, every)
            record = {"key": run["key"], "seconds": time.perf_counter() - began, "run": result}
            records.append(record)
            if dist.rank == 0:
                write_json(path, record)
                accuracy = result["eval"]["accuracy"] if result["eval"] else float("nan")
                print(f"cell {cell['index']} seed {seed} {result['label']}: accuracy {accuracy:.4f}, "
                      f"{result['msPerStep']:.1f} ms/step", file=sys.stderr)
    if dist.rank == 0:
        if records:
            train.write_results(results, cell["config"], plan["spec"]["seeds"], [r["run"] for r in records], untrained, dist,
                                time.time() - started)
        trainer = f"torch {torch.__version__} {dist.device.type} x{dist.world}" if records else None
        write_json(os.path.join(folder, "cell.json"), {
            "index": cell["index"], "label": cell["label"], "keys": [r["key"] for r in owned],
            "torch": trainer, "started": started, "finished": time.time()})
    return 0
