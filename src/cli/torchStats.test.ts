/**
 * The exported project's statistics (templates/torch/masst_results.py) against the playground's
 * (core/stats/paired.ts, verdict.ts) on the same outcomes: paired rows, verdicts, clauses and
 * summary sentences must be equal to the last bit and the last character, since run_sweep.py
 * writes them into a sweep.json that the page checks (readFile.ts) and shows beside the runner's.
 * The outcomes are accuracies on a grid of 1/400 (as 10-fold accuracies over a few hundred pairs
 * are), which makes ties of toFixed (a difference of 1.25 points) and knife-edge verdicts common.
 * Needs only a python3 (masst_results.py imports no PyTorch).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SeedOutcome } from '../core/stats/paired';
import { pairedDifferences } from '../core/stats/paired';
import { clause, summarySentence, verdictOf } from '../core/stats/verdict';
import { torchPython } from './torchPython';

const templates = fileURLToPath(new URL('../../templates/torch/', import.meta.url));
const python = torchPython() ?? 'python3';

interface Case {
  outcomes: SeedOutcome[];
  labels: string[];
}

/** mulberry32: a fixed stream, so a failure names a case that comes back. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cases(count: number): Case[] {
  const next = random(21);
  const all = ['Conventional', 'SST', 'MASST K=2', 'MASST K=4'];
  const out: Case[] = [
    // A one-seed difference of exactly −6.25 points: a toFixed tie (JavaScript rounds it away from zero, Python's format to even).
    {
      labels: ['SST', 'MASST K=2'],
      outcomes: [
        { label: 'SST', seed: 1, accuracy: 175 / 400, auc: 0.5 },
        { label: 'MASST K=2', seed: 1, accuracy: 150 / 400, auc: 0.5 },
      ],
    },
    // No shared seed: NaN statistics, written as null.
    {
      labels: ['SST', 'MASST K=2'],
      outcomes: [
        { label: 'SST', seed: 1, accuracy: 0.5, auc: 0.5 },
        { label: 'MASST K=2', seed: 2, accuracy: 0.6, auc: 0.6 },
      ],
    },
  ];
  while (out.length < count) {
    const labels = all.slice(0, 2 + Math.floor(next() * 3));
    const seeds = 1 + Math.floor(next() * 5);
    const outcomes: SeedOutcome[] = [];
    for (const label of labels) {
      for (let seed = 1; seed <= seeds; seed++) {
        // A run that diverged has no outcome; a few per case.
        if (next() < 0.1) continue;
        outcomes.push({
          label,
          seed,
          accuracy: (180 + Math.floor(next() * 40)) / 400,
          auc: (200 + Math.floor(next() * 100)) / 400,
        });
      }
    }
    out.push({ labels, outcomes });
  }
  return out;
}

const SCRIPT = `
import json, sys
from masst_results import clause, paired_differences, summary_sentence, verdict_of
out = []
for case in json.load(sys.stdin):
    rows = paired_differences(case["outcomes"], case["labels"])
    out.append({"rows": rows, "verdicts": [verdict_of(r["accuracy"]) for r in rows], "clauses": [clause(r) for r in rows],
                "summary": summary_sentence(rows)})
json.dump(out, sys.stdout, allow_nan=False)
`;

describe("the exported project's statistics (masst_results.py)", () => {
  it("equal the playground's paired rows, verdicts, clauses and sentences on 600 cases", () => {
    const all = cases(600);
    const r = spawnSync(python, ['-c', SCRIPT], {
      cwd: templates,
      input: JSON.stringify(all),
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const theirs = JSON.parse(r.stdout) as unknown[];
    const ours = all.map((c) => {
      const rows = pairedDifferences(c.outcomes, c.labels);
      return {
        rows,
        verdicts: rows.map((row) => verdictOf(row.accuracy)),
        clauses: rows.map(clause),
        summary: summarySentence(rows),
      };
    });
    // JSON.stringify writes NaN as null, as the Python writes its missing statistics.
    const expected = JSON.parse(JSON.stringify(ours)) as unknown[];
    all.forEach((c, i) => expect(theirs[i], `case ${i}: ${JSON.stringify(c)}`).toEqual(expected[i]));
    // The cases reach every verdict and the toFixed tie of the first case.
    const verdicts = new Set(ours.flatMap((o) => o.verdicts));
    expect([...verdicts].sort()).toEqual(['better', 'noise', 'none', 'oneSeed', 'worse']);
    expect(ours[0]?.summary).toBe(
      'MASST K=2 − SST is −6.3 points on the one seed (run more seeds to tell a difference from noise). (10-fold verification accuracy, paired by seed.)',
    );
  });
});
