import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../core/results/resultsFile';
import { RESULTS_VERSION } from '../../core/results/resultsFile';
import { GhostStore } from './ghostStore';
import { ghostRuns } from './ghosts';
import { readRunFiles } from './readRunFiles';
import { parseRunFile } from './runFile';
import { configSteps } from './tolerant';

const run = (over: Record<string, unknown> = {}) => ({
  method: 'sst',
  agents: 1,
  label: 'SST',
  seed: 1,
  history: [
    { step: 1, loss: 2.5, lr: 0.1 },
    { step: 2, loss: 2.4, lr: 0.1 },
  ],
  evals: [{ step: 1, accuracy: 0.6, auc: 0.62 }],
  eval: { accuracy: 0.7, auc: 0.75 },
  interrupted: false,
  diverged: null,
  ...over,
});
const file = (over: Record<string, unknown> = {}) => ({
  version: RESULTS_VERSION,
  complete: true,
  config: { steps: 2 },
  seeds: [1],
  runs: [run()],
  ...over,
});

describe('a dropped run file', () => {
  it('reads a good file whole', () => {
    const r = parseRunFile('good.json', JSON.stringify(file()));
    expect(r.ok && r.file.runs[0]?.history).toHaveLength(2);
  });

  it('names the file and what is wrong, for every kind of bad file', () => {
    const bad = (name: string, text: string) => {
      const r = parseRunFile(name, text);
      if (r.ok) throw new Error(`${name} was accepted`);
      return r.message;
    };
    const whole = JSON.stringify(file());
    expect(bad('cut.json', whole.slice(0, 40))).toMatch(
      /^cut\.json: it ends early \(40 characters\): the file looks truncated\.$/,
    );
    expect(bad('notes.txt', 'hello')).toMatch(/^notes\.txt: it is not JSON/);
    expect(bad('list.json', '[1, 2]')).toBe(
      'list.json: it is JSON but not a run file: expected an object with version, config and runs.',
    );
    expect(bad('nov.json', '{"runs": []}')).toMatch(/^nov\.json: it has no version field/);
    expect(bad('new.json', JSON.stringify(file({ version: RESULTS_VERSION + 1 })))).toMatch(
      new RegExp(
        `^new\\.json: it is from a newer version \\(${RESULTS_VERSION + 1}\\); this page reads versions 3 to ${RESULTS_VERSION}`,
      ),
    );
    expect(bad('old.json', JSON.stringify(file({ version: 2 })))).toMatch(/older than this page reads/);
    expect(bad('empty.json', JSON.stringify(file({ runs: [] })))).toBe('empty.json: it has no runs.');
    // NaN cannot be written in JSON: it arrives as null; huge values are refused too.
    const nan = JSON.stringify(file({ runs: [run({ history: [{ step: 1, loss: null, lr: 0.1 }] })] }));
    expect(bad('nan.json', nan)).toBe(
      'nan.json: run "SST" (seed 1): runs[0].history[0].loss is null (JSON writes a NaN or an infinite number as null): expected a finite number from -1000000000 to 1000000000. Nothing of it was loaded.',
    );
    const huge = JSON.stringify(
      file({ runs: [run(), run({ label: 'MASST K=4', evals: [{ step: 1, accuracy: 3e12, auc: 0.5 }] })] }),
    );
    expect(bad('huge.json', huge)).toBe(
      'huge.json: run "MASST K=4" (seed 1): runs[1].evals[0].accuracy is 3000000000000: expected a number from 0 to 1. Nothing of it was loaded.',
    );
  });
});

/** The JSON of `file(over)` with `literal` written in place of the string "LITERAL": what JSON.stringify cannot write. */
const withLiteral = (over: Record<string, unknown>, literal: string) =>
  JSON.stringify(file(over)).replace('"LITERAL"', literal);

