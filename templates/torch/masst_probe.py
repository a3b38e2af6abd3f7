"""A trained probe as a file: its tensors by the playground's names and in its layout (conv
[k, k, cin, cout], dense [in, D], BN running statistics as `<layer>.running_mean` and
`<layer>.running_var`, the unbiased variance), the names and order of the TF.js graph model's
weights manifest (src/core/export/probeGraph.ts), so to_tfjs.py copies them without reshaping.

Written as .safetensors when the `safetensors` package imports (Debian's python3-safetensors, or
pip), else as a torch.save state dict (.pt). Either is read back by load_probe, .safetensors
without the package (its format is an 8-byte little-endian header length, a JSON header, the raw
little-endian bytes), so a probe trained where safetensors is installed converts anywhere.
"""
import json
import os
import re
import struct

import torch

try:
    from safetensors.torch import save_file as _save_safetensors
except ImportError:
    _save_safetensors = None

SUFFIX = ".safetensors" if _save_safetensors is not None else ".pt"
_DTYPES = {"F32": torch.float32}


def slug(label):
    """results.ts slug: "MASST K=2" -> "masst-k-2", as in the runner's probes/<slug>-seed<N> folders."""
    return re.sub(r"^-|-$", "", re.sub(r"[^a-z0-9]+", "-", label.lower()))


def probe_stem(results_path, label, seed):
    """Where a run's probe goes: <results stem>-weights/<slug>-seed<N> beside results.json, so two
    results files in one folder (--out a.json, --out b.json) never share probes."""
    return os.path.join(f"{os.path.splitext(results_path)[0]}-weights", f"{slug(label)}-seed{seed}")


def probe_state(backbone):
    """{name: tensor} in the playground's parameter order and layout, then each BN layer's statistics."""
    state = {}
    with torch.no_grad():
        for (name, kind, _), w in zip(backbone.specs, backbone.weights):
            t = w.detach().cpu()
            state[name] = (t.permute(2, 3, 1, 0) if kind == "conv" else t).contiguous().clone()
        for name in backbone.bn_names:
            key = backbone._bn_key(name)
            state[f"{name}.running_mean"] = getattr(backbone, f"{key}_mean").detach().cpu().clone()
            state[f"{name}.running_var"] = getattr(backbone, f"{key}_var").detach().cpu().clone()
    return state


def is_finite(state):
    return all(bool(torch.isfinite(t).all()) for t in state.values())


def save_probe(stem, state, metadata):
    """Writes `stem` + SUFFIX atomically (a reader never sees half a file); returns the path.
    metadata: {str: str}, kept in the .safetensors header (a .pt file holds the tensors only)."""
    path = stem + SUFFIX
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    if _save_safetensors is not None:
        _save_safetensors(state, tmp, metadata=metadata)
    else:
        torch.save(state, tmp)
    os.replace(tmp, path)
    return path


def save_run_probe(backbone, stem, label, config, step):
    """A run's probe at `step` (its seed's config) if its weights are finite, else None."""
    state = probe_state(backbone)
    if not is_finite(state):
        return None
    m, d = config["model"], config["data"]
    meta = {"label": label, "seed": str(config["seed"]), "step": str(step), "steps": str(config["steps"]),
            "backbone": m["backbone"], "embedDim": str(m["embedDim"]), "channels": str(d["channels"]), "imageSize": str(d["imageSize"])}
    return save_probe(stem, state, meta)


def load_probe(path):
    """{name: float32 tensor} from a .safetensors or .pt probe file; ValueError names what is wrong."""
    if path.endswith(".safetensors"):
        return _read_safetensors(path)
    state = torch.load(path, map_location="cpu")
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ValueError(f"{path}: expected a state dict of tensors (name -> tensor)")
    return state


def _read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path}: {len(raw)} bytes, too short for a safetensors header")
    (length,) = struct.unpack("<Q", raw[:8])
    if 8 + length > len(raw):
        raise ValueError(f"{path}: header of {length} bytes runs past the file's {len(raw)}")
    header = json.loads(raw[8:8 + length])
    body = bytearray(raw[8 + length:])
    state = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] not in _DTYPES:
            raise ValueError(f"{path}: tensor {name} has dtype {info['dtype']}, expected F32")
        begin, end = info["data_offsets"]
        values = torch.frombuffer(body[begin:end], dtype=_DTYPES[info["dtype"]]) if end > begin else torch.zeros(0)
        state[name] = values.reshape(info["shape"]).clone()
    return state
