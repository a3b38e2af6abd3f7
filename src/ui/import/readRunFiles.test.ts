import { describe, expect, it } from 'vitest';
import { readRunFiles } from './readRunFiles';

const good = JSON.stringify({
  version: 4,
  config: { steps: 1, runs: [] },
  runs: [{ label: 'SST', seed: 1, history: [{ step: 1, loss: 2, lr: 0.1 }], evals: [], eval: null }],
});

describe('reading picked or dropped files', () => {
  it('keeps the good files and names each bad one, in the order given', async () => {
    const read = await readRunFiles([
      new File([good], 'a.json'),
      new File([good.slice(0, 40)], 'cut.json'),
      new File(['{"version": 9}'], 'new.json'),
    ]);
    expect(read.map((r) => [r.name, r.ok])).toEqual([
      ['a.json', true],
      ['cut.json', false],
      ['new.json', false],
    ]);
    expect(read[1]).toMatchObject({ message: expect.stringMatching(/^cut\.json: .*truncated/) });
    expect(read[2]).toMatchObject({ message: expect.stringMatching(/^new\.json: .*newer version \(9\)/) });
  });

  it('names a file the browser cannot read', async () => {
    const broken = { name: 'gone.json', text: () => Promise.reject(new Error('NotReadableError')) } as unknown as File;
    expect(await readRunFiles([broken])).toEqual([
      { ok: false, name: 'gone.json', message: 'gone.json: the browser could not read it (NotReadableError).' },
    ]);
  });
});
