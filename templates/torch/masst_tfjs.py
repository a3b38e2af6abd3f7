"""A probe as the playground's TensorFlow.js graph model (src/core/export/probeGraph.ts,
tfjsProbe.ts, probeZip.ts): model.json (a GraphDef in protobuf JSON, the signature "images"
[-1, H, W, C] -> "embedding" [-1, D], the weights manifest), weights.bin (little-endian float32 /
int32 in manifest order) and README.md. The same nodes in the same order as the page's "Download
probe" and the runner's --save-probes, so tf.loadGraphModel loads it without custom ops.
Strings in attributes are base64 (protobuf JSON of bytes), integers decimal strings.
"""
import array
import base64
import json
import os
import sys

import torch

from masst_model import BN_EPSILON, blocks_of, param_specs

INPUT_NAME, OUTPUT_NAME, WEIGHTS_FILE = "images", "embedding", "weights.bin"
L2_EPSILON = 1e-12
FLOAT = {"type": "DT_FLOAT"}


def _shape(shape):
    return {"dim": [{"size": str(n)} for n in shape]}


def _bytes(text):
    return {"s": base64.b64encode(text.encode("ascii")).decode("ascii")}


def _ints(values):
    return {"list": {"i": [str(v) for v in values]}}


class Graph:
    """Nodes and their constants in order; a constant's values go to weights.bin under its name."""

    def __init__(self):
        self.nodes, self.weights = [], []

    def _add(self, node):
        if any(n["name"] == node["name"] for n in self.nodes):
            raise ValueError(f'graph: node name "{node["name"]}" is used twice')
        self.nodes.append(node)
        return node["name"]

    def placeholder(self, name, shape):
        return self._add({"name": name, "op": "Placeholder", "input": [], "attr": {"dtype": FLOAT, "shape": {"shape": _shape(shape)}}})

    def constant(self, name, shape, values, dtype="float32"):
        tf_dtype = "DT_INT32" if dtype == "int32" else "DT_FLOAT"
        self.weights.append((name, list(shape), dtype, values))
        return self._add({"name": name, "op": "Const", "input": [],
                          "attr": {"dtype": {"type": tf_dtype}, "value": {"tensor": {"dtype": tf_dtype, "tensorShape": _shape(shape)}}}})

    def op(self, name, op, inputs, attr=None):
        return self._add({"name": name, "op": op, "input": list(inputs), "attr": {"T": FLOAT, **(attr or {})}})


def probe_graph(state, size, embed_dim, channels, image_size):
    """The inference pass of masst_model.Backbone as a Graph; `state` is masst_probe.probe_state's."""
    g = Graph()

    def param(name):
        t = state[name]
        return g.constant(name, list(t.shape), t)

    def batch_norm(name, x):
        mean = g.constant(f"{name}.running_mean", list(state[f"{name}.running_mean"].shape), state[f"{name}.running_mean"])
        var = g.constant(f"{name}.running_var", list(state[f"{name}.running_var"].shape), state[f"{name}.running_var"])
        gamma, beta = param(f"{name}.gamma"), param(f"{name}.beta")
        return g.op(f"{name}/FusedBatchNorm", "FusedBatchNorm", [x, gamma, beta, mean, var],
                    {"epsilon": {"f": BN_EPSILON}, "data_format": _bytes("NHWC"), "is_training": {"b": False}})

    def conv_bn(name, x, stride):
        conv = g.op(f"{name}/Conv2D", "Conv2D", [x, param(f"{name}.conv")],
                    {"strides": _ints([1, stride, stride, 1]), "padding": _bytes("SAME"),
                     "data_format": _bytes("NHWC"), "dilations": _ints([1, 1, 1, 1])})
        return batch_norm(f"{name}.bn", conv)

    def prelu(name, x):
        return g.op(f"{name}/Prelu", "Prelu", [x, param(name)])

    images = g.placeholder(INPUT_NAME, [-1, image_size, image_size, channels])
    two = g.constant("preprocess/two", [], torch.tensor([2.0]))
    one = g.constant("preprocess/one", [], torch.tensor([1.0]))
    x = g.op("preprocess/sub", "Sub", [g.op("preprocess/mul", "Mul", [images, two]), one])
    x = prelu("stem.prelu", conv_bn("stem", x, 1))
    for prefix, _, _, stride, projection in blocks_of(size):
        a = prelu(f"{prefix}.prelu", conv_bn(f"{prefix}.a", x, stride))
        main = conv_bn(f"{prefix}.b", a, 1)
        shortcut = conv_bn(f"{prefix}.proj", x, stride) if projection else x
        x = prelu(f"{prefix}.out", g.op(f"{prefix}/add", "AddV2", [main, shortcut]))
    axes = g.constant("pool/axes", [2], torch.tensor([1, 2], dtype=torch.int32), "int32")
    pooled = g.op("pool/Mean", "Mean", [x, axes], {"keep_dims": {"b": False}, "Tidx": {"type": "DT_INT32"}})
    dense = g.op("embed.dense/MatMul", "MatMul", [pooled, param("embed.dense")],
                 {"transpose_a": {"b": False}, "transpose_b": {"b": False}})
    features = batch_norm("embed.bn", dense)
    last_axis = g.constant("l2/axis", [1], torch.tensor([1], dtype=torch.int32), "int32")
    epsilon = g.constant("l2/epsilon", [], torch.tensor([L2_EPSILON]))
    sum_sq = g.op("l2/Sum", "Sum", [g.op("l2/Square", "Square", [features]), last_axis],
                  {"keep_dims": {"b": True}, "Tidx": {"type": "DT_INT32"}})
    norm = g.op("l2/Sqrt", "Sqrt", [g.op("l2/add", "AddV2", [sum_sq, epsilon])])
    g.op(OUTPUT_NAME, "RealDiv", [features, norm])
    return g


