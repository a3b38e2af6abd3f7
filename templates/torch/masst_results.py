"""Paired differences between methods by seed, their verdicts and summary sentence, as the
playground writes them into results.json and sweep.json (src/core/stats/describe.ts, paired.ts,
verdict.ts), operation for operation, so the numbers and the words are the same to the last bit
(src/cli/torchStats.test.ts compares them on the same inputs): sums are plain left-to-right loops
(Python 3.12's sum() of floats is compensated, JavaScript's reduce is not), and numbers are
rounded as JavaScript's toFixed rounds (the exact binary value, a tie away from zero; Python's
format rounds a tie to even). NaN statistics (no finished seed) are written as null, as
JSON.stringify does."""
import math
from decimal import ROUND_HALF_UP, Decimal


def to_fixed(x, digits):
    """Number.prototype.toFixed for finite |x| < 1e21."""
    text = str(Decimal(abs(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return f"-{text}" if x < 0 else text


def _total(values):
    acc = 0.0
    for v in values:
        acc = acc + v
    return acc


def paired_cell(values):
    """paired.ts pairedCell: mean, sample sd (0 for one seed) and sign count over the finite values."""
    finite = [v for v in values if math.isfinite(v)]
    n = len(finite)
    if n == 0:
        return {"perSeed": values, "mean": None, "sd": None, "positive": 0, "n": 0}
    mean = _total(finite) / n
    # (v - mean) * (v - mean), not ** 2: V8 squares by multiplying, libm's pow() differs in the last bit ~1 in 1,000.
    sd = math.sqrt(_total([(v - mean) * (v - mean) for v in finite]) / (n - 1)) if n > 1 else 0
    return {"perSeed": values, "mean": mean, "sd": sd, "positive": sum(1 for v in finite if v > 0), "n": n}


def comparisons(labels):
    """Each method against every earlier one, nearest first."""
    return [(a, labels[i]) for j, a in enumerate(labels) for i in range(j - 1, -1, -1)]


def paired_differences(outcomes, labels):
    """outcomes: [{label, seed, accuracy, auc}]; one row per comparison, over the seeds both ran."""
    at = {(o["label"], o["seed"]): o for o in outcomes}
    rows = []
    for a, b in comparisons(labels):
        b_seeds = {o["seed"] for o in outcomes if o["label"] == b}
        seeds = sorted({o["seed"] for o in outcomes if o["label"] == a} & b_seeds)

        def diff(metric):
            return [at[(a, s)][metric] - at[(b, s)][metric] for s in seeds]

        rows.append({"label": f"{a} \u2212 {b}", "a": a, "b": b, "seeds": seeds,
                     "accuracy": paired_cell(diff("accuracy")), "auc": paired_cell(diff("auc"))})
    return rows


def verdict_of(c):
    """verdict.ts verdictOf: better/worse needs n >= 2, ceil(2n/3) seeds of that sign and |mean| >= 2 sd / sqrt(n)."""
    if c["n"] == 0:
        return "none"
    if c["n"] == 1:
        return "oneSeed"
    needed = math.ceil((2 * c["n"]) / 3)
    negative = sum(1 for v in c["perSeed"] if v < 0)
    clear = abs(c["mean"]) >= (2 * c["sd"]) / math.sqrt(c["n"])
    if clear and c["mean"] > 0 and c["positive"] >= needed:
        return "better"
    if clear and c["mean"] < 0 and negative >= needed:
        return "worse"
    return "noise"


def _signed(x, digits):
    text = to_fixed(abs(x), digits)
    if float(text) == 0:
        return f"\u00b1{text}"
    return f"{'+' if x > 0 else chr(0x2212)}{text}"


def clause(row):
    """verdict.ts clause: one comparison in words, tied to its numbers and sign count."""
    c = row["accuracy"]
    verdict = verdict_of(c)
    if verdict == "none":
        return f"{row['a']} and {row['b']} share no finished seed yet"
    sd = to_fixed(100 * c["sd"], 1)
    points = to_fixed(abs(c["mean"]) * 100, 1)
    if verdict == "better":
        return f"{row['a']} beat {row['b']} on {c['positive']} of {c['n']} seeds by {points} \u00b1 {sd} points"
    if verdict == "worse":
        negative = sum(1 for v in c["perSeed"] if v < 0)
        return f"{row['a']} fell behind {row['b']} on {negative} of {c['n']} seeds by {points} \u00b1 {sd} points"
    if verdict == "noise":
        return (f"{row['a']} and {row['b']} are within noise: {_signed(100 * c['mean'], 1)} \u00b1 {sd} points "
                f"({c['positive']} of {c['n']} seeds positive)")
    return (f"{row['a']} \u2212 {row['b']} is {_signed(100 * c['mean'], 1)} points on the one seed "
            "(run more seeds to tell a difference from noise)")


def summary_sentence(rows):
    if not rows:
        return ""
    text = "; ".join(clause(r) for r in rows)
    return f"{text[0].upper()}{text[1:]}. (10-fold verification accuracy, paired by seed.)"
