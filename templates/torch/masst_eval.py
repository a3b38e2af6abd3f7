"""Evaluation of the probe's test embeddings (docs/method.md section 7; src/core/eval/*.ts): 10-fold
verification with the threshold of each fold chosen on the other nine over FaceX-Zoo's 1,000
adaptive candidates, the exact ROC and its AUC, TAR at each FAR, the ROC resampled in log FPR for
plotting, look-alike rejection and rank-1 identification. Scores are cosines in double precision,
stored as float32 like the playground's. Returns the runner's EvalReport as a dict.
"""
import decimal
import math

import torch

FOLDS = 10
CANDIDATES = 1000


def js_number(x):
    """A float as JavaScript's String(x) writes it ("0.1", "1e-7"): the keys of tarAtFar."""
    if float(x).is_integer() and abs(x) < 1e21:
        return str(int(x))
    if 1e-7 <= abs(x) < 1e21:
        return format(decimal.Decimal(repr(float(x))), "f")
    mantissa, exponent = repr(float(x)).split("e")
    e = int(exponent)
    return f"{mantissa}e{'+' if e > 0 else '-'}{abs(e)}"


def choose_threshold(pos, neg, rule):
    """The first candidate min + k (max - min) / 1000 (k = 1..1000) maximising TPR - FPR
    ('tprMinusFpr') or accuracy ('accuracy'); a pair is accepted when score > threshold."""
    pos, neg = sorted(pos), sorted(neg)
    lo, hi = min(pos[0], neg[0]), max(pos[-1], neg[-1])
    step = (hi - lo) / CANDIDATES
    best, best_t, pc, nc = -math.inf, hi, 0, 0
    for k in range(CANDIDATES):
        t = lo + step * (k + 1)
        while pc < len(pos) and pos[pc] <= t:
            pc += 1
        while nc < len(neg) and neg[nc] <= t:
            nc += 1
        tp, fp = len(pos) - pc, len(neg) - nc
        if rule == "tprMinusFpr":
            value = tp / len(pos) - fp / len(neg)
        else:
            value = (tp + len(neg) - fp) / (len(pos) + len(neg))
        if value > best:
            best, best_t = value, t
    return best_t


def verify(scores, pairs, rule):
    folds, thresholds, look_n, look_ok = [], [], 0, 0
    for f in range(FOLDS):
        held = [i for i in range(len(scores)) if pairs["fold"][i] == f]
        rest = [i for i in range(len(scores)) if pairs["fold"][i] != f]
        hp = [scores[i] for i in held if pairs["same"][i]]
        hn = [scores[i] for i in held if not pairs["same"][i]]
        if not hp or not hn:
            raise ValueError(f"fold {f} has {len(hp)} positive and {len(hn)} negative pairs; each fold needs both")
        t = choose_threshold([scores[i] for i in rest if pairs["same"][i]],
                             [scores[i] for i in rest if not pairs["same"][i]], rule)
        folds.append((sum(s > t for s in hp) + sum(s <= t for s in hn)) / (len(hp) + len(hn)))
        thresholds.append(t)
        look = [scores[i] for i in held if pairs["lookalike"][i] == 1 and not pairs["same"][i]]
        look_n += len(look)
        look_ok += sum(s <= t for s in look)
    mean = sum(folds) / FOLDS
    var = sum((a - mean) ** 2 for a in folds) / (FOLDS - 1)
    return mean, math.sqrt(var / FOLDS), (look_ok / look_n if look_n else None)


def roc_curve(scores, same):
    """Exact ROC: one vertex per distinct score, from (0, 0) to (1, 1), with the counts."""
    positives = sum(same)
    negatives = len(same) - positives
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    roc = {"fpr": [0.0], "tpr": [0.0], "fp": [0], "tp": [0], "P": positives, "N": negatives}
    tp = fp = 0
    for k, i in enumerate(order):
        if same[i]:
            tp += 1
        else:
            fp += 1
        if k + 1 < len(order) and scores[order[k + 1]] == scores[i]:
            continue
        roc["fp"].append(fp)
        roc["tp"].append(tp)
        roc["fpr"].append(fp / negatives)
        roc["tpr"].append(tp / positives)
    return roc