def check_state(state, size, embed_dim, channels, where):
    """Every tensor the graph reads, of its shape and finite; BN variances >= 0. ValueError names the first misfit."""
    specs = param_specs(size, embed_dim, channels)
    expected = [(n, s) for n, _, s in specs]
    expected += [(f"{n[:-len('.gamma')]}.{stat}", s) for n, k, s in specs if k == "bnGamma" for stat in ("running_mean", "running_var")]
    for name, shape in expected:
        t = state.get(name)
        if t is None:
            raise ValueError(f"{where}: no tensor {name} (a {size} backbone, D = {embed_dim}, {channels} channel(s) needs it)")
        if list(t.shape) != list(shape):
            raise ValueError(f"{where}: {name} has shape {list(t.shape)}, expected {list(shape)}")
        if not bool(torch.isfinite(t).all()):
            raise ValueError(f"{where}: {name} is not finite: the run diverged, there is no probe to convert")
        if name.endswith(".running_var") and bool((t < 0).any()):
            raise ValueError(f"{where}: {name} has a negative variance")


def metadata(description, embed_dim, channels, image_size):
    colour = "RGB" if channels == 3 else "grey"
    return {"description": description,
            "input": f"{INPUT_NAME}: float32 [batch, {image_size}, {image_size}, {channels}] ({colour}), pixel values in [0, 1]; the model maps them to [-1, 1] itself",
            "output": f"{OUTPUT_NAME}: float32 [batch, {embed_dim}], each row L2-normalised (compare faces by cosine similarity = dot product)"}


def readme(meta, folder, size, embed_dim, channels, image_size):
    """probeZip.ts probeReadme, word for word."""
    return f"""# {folder}

The trained probe of {meta['description']}, as a TensorFlow.js graph model, exported by the MASST
Playground.

- Input {meta['input']}.
- Output {meta['output']}.
- Backbone: {size}, embedding dimension {embed_dim}.

Load it with `tf.loadGraphModel` (from `@tensorflow/tfjs`, or `@tensorflow/tfjs-converter`
with `@tensorflow/tfjs-core` and a backend), with model.json and {WEIGHTS_FILE} served side by side:

```js
const model = await tf.loadGraphModel('https://example.org/{folder}/model.json');
const images = tf.zeros([1, {image_size}, {image_size}, {channels}]); // pixels in [0, 1]
const embedding = model.predict(images); // [1, {embed_dim}], unit length
```

Two faces are the same person when the cosine similarity of their embeddings (their dot product,
since both have unit length) is above a threshold chosen on pairs you know.
"""


def write_graph_model(folder, state, size, embed_dim, channels, image_size, description):
    """model.json, weights.bin and README.md of one probe in `folder` (created)."""
    g = probe_graph(state, size, embed_dim, channels, image_size)
    meta = metadata(description, embed_dim, channels, image_size)

    def tensor_info(name, shape):
        return {"name": f"{name}:0", "dtype": "DT_FLOAT", "tensorShape": _shape(shape)}

    model = {
        "format": "graph-model", "generatedBy": "MASST Playground",
        "convertedBy": "MASST Playground PyTorch export (to_tfjs.py)",
        "modelTopology": {"node": g.nodes, "versions": {"producer": 1}, "library": {}},
        "signature": {"inputs": {INPUT_NAME: tensor_info(INPUT_NAME, [-1, image_size, image_size, channels])},
                      "outputs": {OUTPUT_NAME: tensor_info(OUTPUT_NAME, [-1, embed_dim])}},
        "userDefinedMetadata": {"probe": meta},
        "weightsManifest": [{"paths": [WEIGHTS_FILE], "weights": [{"name": n, "shape": s, "dtype": d} for n, s, d, _ in g.weights]}],
    }
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, WEIGHTS_FILE), "wb") as f:
        for _, _, dtype, values in g.weights:
            flat = array.array("i" if dtype == "int32" else "f", values.detach().cpu().reshape(-1).tolist())
            if sys.byteorder == "big":
                flat.byteswap()
            f.write(flat.tobytes())
    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(model, separators=(",", ":"), ensure_ascii=False) + "\n")
    with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(meta, os.path.basename(os.path.normpath(folder)), size, embed_dim, channels, image_size))
