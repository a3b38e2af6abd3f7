"""Trains the exported MASST Playground experiment with PyTorch and writes results.json in the
playground runner's schema (version 4), so the page can import it.

  python3 train.py                                         # one process (GPU 0 if any, else CPU)
  python3 -m torch.distributed.run --nproc_per_node=N train.py   # N processes, one per device
  python3 train.py --check-reference                       # first steps against the playground
  python3 to_tfjs.py .                                     # the trained probes for the page (TF.js)
  python3 train.py --cell N                                # an exported sweep's cell N (run_sweep.py: all)
  python3 train.py --resume                                # continue each run from its last checkpoint

Everything the experiment is comes from config.json (the playground's ExperimentConfig) and
export.json (the seeds, the data of each, the reference). See README.md and masst_methods.py for
how the gallery agents and the queue stay identical across processes.
"""
import argparse
import json
import math
import os
import sys
import time

import torch

from masst_data import DataError, load
from masst_eval import evaluate
from masst_methods import (ConventionalTrainer, Dist, SemiSiameseTrainer, learning_rate_at,
                           unit_rows)
from masst_model import Backbone, initial_values, param_specs
from masst_probe import probe_stem, save_run_probe
from masst_results import paired_differences, summary_sentence
from masst_sampler import PairSampler, Rng, derive_seed, images_by_id
from masst_state import capture, fingerprint, load_state, restore, save_state, state_path

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS_VERSION = 4
RESULTS_SOURCE = "pytorch"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config", default=os.path.join(HERE, "config.json"))
    p.add_argument("--data", default=None, help="a data index.json (default: the export's, per seed)")
    p.add_argument("--out", default="results.json", help="results file; each run's probe goes to <its stem>-weights/")
    p.add_argument("--checkpoint-every", type=int, default=None,
                   help="also write each run's probe every N steps (default: eval.every; 0: at the end only)")
    p.add_argument("--device", choices=["cpu", "cuda"], default=None, help="default: cuda when available")
    p.add_argument("--threads", type=int, default=None, help="CPU threads per process")
    p.add_argument("--no-reference", action="store_true", help="draw the start values from the seed here, not from reference/")
    p.add_argument("--check-reference", action="store_true", help="compare the first steps' losses with the playground's")
    p.add_argument("--tolerance", type=float, default=1e-4, help="largest relative loss difference --check-reference accepts")
    p.add_argument("--resume", action="store_true",
                   help="continue each run from its last checkpoint (<run>-seed<N>.state.pt), take finished runs as they are")
    p.add_argument("--stop-after", type=int, default=None, metavar="N",
                   help="write a checkpoint after step N of a run and stop (exit 3), e.g. for a job's time limit; then --resume")
    p.add_argument("--cell", type=int, default=None,
                   help="an exported sweep (sweep-plan.json): train cell N's runs into cells/cell-N/ (run_sweep.py runs them all)")
    return p.parse_args()


def read_json(path, what):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        raise DataError(f"{path}: cannot read the {what} ({e.strerror})") from None


def label_of(run):
    return {"conventional": "Conventional", "sst": "SST"}.get(run["method"], f"MASST K={run['agents']}")


def agents_of(run):
    return 1 if run["method"] == "sst" else run["agents"]


def queue_batches(run, config):
    per_queue = config["gallery"]["queueSize"] // config["batchSize"]
    per_agent = run["method"] == "masst" and config["masst"]["queueMode"] == "perAgent"
    return per_queue * run["agents"] if per_agent else per_queue


class Start:
    """What every run of one seed starts from: the probe's weights, the FC head, the queues."""

    def __init__(self, config, seed, channels, train_ids, reference):
        m = config["model"]
        self.specs = param_specs(m["backbone"], m["embedDim"], channels)
        self.size, self.dim, self.channels, self.train_ids = m["backbone"], m["embedDim"], channels, train_ids
        self.reference = reference
        if reference is None:
            self.probe = initial_values(self.specs, Rng(derive_seed(seed, "init")))
        else:
            self.probe = list(torch.split(reference["init"], [math.prod(s) for _, _, s in self.specs]))
        self.seed, self.queue_size = seed, config["gallery"]["queueSize"]

    def backbone(self):
        return Backbone(self.size, self.dim, self.channels, self.probe)

    def head(self):
        """[D, trainIds], unit columns (comparison.ts headInit)."""
        if self.reference is not None:
            return self.reference["head"].reshape(self.dim, self.train_ids).clone()
        rng = Rng(derive_seed(self.seed, "head"))
        w = torch.tensor([rng.normal() for _ in range(self.dim * self.train_ids)], dtype=torch.float64).float()
        w = w.reshape(self.dim, self.train_ids).double()
        return (w / w.square().sum(dim=0, keepdim=True).sqrt()).float()

    def queues(self, count):
        if self.reference is not None:
            rows = self.reference["queues"].reshape(-1, self.queue_size, self.dim)
            return [rows[k].clone() for k in range(count)]
        rng = Rng(derive_seed(self.seed, "queue"))
        return [unit_rows(rng, self.queue_size, self.dim) for _ in range(count)]


