import { describe, expect, it } from 'vitest';
import { FIELDS } from '../core/fields/table';
import { EXPERIMENT_COMMAND, FLAG_OF_FIELD, parseExperimentArgs, parseRunnerArgs } from './args';

describe('experiment runner flags', () => {
  it('reads every flag, the output folder defaulting to out/<preset>', () => {
    expect(
      parseExperimentArgs([
        '--preset',
        'shallow',
        '--steps',
        '40',
        '--seeds',
        '1,2',
        '--backend',
        'webgpu',
        '--eval-every',
        '10',
        '--smooth-every',
        '0',
        '--slice-every',
        '20',
        '--workers',
        '3',
        '--set',
        'data.imageSize=16',
        '--set',
        'gallery.alpha=0.95',
      ]),
    ).toEqual({
      preset: 'shallow',
      steps: 40,
      seeds: [1, 2],
      backend: 'webgpu',
      out: 'out/shallow',
      evalEvery: 10,
      smoothEvery: 0,
      sliceEvery: 20,
      workers: 3,
      methods: null,
      overrides: ['data.imageSize=16', 'gallery.alpha=0.95'],
      checkpointEvery: null,
      faces: null,
      pairs: null,
    });
    expect(parseExperimentArgs(['--faces', 'lfw', '--pairs', 'lfw/pairsDevTest.txt'])).toMatchObject({
      faces: 'lfw',
      pairs: 'lfw/pairsDevTest.txt',
    });
    expect(parseExperimentArgs(['--checkpoint-every', '0']).checkpointEvery).toBe(0);
    expect(parseExperimentArgs([]).seeds).toBeNull();
  });

  it('names the flag, the value and what is allowed', () => {
    expect(() => parseExperimentArgs(['--backend', 'metal'])).toThrow(
      '--backend "metal" is not allowed: expected one of wasm, cpu, webgpu',
    );
    expect(() => parseExperimentArgs(['--smooth-every', '-1'])).toThrow(
      '--smooth-every "-1" is not allowed: expected an integer ≥ 0',
    );
    expect(() => parseExperimentArgs(['--slice-every'])).toThrow('--slice-every (missing value) is not allowed');
    expect(() => parseExperimentArgs(['--fast'])).toThrow('flag "--fast" is not allowed');
    expect(() => parseExperimentArgs(['--workers', '0'])).toThrow(
      '--workers "0" is not allowed: expected an integer ≥ 1',
    );
    expect(() => parseExperimentArgs(['--set', 'imageSize'])).toThrow(
      '--set "imageSize" is not allowed: expected field=value',
    );
    // Any field name reaches configOverride.ts, which names an unknown or forbidden one.
    expect(parseExperimentArgs(['--set', '__proto__.x=1']).overrides).toEqual(['__proto__.x=1']);
    expect(() =>
      parseExperimentArgs(['--set', 'data.imageSize=24', '--set', 'optim.lr=0.1', '--set', 'data.imageSize=32']),
    ).toThrow(
      '--set "data.imageSize=32" is not allowed: expected each field once: data.imageSize is already set by --set data.imageSize=24.',
    );
    expect(() => parseExperimentArgs(['--seeds', '1,1,1'])).toThrow(
      '--seeds "1,1,1" is not allowed: expected each seed once (1 is given 3 times): a repeated seed would train the very same runs again.',
    );
    expect(() => parseExperimentArgs(['--seeds', '3,1,3,2,1'])).toThrow(
      'expected each seed once (3 is given 2 times, 1 is given 2 times)',
    );
    expect(() => parseExperimentArgs(['--out', ''])).toThrow('--out "" is not allowed: expected a directory path');
    expect(() => parseExperimentArgs(['--out', '--steps', '4'])).toThrow(
      '--out "--steps" is not allowed: expected a directory path',
    );
    expect(() => parseExperimentArgs(['--smooth-every', '5', 'x'])).toThrow('flag "x" is not allowed');
    expect(() => parseExperimentArgs(['--pairs', 'pairs.txt'])).toThrow(
      '--pairs "pairs.txt" is not allowed: expected a pairs file together with --faces DIR',
    );
    expect(() => parseExperimentArgs(['--faces'])).toThrow(
      '--faces (missing value) is not allowed: expected a directory path',
    );
  });

  it('reads --resume with only the flags that do not change the experiment', () => {
    expect(parseRunnerArgs(['--preset', 'demo'])).toMatchObject({ kind: 'new', args: { preset: 'demo' } });
    expect(parseRunnerArgs(['--workers', '2', '--resume', 'out/demo'])).toEqual({
      kind: 'resume',
      args: { dir: 'out/demo', workers: 2, backend: null, checkpointEvery: null },
      saveProbes: false,
    });
    expect(parseRunnerArgs(['--resume', 'out/demo', '--backend', 'cpu', '--checkpoint-every', '50'])).toEqual({
      kind: 'resume',
      args: { dir: 'out/demo', workers: null, backend: 'cpu', checkpointEvery: 50 },
      saveProbes: false,
    });
    for (const [flag, value] of [
      ['--steps', '5'],
      ['--set', 'optim.lr=0.01'],
      ['--methods', 'sst'],
      ['--seeds', '1,2'],
      ['--preset', 'demo'],
      ['--out', 'elsewhere'],
      ['--eval-every', '3'],
    ]) {
      expect(() => parseRunnerArgs(['--resume', 'out/demo', flag as string, value as string])).toThrow(
        `${flag} is not allowed with --resume: a resumed experiment keeps the config, seeds, methods and folder of out/demo/results.json; expected only --workers, --backend, --checkpoint-every`,
      );
    }
    expect(() => parseRunnerArgs(['--resume'])).toThrow(
      '--resume (missing value) is not allowed: expected a directory path',
    );
    expect(() => parseRunnerArgs(['--resume', 'a', '--resume', 'b'])).toThrow('--resume is given twice');
    expect(() => parseRunnerArgs(['--resume', 'a', '--workers', '0'])).toThrow(
      '--workers "0" is not allowed: expected an integer ≥ 1',
    );
    expect(() => parseRunnerArgs(['--resume', 'a', '--fast', '1'])).toThrow('flag "--fast" is not allowed');
  });

  it('reads --save-probes, the one flag without a value, anywhere, new or resumed', () => {
    expect(parseRunnerArgs(['--save-probes', '--preset', 'demo', '--steps', '5'])).toMatchObject({
      kind: 'new',
      args: { preset: 'demo', steps: 5 },
      saveProbes: true,
    });
    expect(parseRunnerArgs(['--preset', 'demo'])).toMatchObject({ saveProbes: false });
    expect(parseRunnerArgs(['--resume', 'out/demo', '--save-probes', '--workers', '2'])).toEqual({
      kind: 'resume',
      args: { dir: 'out/demo', workers: 2, backend: null, checkpointEvery: null },
      saveProbes: true,
    });
  });

  it('names the old --probe-every with its new name', () => {
    expect(() => parseExperimentArgs(['--probe-every', '5'])).toThrow(
      '--probe-every is not an option of experiment: it was renamed --smooth-every',
    );
  });
});

describe('the flags of config fields', () => {
  it('are the field table’s: each field with a flag has it, setting that field', () => {
    const withFlag = FIELDS.filter((f) => f.flag !== undefined);
    expect(withFlag.map((f) => f.flag)).toEqual([
      '--seeds',
      '--steps',
      '--eval-every',
      '--smooth-every',
      '--slice-every',
      '--methods',
    ]);
    for (const f of withFlag) {
      const flag = EXPERIMENT_COMMAND.flags[f.flag as keyof typeof EXPERIMENT_COMMAND.flags];
      // --seeds and --methods take lists of their own; the others set their field.
      expect(flag.configField, f.path).toBe(f.path === 'seed' || f.path === 'runs' ? undefined : f.path);
    }
    expect(FLAG_OF_FIELD['analysis.every']).toBe('--smooth-every');
  });
});
