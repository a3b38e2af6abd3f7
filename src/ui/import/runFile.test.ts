import { describe, expect, it } from 'vitest';
import { RESULTS_VERSION } from '../../cli/results';
import { parseRunFile } from './runFile';

const run = (over: Record<string, unknown> = {}) => ({
  method: 'sst', agents: 1, label: 'SST', seed: 1,
  history: [{ step: 1, loss: 2.5, lr: 0.1 }, { step: 2, loss: 2.4, lr: 0.1 }],
  evals: [{ step: 1, accuracy: 0.6, auc: 0.62 }], eval: { accuracy: 0.7, auc: 0.75 }, interrupted: false, diverged: null, ...over,
});
const file = (over: Record<string, unknown> = {}) => ({ version: RESULTS_VERSION, complete: true, config: { steps: 2 }, seeds: [1], runs: [run()], ...over });

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
    expect(bad('cut.json', whole.slice(0, 40))).toMatch(/^cut\.json: it ends early \(40 characters\): the file looks truncated\.$/);
    expect(bad('notes.txt', 'hello')).toMatch(/^notes\.txt: it is not JSON/);
    expect(bad('list.json', '[1, 2]')).toBe('list.json: it is JSON but not a run file: expected an object with version, config and runs.');
    expect(bad('nov.json', '{"runs": []}')).toMatch(/^nov\.json: it has no version field/);
    expect(bad('new.json', JSON.stringify(file({ version: RESULTS_VERSION + 1 })))).toMatch(new RegExp(`^new\\.json: it is from a newer version \\(${RESULTS_VERSION + 1}\\); this page reads versions 3 to ${RESULTS_VERSION}`));
    expect(bad('old.json', JSON.stringify(file({ version: 2 })))).toMatch(/older than this page reads/);
    expect(bad('empty.json', JSON.stringify(file({ runs: [] })))).toBe('empty.json: it has no runs.');
    // NaN cannot be written in JSON: it arrives as null; huge values are refused too.
    const nan = JSON.stringify(file({ runs: [run({ history: [{ step: 1, loss: null, lr: 0.1 }] })] }));
    expect(bad('nan.json', nan)).toMatch(/^nan\.json: run "SST" \(seed 1\) history\[0\] is \{"step":1,"loss":null,"lr":0\.1\}: expected a whole step and a finite loss/);
    const huge = JSON.stringify(file({ runs: [run(), run({ label: 'MASST K=4', evals: [{ step: 1, accuracy: 3e12, auc: 0.5 }] })] }));
    expect(bad('huge.json', huge)).toMatch(/run "MASST K=4" \(seed 1\) evals\[0\] has accuracy 3000000000000: expected a step and accuracy and AUC in \[0, 1\]\. Nothing of it was loaded\.$/);
  });
});