# comparison.ts SST_AGENT: SST is one agent with the gallery's alpha and reads no masst.* field.
SST_AGENT = {"agentUpdate": "active", "agentAlpha": "shared", "agentAlphas": [], "agentInit": "copyProbe", "queueMode": "shared"}


def make_trainer(run, config, start, dist):
    if run["method"] == "conventional":
        return ConventionalTrainer(start.backbone(), start.head(), config, dist)
    k = agents_of(run)
    own = config if run["method"] == "masst" else {**config, "masst": SST_AGENT}
    queues = start.queues(k if own["masst"]["queueMode"] == "perAgent" else 1)
    return SemiSiameseTrainer(start.backbone(), own, dist, k, queues, Rng(derive_seed(config["seed"], "enqueue")))


@torch.no_grad()
def embed_test(backbone, images, chunk=256):
    backbone.eval()
    parts = [backbone.embed(images[i:i + chunk], "inference")[0] for i in range(0, images.shape[0], chunk)]
    return torch.cat(parts)


class StopAfter(Exception):
    """--stop-after N: a run reached step N and its checkpoint is written."""


def train_run(run, config, data, start, dist, out, checkpoint_every, resume=False, stop_after=None):
    """One run of one seed: its history, evaluations and timings (trainRuns.ts RunResult), and its
    probe written every `checkpoint_every` steps and at the end (`probeFile`, relative to `out`'s folder),
    with its whole training state (masst_state.py) for --resume; a finished run's state keeps its result."""
    images = data["train"][0].to(dist.device)
    test_images, test_labels = data["test"][0].to(dist.device), data["test"][1]
    sampler = PairSampler(images_by_id(data["train"][1], data["train_ids"]), config["batchSize"],
                          queue_batches(run, config), Rng(derive_seed(config["seed"], "order")))
    trainer = make_trainer(run, config, start, dist)
    result = {"method": run["method"], "agents": run["agents"], "label": label_of(run), "seed": config["seed"],
              "history": [], "evals": [], "eval": None, "interrupted": False, "diverged": None,
              "msPerStep": 0, "msPerEval": 0,
              "analysis": {"lipschitz": [], "landscape1d": None, "landscape2d": None, "landscape1dHistory": [], "agents": []}}
    step_ms, evals, first = 0.0, 0, 1
    stem = probe_stem(out, label_of(run), config["seed"])
    key = fingerprint(run, config)
    saved = load_state(stem, key, dist.device) if resume else None
    if saved is not None and saved["finished"]:
        return saved["record"]["result"]
    if saved is not None:
        record = restore(trainer, sampler, saved)
        result, step_ms, evals, first = record["result"], record["stepMs"], record["evals"], saved["step"] + 1
    for step in range(first, config["steps"] + 1):
        lr = learning_rate_at(step - 1, config["steps"], config["optim"])
        began = time.perf_counter()
        loss = trainer.step(images, sampler.next(), lr)
        step_ms += (time.perf_counter() - began) * 1000
        if not math.isfinite(loss):
            result["diverged"] = {"step": step, "what": f"loss {'NaN' if math.isnan(loss) else loss}"}
            break
        result["history"].append({"step": step, "loss": loss, "lr": lr})
        last = step == config["steps"]
        every = config["eval"]["every"]
        if dist.rank == 0 and (last or (every > 0 and step % every == 0)):
            began = time.perf_counter()
            report = evaluate(embed_test(trainer.backbone, test_images), test_labels, data["pairs"], config["eval"])
            trainer.backbone.train()
            result["msPerEval"] += ((time.perf_counter() - began) * 1000 - result["msPerEval"]) / (evals + 1)
            evals += 1
            if last:
                result["eval"] = report
            else:
                result["evals"].append({"step": step, **report})
        stop = stop_after == step and not last
        if dist.rank == 0 and not last and ((checkpoint_every > 0 and step % checkpoint_every == 0) or stop):
            save_run_probe(trainer.backbone, stem, label_of(run), config, step)
            save_state(stem, capture(trainer, sampler, {"result": result, "stepMs": step_ms, "evals": evals}, step, key))
        if stop:
            raise StopAfter(f"stopped {label_of(run)} seed {config['seed']} after step {step} (--stop-after); "
                            f"its checkpoint is {state_path(stem)}: continue with the same command and --resume")
    result["msPerStep"] = step_ms / max(1, len(result["history"]))
    if dist.rank == 0:
        # A diverged run names no probe (its checkpoints before the step that failed stay on disk).
        path = None if result["diverged"] else save_run_probe(trainer.backbone, stem, label_of(run), config, len(result["history"]))
        result["probeFile"] = None if path is None else os.path.relpath(path, os.path.dirname(os.path.abspath(out))).replace(os.sep, "/")
        save_state(stem, {"key": key, "finished": True, "record": {"result": result}})
    return result


