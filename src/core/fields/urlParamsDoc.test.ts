import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { urlFields } from './table';
import { URL_PARAMS_COMMAND, URL_PARAMS_DOC, urlParametersDoc } from './urlParamsDoc';

describe('docs/url-parameters.md', () => {
  const generated = urlParametersDoc();

  it('is what the field table generates', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../..', URL_PARAMS_DOC), 'utf8');
    // toBe would print both files; the command to run says what to do.
    expect(
      committed === generated,
      `${URL_PARAMS_DOC} is out of date with the field table: run ${URL_PARAMS_COMMAND} and commit it`,
    ).toBe(true);
  });

  it('lists every URL parameter with its config field, label and what it allows', () => {
    for (const f of urlFields()) expect(generated).toContain(`| \`${f.param as string}\``);
    expect(generated).toContain(
      '| `queue` | `gallery.queueSize` | “Queue size” | a multiple of batchSize below data.trainIds',
    );
    expect(generated).toContain(
      '`smoothEvery` (old name `probeEvery`, still read with a notice) | `analysis.every` | “Smoothness check every (steps)” | an integer from 0 to steps | `--smooth-every`',
    );
  });
});