def auc_of(roc):
    fp, tp = roc["fp"], roc["tp"]
    twice = sum((fp[k] - fp[k - 1]) * (tp[k] + tp[k - 1]) for k in range(1, len(fp)))
    return twice / (2 * roc["P"] * roc["N"])


def tar_at_far(roc, fars):
    out = {}
    for far in fars:
        allowed = math.floor(far * roc["N"] * (1 + 1e-9))
        tar = None
        if allowed >= 1:
            tar = 0.0
            for k, fp in enumerate(roc["fp"]):
                if fp <= allowed:
                    tar = roc["tpr"][k]
        out[js_number(far)] = tar
    return out


def decimate_roc(roc, max_points=200):
    """TPR on a grid even in log FPR from 1/negatives to 1, runs of equal TPR thinned."""
    if roc["N"] == 1:
        return {"fpr": [1.0], "tpr": [1.0]}
    lo = math.log(1 / roc["N"])
    grid = [math.exp(lo * (1 - p / (max_points - 1))) for p in range(max_points)]
    grid[0], grid[-1] = 1 / roc["N"], 1.0
    tol, j, tpr = 1e-9 / roc["N"], 0, []
    fprs, tprs = roc["fpr"], roc["tpr"]
    for x in grid:
        while j + 1 < len(fprs) and fprs[j + 1] <= x + tol:
            j += 1
        if j + 1 >= len(fprs) or x <= fprs[j]:
            tpr.append(tprs[j])
        else:
            tpr.append(tprs[j] + (tprs[j + 1] - tprs[j]) * (x - fprs[j]) / (fprs[j + 1] - fprs[j]))
    keep = [p for p in range(max_points)
            if p in (0, max_points - 1) or tpr[p - 1] != tpr[p] or tpr[p + 1] != tpr[p]]
    return {"fpr": [grid[p] for p in keep], "tpr": [tpr[p] for p in keep]}


def rank1(unit, labels):
    """Share of probes whose own gallery image (first of its ID) is strictly the most similar."""
    first = {}
    for i, label in enumerate(labels):
        first.setdefault(label, i)
    galleries = list(first.values())
    column = {g: c for c, g in enumerate(galleries)}
    sims = (unit @ unit[galleries].T).clamp(-1, 1)
    probes = correct = 0
    for i, label in enumerate(labels):
        own = first[label]
        if own == i:
            continue
        probes += 1
        row = sims[i].clone()
        target = row[column[own]].item()
        row[column[own]] = -math.inf
        correct += int(row.max().item() < target)
    return correct / probes


def evaluate(embeddings, labels, pairs, eval_config):
    """embeddings [n, D] (any float tensor), labels [n] ints, pairs dict of a, b, same,
    lookalike, fold lists -> the runner's EvalReport."""
    unit = embeddings.detach().double().cpu()
    if not torch.isfinite(unit).all():
        raise ValueError("the test embeddings are not finite (the run diverged)")
    norms = unit.square().sum(dim=1, keepdim=True).sqrt()
    unit = torch.where(norms > 0, unit / norms.clamp_min(1e-300), unit)
    a, b = torch.tensor(pairs["a"]), torch.tensor(pairs["b"])
    scores = (unit[a] * unit[b]).sum(dim=1).clamp(-1, 1).float().double().tolist()
    accuracy, std_err, lookalike = verify(scores, pairs, eval_config["thresholdRule"])
    roc = roc_curve(scores, pairs["same"])
    return {
        "accuracy": accuracy,
        "accuracyStdErr": std_err,
        "auc": auc_of(roc),
        "rank1": rank1(unit, labels),
        "tarAtFar": tar_at_far(roc, eval_config["farTargets"]),
        "lookalikeAccuracy": lookalike,
        "roc": decimate_roc(roc),
        "pairs": len(scores),
    }
