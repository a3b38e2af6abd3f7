"""Conventional training, SST and MASST (docs/method.md sections 2-5; src/core/train/*.ts).

Distributed (torchrun, one process per device): every rank draws the same global batch of B
identities from the same sampler stream and trains on its contiguous slice of B / world rows.
- The probe is wrapped in DistributedDataParallel: its gradients are averaged over the ranks, so
  with every rank computing the mean loss of its own rows the update is the one of the global
  mean loss, and the probe's weights stay identical on every rank.
- The gallery agents are never communicated: each rank applies the same EMA to the same probe
  weights in the same order (the rotation k = t mod K is a function of the step), so they stay
  identical everywhere.
- Gallery features are all-gathered before use: each probe row is scored against the gallery
  features of the whole batch (its own ID's feature from the other view is its target column),
  and the whole batch's features are enqueued, so the queue(s) are identical on every rank too.
- BN uses each rank's own batch statistics (no synchronised BN), as usual under DDP; the running
  statistics of rank 0 are broadcast by DDP at every forward. With one process every number is
  the playground's.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

from masst_model import Backbone, l2_normalize


def learning_rate_at(t, total_steps, optim):
    """LR of 0-based step t: linear warm-up, then x gamma at each milestone (schedule.ts)."""
    if optim["warmupSteps"] > 0 and t < optim["warmupSteps"]:
        return optim["lr"] * (t + 1) / optim["warmupSteps"]
    lr = optim["lr"]
    for m in optim["milestones"]:
        if t >= math.floor(m * total_steps + 0.5):
            lr *= optim["gamma"]
    return lr


def margin_logits(cos, targets, loss):
    """cos [N, C], targets [N] (target column per row) -> s * logits with the margin on the
    target column only: softmax s cos, AM s (cos - m), Arc s cos(theta + m)."""
    c = cos.clamp(-1, 1)
    mask = F.one_hot(targets, c.shape[1]).to(c.dtype)
    if loss["type"] == "softmax":
        modified = c
    elif loss["type"] == "am":
        modified = c - loss["margin"]
    else:
        sin = torch.sqrt(torch.clamp(1 - c.square(), min=1e-7))
        modified = c * math.cos(loss["margin"]) - sin * math.sin(loss["margin"])
    return (c + mask * (modified - c)) * loss["scale"]


def cross_entropy(logits, targets):
    mask = F.one_hot(targets, logits.shape[1]).to(logits.dtype)
    return -(mask * F.log_softmax(logits, dim=1)).sum(dim=1).mean()


class ProbeViews(nn.Module):
    """What DDP wraps: both views through the probe in training mode (BN statistics per view,
    running statistics updated after each), and for Conventional the normalised FC head's cosines."""

    def __init__(self, backbone, head=None):
        super().__init__()
        self.backbone = backbone
        self.head = None if head is None else nn.Parameter(head)

    def forward(self, x1, x2):
        p1, m1 = self.backbone.embed(x1, "train")
        p2, m2 = self.backbone.embed(x2, "train")
        self.backbone.update_running_stats(m1)
        self.backbone.update_running_stats(m2)
        if self.head is None:
            return p1, p2
        w = self.head / torch.sqrt(self.head.square().sum(dim=0, keepdim=True) + 1e-12)
        return p1 @ w, p2 @ w


class PrototypeQueue:
    """Q L2-normalised gallery features [Q, D], one slot per identity, written B rows at a time."""

    def __init__(self, features):
        self.features = features
        self.pointer = 0
        self.slot_ids = [-1] * features.shape[0]

    def rest(self, batch):
        """The queue without the B rows at the pointer, [Q - B, D]."""
        return torch.cat([self.features[:self.pointer], self.features[self.pointer + batch:]])

    def enqueue(self, g, ids):
        b = g.shape[0]
        self.features[self.pointer:self.pointer + b] = g.detach()
        self.slot_ids[self.pointer:self.pointer + b] = list(ids)
        self.pointer = (self.pointer + b) % self.features.shape[0]


def agent_alpha(masst, alpha, count, k):
    """agents.ts agentAlpha: one alpha, alpha per agent, or alpha^K for 'active' updates."""
    if masst["agentAlpha"] == "shared":
        return alpha
    if masst["agentAlpha"] == "perAgent":
        return masst["agentAlphas"][k]
    return alpha ** count if masst["agentUpdate"] == "active" else alpha


class AgentStack:
    """K gallery agents rotated in as k = t mod K; each an EMA of the probe (agents.ts)."""

    def __init__(self, probe, count, masst, alpha):
        self.agents = [clone_backbone(probe) for _ in range(count)]
        self.alphas = [agent_alpha(masst, alpha, count, k) for k in range(count)]
        self.started = [masst["agentInit"] == "copyProbe" or k == 0 for k in range(count)]
        self.update_all = masst["agentUpdate"] == "all"

    def prepare(self, t, probe):
        """Before step t: a staggered agent copies the probe at its first turn."""
        k = t % len(self.agents)
        if not self.started[k]:
            self.agents[k].copy_weights_from(probe)
            self.started[k] = True
        return self.agents[k]

    def update(self, t, probe):
        active = t % len(self.agents)
        for k, agent in enumerate(self.agents):
            if (self.started[k] if self.update_all else k == active):
                agent.ema_from(probe, self.alphas[k])


