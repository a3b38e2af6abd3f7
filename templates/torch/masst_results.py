"""Paired differences between methods by seed and their summary sentence, as the playground
writes them into results.json (src/core/stats/paired.ts, verdict.ts). NaN statistics (no finished
seed) are written as null, as JSON.stringify does."""
import math


def _cell(values):
    finite = [v for v in values if math.isfinite(v)]
    n = len(finite)
    mean = sum(finite) / n if n else None
    sd = (math.sqrt(sum((v - mean) ** 2 for v in finite) / (n - 1)) if n > 1 else 0) if n else None
    return {"perSeed": values, "mean": mean, "sd": sd, "positive": sum(v > 0 for v in finite), "n": n}


def paired_differences(outcomes, labels):
    """outcomes: [{label, seed, accuracy, auc}]; each method against every earlier one, nearest first."""
    at = {(o["label"], o["seed"]): o for o in outcomes}
    rows = []
    for j, a in enumerate(labels):
        for i in range(j - 1, -1, -1):
            b = labels[i]
            b_seeds = {o["seed"] for o in outcomes if o["label"] == b}
            seeds = sorted({o["seed"] for o in outcomes if o["label"] == a} & b_seeds)

            def diff(metric):
                return [at[(a, s)][metric] - at[(b, s)][metric] for s in seeds]

            rows.append({"label": f"{a} \u2212 {b}", "a": a, "b": b, "seeds": seeds,
                         "accuracy": _cell(diff("accuracy")), "auc": _cell(diff("auc"))})
    return rows


def _signed(x, digits):
    text = f"{abs(x):.{digits}f}"
    if float(text) == 0:
        return f"\u00b1{text}"
    return f"{'+' if x > 0 else chr(0x2212)}{text}"


def _clause(row):
    c = row["accuracy"]
    if c["n"] == 0:
        return f"{row['a']} and {row['b']} share no finished seed yet"
    sd = f"{100 * c['sd']:.1f}"
    points = f"{abs(c['mean']) * 100:.1f}"
    if c["n"] == 1:
        return (f"{row['a']} \u2212 {row['b']} is {_signed(100 * c['mean'], 1)} points on the one seed "
                "(run more seeds to tell a difference from noise)")
    needed = math.ceil(2 * c["n"] / 3)
    negative = sum(v < 0 for v in c["perSeed"])
    clear = abs(c["mean"]) >= 2 * c["sd"] / math.sqrt(c["n"])
    if clear and c["mean"] > 0 and c["positive"] >= needed:
        return f"{row['a']} beat {row['b']} on {c['positive']} of {c['n']} seeds by {points} \u00b1 {sd} points"
    if clear and c["mean"] < 0 and negative >= needed:
        return f"{row['a']} fell behind {row['b']} on {negative} of {c['n']} seeds by {points} \u00b1 {sd} points"
    return (f"{row['a']} and {row['b']} are within noise: {_signed(100 * c['mean'], 1)} \u00b1 {sd} points "
            f"({c['positive']} of {c['n']} seeds positive)")


def summary_sentence(rows):
    if not rows:
        return ""
    text = "; ".join(_clause(r) for r in rows)
    return f"{text[0].upper()}{text[1:]}. (10-fold verification accuracy, paired by seed.)"
