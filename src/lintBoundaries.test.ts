/**
 * The lint rules that hold the layers apart (eslint.config.js) fail on a wrong-way import and pass
 * the right way: ESLint's Node API lints fixture text as if it were a file of the layer.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(__dirname, '..') });

/** The rules broken by `text` linted as `filePath`, with their messages. */
async function problems(filePath: string, text: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const rule = (message: string) => [
  { rule: 'no-restricted-imports', message: expect.stringContaining(message) as unknown as string },
];

describe('layer boundaries in lint', () => {
  it('core imports nothing outside core', async () => {
    const core = 'src/core/__fixture__.ts';
    expect(
      await problems(core, "import type { UiState } from '../ui/store/state';\nexport type S = UiState;\n"),
    ).toEqual(rule('src/core imports only src/core'));
    expect(await problems(core, "import { value } from '../storage/db';\nexport const v = value;\n")).toEqual(
      rule('src/core imports only src/core'),
    );
    expect(
      await problems(core, "import { trainRuns } from '../cli/trainRuns';\nexport const t = trainRuns;\n"),
    ).toEqual(rule('src/core imports only src/core'));
    expect(
      await problems(core, "import type { ExperimentConfig } from './config';\nexport type C = ExperimentConfig;\n"),
    ).toEqual([]);
  });

  it('the UI does not import the CLI', async () => {
    const ui = 'src/ui/__fixture__.ts';
    expect(
      await problems(ui, "import type { ResultsFile } from '../cli/results';\nexport type R = ResultsFile;\n"),
    ).toEqual(rule('the UI must not import the Node runner'));
    expect(
      await problems(
        ui,
        "import type { ResultsFile } from '../core/results/resultsFile';\nexport type R = ResultsFile;\n",
      ),
    ).toEqual([]);
  });

  it('storage imports neither the UI nor the worker', async () => {
    const storage = 'src/storage/__fixture__.ts';
    expect(
      await problems(storage, "import type { UiState } from '../ui/store/state';\nexport type S = UiState;\n"),
    ).toEqual(rule('src/storage takes plain types'));
    expect(
      await problems(
        storage,
        "import type { WorkerCheckpoint } from '../worker/protocol';\nexport type W = WorkerCheckpoint;\n",
      ),
    ).toEqual(rule('src/storage takes plain types'));
    expect(
      await problems(storage, "import type { DataConfig } from '../core/config';\nexport type D = DataConfig;\n"),
    ).toEqual([]);
  });
});
