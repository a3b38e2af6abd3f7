"""The playground's residual backbone (src/core/model/architecture.ts, forward.ts, init.ts).

Layout: stem 3x3 conv + BN + PReLU; per stage, blocks of [3x3 conv (stride 2 in a stage's first
block) + BN + PReLU, 3x3 conv + BN] plus a shortcut (1x1 conv + BN when the shape changes, else
identity), summed, then PReLU; global average pool; dense (no bias) to D; BN; L2 normalisation.
Images come in as [B, H, W, C] in [0, 1] and are mapped to [-1, 1].
Padding is TensorFlow's 'same': with stride 2 on an even side a 3x3 conv pads 0 before and 1 after
(its windows centre on odd pixels), a 1x1 conv pads nothing (even pixels).
BN modes: 'train' (batch statistics; the caller folds them into the running statistics),
'batch' (batch statistics, nothing recorded: the gallery agents) and 'inference' (running
statistics). The normalisation uses the biased batch variance, the running variance the unbiased
one with momentum 0.1 (PyTorch's rule), epsilon 1e-5.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

SIZES = {
    "tiny": (8, [(16, 1), (32, 1)]),
    "small": (16, [(32, 1), (64, 1), (128, 1)]),
    "base": (32, [(64, 2), (128, 2), (256, 2)]),
}
BN_EPSILON = 1e-5
BN_MOMENTUM = 0.1
PRELU_INIT = 0.25


def blocks_of(size):
    """[(prefix, cin, cout, stride, projection)] in forward order."""
    stem, stages = SIZES[size]
    blocks, cin = [], stem
    for si, (channels, count) in enumerate(stages):
        for bi in range(count):
            stride = 2 if bi == 0 else 1
            blocks.append((f"s{si}b{bi}", cin, channels, stride, stride != 1 or cin != channels))
            cin = channels
    return blocks


def param_specs(size, embed_dim, channels):
    """[(name, kind, shape)] in the playground's order and layout (conv [k, k, cin, cout])."""
    stem, stages = SIZES[size]

    def conv_bn(name, k, cin, cout):
        return [(f"{name}.conv", "conv", [k, k, cin, cout]),
                (f"{name}.bn.gamma", "bnGamma", [cout]), (f"{name}.bn.beta", "bnBeta", [cout])]

    specs = conv_bn("stem", 3, channels, stem) + [("stem.prelu", "prelu", [stem])]
    for prefix, cin, cout, _, projection in blocks_of(size):
        specs += conv_bn(f"{prefix}.a", 3, cin, cout) + [(f"{prefix}.prelu", "prelu", [cout])]
        specs += conv_bn(f"{prefix}.b", 3, cout, cout)
        if projection:
            specs += conv_bn(f"{prefix}.proj", 1, cin, cout)
        specs.append((f"{prefix}.out", "prelu", [cout]))
    last = stages[-1][0]
    specs += [("embed.dense", "dense", [last, embed_dim]),
              ("embed.bn.gamma", "bnGamma", [embed_dim]), ("embed.bn.beta", "bnBeta", [embed_dim])]
    return specs


def initial_values(specs, rng):
    """Flat float32 arrays in spec order, drawn as init.ts does: Kaiming-normal conv and dense
    weights (std sqrt(2 / ((1 + 0.25^2) fan_in))), BN gamma 1, beta 0, PReLU slopes 0.25."""
    values = []
    for _, kind, shape in specs:
        size = math.prod(shape)
        if kind in ("conv", "dense"):
            std = math.sqrt(2 / ((1 + PRELU_INIT * PRELU_INIT) * math.prod(shape[:-1])))
            values.append(torch.tensor([rng.normal() * std for _ in range(size)], dtype=torch.float64).float())
        elif kind == "bnGamma":
            values.append(torch.ones(size))
        elif kind == "bnBeta":
            values.append(torch.zeros(size))
        else:
            values.append(torch.full((size,), PRELU_INIT))
    return values


def to_torch_layout(kind, shape, flat):
    """A flat array in the playground's layout -> this module's tensor (conv [cout, cin, k, k])."""
    t = flat.reshape(shape)
    return t.permute(3, 2, 0, 1).contiguous() if kind == "conv" else t.clone()