def check_reference(config, data, start, dist, reference, tolerance):
    """Each run's first steps from the playground's initial weights and batches; relative loss
    differences against the playground's cpu backend. True when all are within tolerance."""
    report, ok = [], True
    for run in config["runs"]:
        ref = next(r for r in reference["runs"] if r["label"] == label_of(run))
        images = data["train"][0].to(dist.device)
        sampler = PairSampler(images_by_id(data["train"][1], data["train_ids"]), config["batchSize"],
                              queue_batches(run, config), Rng(derive_seed(config["seed"], "order")))
        trainer = make_trainer(run, config, start, dist)
        losses, batches_match = [], True
        for t, expected_batch in enumerate(ref["batches"]):
            batch = sampler.next()
            batches_match = batches_match and [list(x) for x in batch] == expected_batch
            losses.append(trainer.step(images, batch, learning_rate_at(t, config["steps"], config["optim"])))
        rel = [abs(a - b) / max(abs(b), 1e-12) for a, b in zip(losses, ref["losses"])]
        ok = ok and batches_match and max(rel) <= tolerance
        report.append({"label": label_of(run), "torch": losses, "playground": ref["losses"],
                       "maxRelDiff": max(rel), "batchesMatch": batches_match})
    if dist.rank == 0:
        print(json.dumps({"tolerance": tolerance, "runs": report}, indent=1))
    return ok


def load_reference(folder):
    index = read_json(os.path.join(folder, "index.json"), "reference index")
    out = {"runs": index["runs"], "seed": index["seed"]}
    for key in ("init", "head", "queues"):
        path = os.path.join(folder, index[key])
        try:
            with open(path, "rb") as f:
                raw = bytearray(f.read())
        except OSError as e:
            raise DataError(f"{path}: cannot read the reference ({e.strerror})") from None
        # An empty array (no Conventional run: no head) is a valid reference file.
        out[key] = torch.frombuffer(raw, dtype=torch.float32) if raw else torch.zeros(0)
    return out


def setup(args):
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    cuda = torch.cuda.is_available() if args.device is None else args.device == "cuda"
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}" if cuda else "cpu")
    if cuda:
        torch.cuda.set_device(device)
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    if world > 1:
        torch.distributed.init_process_group("nccl" if cuda else "gloo")
    return Dist(world, rank, device)