describe('a hostile run file (issue 22)', () => {
  const bad = (name: string, text: string) => {
    const r = parseRunFile(name, text);
    if (r.ok) throw new Error(`${name} was accepted`);
    return r.message;
  };

  it('without config.steps and with 130,000 history points is read, drawn from 500 of them', () => {
    const history = Array.from({ length: 130_000 }, (_, k) => ({ step: k + 1, loss: 2 + Math.sin(k), lr: 0.1 }));
    const text = JSON.stringify(
      file({ config: {}, runs: [run({ history, evals: [{ step: 130_000, accuracy: 0.6, auc: 0.7 }] })] }),
    );
    expect(text.length).toBeGreaterThan(4_600_000);
    const r = parseRunFile('long.json', text);
    if (!r.ok) throw new Error(r.message);
    expect(r.note).toBe('drawn from 500 points of up to 130000 per run');
    const kept = r.file.runs[0]?.history ?? [];
    expect(kept.length).toBeLessThanOrEqual(501);
    expect([kept[0]?.step, kept[kept.length - 1]?.step]).toEqual([1, 130_000]);
    expect(configSteps(r.file)).toBe(130_000);
    const ghost = ghostRuns({ id: 1, fileName: 'long.json', file: r.file });
    expect(ghost[0]?.evals.map((e) => e.step)).toEqual([130_000, 130_000]);
  });

  it('configSteps takes the last step of unbounded runs without spreading them into Math.max', () => {
    const history = Array.from({ length: 300_000 }, (_, k) => ({ step: k, loss: 1, lr: 0.1 }));
    const parsed = JSON.parse(JSON.stringify(file({ config: {} }))) as ResultsFile;
    const long = { ...parsed, runs: [{ ...(parsed.runs[0] as ResultsFile['runs'][number]), history }] };
    expect(configSteps(long)).toBe(299_999);
  });

  it('refuses more runs than a file may hold, naming the limit, and more imported runs than the page draws', () => {
    const many = JSON.stringify(file({ runs: Array.from({ length: 10_000 }, (_, k) => run({ seed: k })) }));
    expect(bad('many.json', many)).toBe(
      'many.json: it has 10000 runs: this page draws at most 128 runs of one file. Nothing of it was loaded.',
    );
    const store = new GhostStore();
    const parsed = parseRunFile(
      'a.json',
      JSON.stringify(file({ runs: Array.from({ length: 100 }, (_, k) => run({ seed: k })) })),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(store.refusal('a.json', 100)).toBeNull();
    store.add('a.json', parsed.file);
    expect(store.refusal('b.json', 50)).toBe(
      'b.json: its 50 runs beside the 100 imported already would make 150; the page draws at most 128 imported runs at once. Remove an imported file first. Nothing of it was loaded.',
    );
    expect(store.refusal('c.json', 28)).toBeNull();
  });

  it('quotes at most 120 characters of a value, its control characters escaped', () => {
    const blob = `\u001b]0;owned\u0007${'x'.repeat(2_000_000)}`;
    const message = bad(
      'big.json',
      JSON.stringify(file({ runs: [run({ label: `A\u001b[2J${'y'.repeat(500)}`, history: [blob] })] })),
    );
    expect(message.length).toBeLessThan(600);
    expect(message).toContain('runs[0].history[0] is "\\u001b]0;owned\\u0007xxx');
    expect(message).toContain('run "A\\u001b[2Jyyy');
    expect(message).toMatch(/x…" \(a string\): expected \{step, loss, lr\}/);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(bad('evil\u001b[2J.json', '{"version": 4, "config": {}, "runs": []}')).toBe(
      'evil\\u001b[2J.json: it has no runs.',
    );
  });

  it('names a non-finite number as the file wrote it', () => {
    expect(
      bad(
        'inf.json',
        withLiteral(
          {
            runs: [
              run({
                history: [
                  { step: 1, loss: 2, lr: 0.1 },
                  { step: 2, loss: 'LITERAL', lr: 0.1 },
                ],
              }),
            ],
          },
          '1e999',
        ),
      ),
    ).toBe(
      'inf.json: run "SST" (seed 1): runs[0].history[1].loss is Infinity (1e999 in the file): expected a finite number from -1000000000 to 1000000000. Nothing of it was loaded.',
    );
    expect(bad('neg.json', withLiteral({ runs: [run({ eval: { accuracy: 'LITERAL', auc: 0.5 } })] }, '-2E+400'))).toBe(
      'neg.json: run "SST" (seed 1): runs[0].eval.accuracy is -Infinity (-2E+400 in the file): expected a number from 0 to 1. Nothing of it was loaded.',
    );
  });

  it('says the version must be a number and names what it is', () => {
    expect(bad('v.json', JSON.stringify(file({ version: '4' })))).toBe(
      'v.json: its version is "4" (a string): expected a whole number, one of versions 3 to 4.',
    );
    expect(bad('v.json', JSON.stringify(file({ version: [4] })))).toBe(
      'v.json: its version is [4]: expected a whole number, one of versions 3 to 4.',
    );
    expect(bad('v.json', JSON.stringify(file({ version: 3.5 })))).toMatch(
      /^v\.json: its version is 3\.5: expected a whole number/,
    );
  });

  it('refuses steps that are negative, unsafe or not increasing, naming the field path and the range', () => {
    const h = (steps: unknown[]) =>
      JSON.stringify(file({ runs: [run({ history: steps.map((step) => ({ step, loss: 1, lr: 0.1 })) })] }));
    expect(bad('s.json', h([1, -7]))).toBe(
      `s.json: run "SST" (seed 1): runs[0].history[1].step is -7: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}. Nothing of it was loaded.`,
    );
    expect(bad('s.json', h([1e300]))).toBe(
      `s.json: run "SST" (seed 1): runs[0].history[0].step is 1e+300: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}. Nothing of it was loaded.`,
    );
    expect(bad('s.json', h([0, 1, 2, 2]))).toBe(
      's.json: run "SST" (seed 1): runs[0].history[3].step is 2 after 2 at runs[0].history[2]: steps must increase. Nothing of it was loaded.',
    );
    expect(bad('s.json', h([5, 3]))).toMatch(
      /history\[1\]\.step is 3 after 5 at runs\[0\]\.history\[0\]: steps must increase/,
    );
    expect(
      bad(
        'e.json',
        JSON.stringify(
          file({
            runs: [
              run({
                evals: [
                  { step: 4, accuracy: 0.5, auc: 0.5 },
                  { step: 4, accuracy: 0.5, auc: 0.5 },
                ],
              }),
            ],
          }),
        ),
      ),
    ).toMatch(/runs\[0\]\.evals\[1\]\.step is 4 after 4/);
    expect(bad('c.json', JSON.stringify(file({ config: { steps: 1e300 } })))).toBe(
      `c.json: config.steps is 1e+300: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}. Nothing of it was loaded.`,
    );
  });

  it('refuses a seed outside 0 to 2^32 − 1 and paired counts outside their range', () => {
    expect(bad('seed.json', JSON.stringify(file({ runs: [run({ seed: 2 ** 60 })] })))).toBe(
      `seed.json: run "SST" (seed ${2 ** 60}): runs[0].seed is ${2 ** 60}: expected a whole number from 0 to 4294967295. Nothing of it was loaded.`,
    );
    expect(bad('seed.json', JSON.stringify(file({ runs: [run({ seed: -1 })] })))).toMatch(
      /runs\[0\]\.seed is -1: expected a whole number from 0 to 4294967295/,
    );
    const cell = { mean: -0.1, sd: 0.01, positive: -7, n: 1e15 };
    const rows = [{ label: 'SST − Conventional', accuracy: cell, auc: { mean: 0, sd: 0, positive: 2, n: 1 } }];
    expect(bad('paired.json', JSON.stringify(file({ pairedDifferences: rows })))).toBe(
      "paired.json: pairedDifferences[0].accuracy.n is 1000000000000000: expected a whole number from 0 to 1 (the file's seeds); " +
        'pairedDifferences[0].accuracy.positive is -7: expected a whole number from 0 to 1 (its n); ' +
        'pairedDifferences[0].auc.positive is 2: expected a whole number from 0 to 1 (its n). Nothing of it was loaded.',
    );
  });

  it('refuses a file too large to read without stalling the page, before reading it', async () => {
    const text = () => Promise.reject(new Error('read'));
    const big = { name: 'huge.json', size: 80 * 1024 * 1024, text } as unknown as File;
    expect(await readRunFiles([big])).toEqual([
      {
        ok: false,
        name: 'huge.json',
        message: 'huge.json: it is 80.0 MB; this page reads run files of up to 64.0 MB. Nothing of it was loaded.',
      },
    ]);
  });
});
