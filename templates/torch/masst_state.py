"""A run's whole training state at a checkpoint, for `train.py --resume`: the probe and FC head
with their BN running statistics, SGD's momentum buffers, the step, for SST/MASST the gallery
agents, which of them have started, the queues (features, write pointer, slot owners) and the
enqueue coin's generator, the sampler (epoch order, cursor, recent batches, generator) and the
run's record so far. Restored, the run continues to the numbers of a run never stopped (on one
device, bit for bit: every random draw comes from these generators). Written with torch.save
beside the run's probe as <run>-seed<N>.state.pt; a finished run's file keeps only its record.
"""
import json
import os

import torch

from masst_data import DataError


def state_path(stem):
    return f"{stem}.state.pt"


def fingerprint(run, config):
    """What the state belongs to: a state of another config or run is refused, never continued."""
    return json.dumps({"run": {"method": run["method"], "agents": run["agents"]}, "config": config}, sort_keys=True)


def _rng(rng):
    return [rng.a, rng.b, rng.c, rng.d, rng.spare]


def _set_rng(rng, state):
    rng.a, rng.b, rng.c, rng.d, rng.spare = state


def capture(trainer, sampler, record, step, key):
    """The state after `step` steps; `record`: the run's result, step_ms and evaluation count so far."""
    state = {"key": key, "finished": False, "step": step, "record": record, "t": trainer.t,
             "views": trainer.views.state_dict(), "optimizer": trainer.optimizer.state_dict(),
             "sampler": {"order": list(sampler.order), "cursor": sampler.cursor, "epoch": sampler.epoch,
                         "recent": [list(b) for b in sampler.recent], "rng": _rng(sampler.rng)}}
    if hasattr(trainer, "agents"):
        state["agents"] = [a.state_dict() for a in trainer.agents.agents]
        state["started"] = list(trainer.agents.started)
        state["queues"] = [{"features": q.features.detach().cpu().clone(), "pointer": q.pointer, "slots": list(q.slot_ids)}
                           for q in trainer.queues]
        state["enqueue"] = _rng(trainer.enqueue_rng)
    return state


def restore(trainer, sampler, state):
    """Puts a captured state back into a fresh trainer and sampler of the same run; returns its record."""
    trainer.views.load_state_dict(state["views"])
    trainer.optimizer.load_state_dict(state["optimizer"])
    trainer.t = state["t"]
    s = state["sampler"]
    sampler.order, sampler.cursor, sampler.epoch, sampler.recent = list(s["order"]), s["cursor"], s["epoch"], [list(b) for b in s["recent"]]
    _set_rng(sampler.rng, s["rng"])
    if hasattr(trainer, "agents"):
        for agent, saved in zip(trainer.agents.agents, state["agents"]):
            agent.load_state_dict(saved)
        trainer.agents.started = list(state["started"])
        for queue, saved in zip(trainer.queues, state["queues"]):
            queue.features.copy_(saved["features"].to(queue.features.device))
            queue.pointer, queue.slot_ids = saved["pointer"], list(saved["slots"])
        _set_rng(trainer.enqueue_rng, state["enqueue"])
    return state["record"]


def save_state(stem, state):
    """Atomically (a stop while writing leaves the previous checkpoint whole)."""
    path = state_path(stem)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)


def load_state(stem, key, device):
    """The run's saved state, or None without one; a state of another config or run stops with its path."""
    path = state_path(stem)
    if not os.path.isfile(path):
        return None
    try:
        state = torch.load(path, map_location=device)
    except Exception as e:  # a truncated or foreign file: named, not continued
        raise DataError(f"{path}: cannot read the checkpoint ({e}); delete it to train the run from the start") from None
    if not isinstance(state, dict) or state.get("key") != key:
        raise DataError(f"{path}: the checkpoint of another config or run (config.json, or the run, changed since); "
                        "delete it to train the run from the start, or resume with the config it was written for")
    return state