class Backbone(nn.Module):
    """One net: the parameters in spec order (`self.weights`) and the BN running statistics."""

    def __init__(self, size, embed_dim, channels, flat_values):
        super().__init__()
        self.size = size
        self.specs = param_specs(size, embed_dim, channels)
        if len(flat_values) != len(self.specs):
            raise ValueError(f"{len(flat_values)} weight arrays for {len(self.specs)} parameters")
        self.weights = nn.ParameterList([
            nn.Parameter(to_torch_layout(kind, shape, torch.as_tensor(v, dtype=torch.float32)))
            for (_, kind, shape), v in zip(self.specs, flat_values)])
        self.index = {name: i for i, (name, _, _) in enumerate(self.specs)}
        self.bn_names = [name[:-len(".gamma")] for name, kind, _ in self.specs if kind == "bnGamma"]
        for name, kind, shape in self.specs:
            if kind == "bnGamma":
                key = self._bn_key(name[:-len(".gamma")])
                self.register_buffer(f"{key}_mean", torch.zeros(shape))
                self.register_buffer(f"{key}_var", torch.ones(shape))

    @staticmethod
    def _bn_key(name):
        return name.replace(".", "_")

    def p(self, name):
        return self.weights[self.index[name]]

    def _bn(self, name, x, mode, moments):
        """BN over every axis but the channel axis 1 of x ([B, C, H, W] or [B, C])."""
        key = self._bn_key(name)
        if mode == "inference":
            mean, var = getattr(self, f"{key}_mean"), getattr(self, f"{key}_var")
        else:
            axes = [0] + list(range(2, x.dim()))
            mean = x.mean(dim=axes, keepdim=True).flatten()
            shape = [1, -1] + [1] * (x.dim() - 2)
            var = (x - mean.view(shape)).square().mean(dim=axes)
            if mode == "train":
                moments.append((key, mean.detach(), var.detach(), x.numel() // x.shape[1]))
        shape = [1, -1] + [1] * (x.dim() - 2)
        scale = self.p(f"{name}.gamma") * torch.rsqrt(var + BN_EPSILON)
        return (x - mean.view(shape)) * scale.view(shape) + self.p(f"{name}.beta").view(shape)

    def _conv_bn(self, name, x, stride, mode, moments):
        w = self.p(f"{name}.conv")
        k = w.shape[-1]
        if stride == 2 and k == 3:
            y = F.conv2d(F.pad(x, (0, 1, 0, 1)), w, stride=2)
        else:
            y = F.conv2d(x, w, stride=stride, padding=(k - 1) // 2)
        return self._bn(f"{name}.bn", y, mode, moments)

    def embed(self, images, mode):
        """images [B, H, W, C] in [0, 1] -> (L2-normalised embeddings [B, D], BN moments)."""
        moments = []
        x = images.permute(0, 3, 1, 2) * 2 - 1
        x = F.prelu(self._conv_bn("stem", x, 1, mode, moments), self.p("stem.prelu"))
        for prefix, _, _, stride, projection in blocks_of(self.size):
            a = F.prelu(self._conv_bn(f"{prefix}.a", x, stride, mode, moments), self.p(f"{prefix}.prelu"))
            main = self._conv_bn(f"{prefix}.b", a, 1, mode, moments)
            shortcut = self._conv_bn(f"{prefix}.proj", x, stride, mode, moments) if projection else x
            x = F.prelu(main + shortcut, self.p(f"{prefix}.out"))
        features = self._bn("embed.bn", x.mean(dim=(2, 3)) @ self.p("embed.dense"), mode, moments)
        return l2_normalize(features), moments

    @torch.no_grad()
    def update_running_stats(self, moments):
        """r <- 0.9 r + 0.1 batch, the variance made unbiased (forward.ts updateRunningStats)."""
        for key, mean, var, count in moments:
            unbiased = var * (count / max(1, count - 1))
            running_mean, running_var = getattr(self, f"{key}_mean"), getattr(self, f"{key}_var")
            running_mean.copy_(running_mean * (1 - BN_MOMENTUM) + mean * BN_MOMENTUM)
            running_var.copy_(running_var * (1 - BN_MOMENTUM) + unbiased * BN_MOMENTUM)

    @torch.no_grad()
    def copy_weights_from(self, other):
        for mine, theirs in zip(self.weights, other.weights):
            mine.copy_(theirs)

    @torch.no_grad()
    def ema_from(self, other, alpha):
        """theta <- alpha theta + (1 - alpha) theta_other over the trainable weights only."""
        for mine, theirs in zip(self.weights, other.weights):
            mine.copy_(mine * alpha + theirs * (1 - alpha))


def l2_normalize(x):
    """Rows to unit length, [N, D]; 1e-12 keeps the gradient finite at 0."""
    return x / torch.sqrt(x.square().sum(dim=1, keepdim=True) + 1e-12)