def main():
    args = parse_args()
    if args.checkpoint_every is not None and args.checkpoint_every < 0:
        raise DataError(f"--checkpoint-every {args.checkpoint_every} is not allowed: expected 0 (at the end only) or a positive number of steps")
    if args.stop_after is not None and args.stop_after < 1:
        raise DataError(f"--stop-after {args.stop_after} is not allowed: expected a step from 1")
    sweep = os.path.isfile(os.path.join(HERE, "sweep-plan.json"))
    if sweep != (args.cell is not None):
        raise DataError("this project is a sweep: train its cells with python3 run_sweep.py, or one with train.py --cell N" if sweep
                        else f"--cell {args.cell} is not allowed: this project is one experiment, not a sweep (no sweep-plan.json); run python3 train.py")
    if sweep and (args.resume or args.stop_after is not None):
        raise DataError("--resume and --stop-after are not allowed with --cell: a cell resumes run by run by itself "
                        "(its finished runs are in cells/; run the same command again)")
    if sweep and args.check_reference:
        raise DataError("--check-reference is not allowed with --cell: an exported sweep has no reference/ (its start values are drawn from each seed)")
    dist = setup(args)
    if sweep:
        # Imported here: masst_cell imports this file as the module "train" for its helpers.
        from masst_cell import train_cell
        return train_cell(args, dist)
    base = read_json(args.config, "experiment config")
    manifest = read_json(os.path.join(os.path.dirname(os.path.abspath(args.config)), "export.json"), "export manifest")
    if base["batchSize"] % dist.world != 0:
        raise DataError(f"batchSize {base['batchSize']} is not divisible by the {dist.world} processes; "
                        "each process takes an equal slice of every batch")
    ref_dir = os.path.join(HERE, "reference")
    reference = load_reference(ref_dir) if os.path.isdir(ref_dir) else None
    if args.check_reference and reference is None:
        raise DataError(f"{ref_dir}: no reference (export with --with-reference) for --check-reference")
    began, runs, untrained = time.perf_counter(), [], []
    for seed in manifest["seeds"]:
        config = {**base, "seed": seed}
        index = args.data or os.path.join(HERE, manifest["data"][str(seed)])
        data = load(index, config["data"]["channels"])
        channels = data["train"][0].shape[3]
        seed_ref = reference if reference is not None and reference["seed"] == seed else None
        # With --no-reference the start values are drawn here; --check-reference still compares.
        start = Start(config, seed, channels, data["train_ids"], None if args.no_reference else seed_ref)
        if args.check_reference:
            return 0 if check_reference(config, data, start, dist, seed_ref, args.tolerance) else 1
        if dist.rank == 0:
            probe = start.backbone().to(dist.device)
            test = data["test"][0].to(dist.device)
            untrained.append({"seed": seed, "eval": evaluate(embed_test(probe, test), data["test"][1], data["pairs"], config["eval"])})
        every = config["eval"]["every"] if args.checkpoint_every is None else args.checkpoint_every
        for run in config["runs"]:
            result = train_run(run, config, data, start, dist, os.path.abspath(args.out), every, args.resume, args.stop_after)
            runs.append(result)
            if dist.rank == 0:
                print(f"seed {seed} {result['label']}: loss {result['history'][-1]['loss']:.4f}, "
                      f"accuracy {result['eval']['accuracy'] if result['eval'] else float('nan'):.4f}, "
                      f"{result['msPerStep']:.1f} ms/step", file=sys.stderr)
    if dist.rank == 0:
        write_results(args.out, base, manifest["seeds"], runs, untrained, dist, time.perf_counter() - began)
    return 0


def write_results(path, config, seeds, runs, untrained, dist, wall):
    labels = [label_of(r) for r in config["runs"]]
    outcomes = [{"label": r["label"], "seed": r["seed"], "accuracy": r["eval"]["accuracy"], "auc": r["eval"]["auc"]}
                for r in runs if r["eval"] is not None]
    paired = paired_differences(outcomes, labels)
    results = {
        # "source" tells the page and the runner's --resume that PyTorch wrote this file (the page writes "page").
        "version": RESULTS_VERSION, "source": RESULTS_SOURCE, "complete": True, "config": {**config, "seed": seeds[0]}, "seeds": seeds,
        "plannedSeeds": seeds,
        "backend": f"pytorch {torch.__version__} {dist.device.type} x{dist.world}",
        "pool": {"workers": dist.world, "wallSeconds": wall},
        "runs": runs, "untrained": untrained, "pairedDifferences": paired, "summary": summary_sentence(paired),
    }
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        json.dump(results, f, indent=1, allow_nan=False)
        f.write("\n")
    os.replace(tmp, path)
    print(f"wrote {path}: {summary_sentence(paired)}", file=sys.stderr)


if __name__ == "__main__":
    try:
        code = main()
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        code = 2
    except StopAfter as e:
        print(str(e), file=sys.stderr)
        code = 3
    if torch.distributed.is_initialized():
        torch.distributed.destroy_process_group()
    sys.exit(code)