def clone_backbone(net):
    copy = Backbone(net.size, net.p("embed.dense").shape[1], net.p("stem.conv").shape[1],
                    [torch.zeros(math.prod(shape)) for _, _, shape in net.specs])
    copy.load_state_dict(net.state_dict())
    for w in copy.weights:
        w.requires_grad_(False)
    return copy


class Dist:
    """The process group, or a stand-in for one process."""

    def __init__(self, world, rank, device):
        self.world, self.rank, self.device = world, rank, device

    def gather_rows(self, x):
        """[b, D] per rank -> [world * b, D], rank order (the order of the global batch)."""
        if self.world == 1:
            return x
        parts = [torch.empty_like(x) for _ in range(self.world)]
        torch.distributed.all_gather(parts, x.contiguous())
        return torch.cat(parts)

    def mean(self, value):
        """A float averaged over the ranks."""
        if self.world == 1:
            return value
        t = torch.tensor([value], dtype=torch.float64, device=self.device)
        torch.distributed.all_reduce(t)
        return t.item() / self.world

    def local(self, rows):
        """This rank's contiguous slice of a global batch list."""
        b = len(rows) // self.world
        return rows[self.rank * b:(self.rank + 1) * b]


class Trainer:
    """One run: the probe (DDP-wrapped when distributed) and its SGD with momentum and decay."""

    def __init__(self, backbone, head, config, dist):
        self.backbone = backbone.to(dist.device)
        self.views = ProbeViews(self.backbone, head)
        if dist.world > 1:
            ids = [dist.device.index] if dist.device.type == "cuda" else None
            self.module = nn.parallel.DistributedDataParallel(self.views, device_ids=ids)
        else:
            self.module = self.views
        o = config["optim"]
        self.optimizer = torch.optim.SGD(self.module.parameters(), lr=o["lr"], momentum=o["momentum"],
                                         weight_decay=o["weightDecay"])
        self.config, self.dist, self.t = config, dist, 0

    def apply(self, loss, lr):
        self.optimizer.zero_grad()
        loss.backward()
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.optimizer.step()


class ConventionalTrainer(Trainer):
    def step(self, images, batch, lr):
        ids, view1, view2 = (self.dist.local(x) for x in batch)
        targets = torch.tensor(ids, device=self.dist.device)
        cos1, cos2 = self.module(images[view1], images[view2])
        loss_cfg = self.config["loss"]
        loss = (cross_entropy(margin_logits(cos1, targets, loss_cfg), targets)
                + cross_entropy(margin_logits(cos2, targets, loss_cfg), targets)) / 2
        self.apply(loss, lr)
        self.t += 1
        return self.dist.mean(loss.item())


class SemiSiameseTrainer(Trainer):
    """SST (K = 1) and MASST: the probe against gallery agent k = t mod K and its queue."""

    def __init__(self, backbone, config, dist, agents, queues, enqueue_rng):
        super().__init__(backbone, None, config, dist)
        self.agents = AgentStack(self.backbone, agents, config["masst"], config["gallery"]["alpha"])
        for agent in self.agents.agents:
            agent.to(dist.device)
        self.queues = [PrototypeQueue(q.to(dist.device)) for q in queues]
        self.enqueue_rng = enqueue_rng

    def step(self, images, batch, lr):
        k = self.t % len(self.agents.agents)
        agent = self.agents.prepare(self.t, self.backbone)
        queue = self.queues[0 if len(self.queues) == 1 else k]
        enqueue_first = self.enqueue_rng.chance(0.5)
        ids, view1, view2 = (self.dist.local(x) for x in batch)
        x1, x2 = images[view1], images[view2]
        with torch.no_grad():
            g1 = self.dist.gather_rows(agent.embed(x1, "batch")[0])
            g2 = self.dist.gather_rows(agent.embed(x2, "batch")[0])
        full = g1.shape[0]
        first = self.dist.rank * len(ids)
        targets = torch.arange(first, first + len(ids), device=self.dist.device)
        rest = queue.rest(full)
        p1, p2 = self.module(x1, x2)
        loss_cfg = self.config["loss"]
        logits1 = margin_logits(torch.cat([p1 @ g2.T, p1 @ rest.T], dim=1), targets, loss_cfg)
        logits2 = margin_logits(torch.cat([p2 @ g1.T, p2 @ rest.T], dim=1), targets, loss_cfg)
        loss = (cross_entropy(logits1, targets) + cross_entropy(logits2, targets)) / 2
        queue.enqueue(g1 if enqueue_first else g2, batch[0])
        self.apply(loss, lr)
        self.agents.update(self.t, self.backbone)
        self.t += 1
        return self.dist.mean(loss.item())


def unit_rows(rng, rows, dim):
    """[rows, dim] random unit vectors, drawn as queue.ts does (row by row, float32)."""
    values = torch.tensor([rng.normal() for _ in range(rows * dim)], dtype=torch.float64).float()
    return l2_normalize(values.reshape(rows, dim).double()).float()
