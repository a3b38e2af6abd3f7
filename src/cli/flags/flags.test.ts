import { describe, expect, it } from 'vitest';
import { EXPERIMENT_COMMAND, parseExperimentArgs, parseRunnerArgs } from '../args';
import { BENCH_COMMAND, parseBenchArgs } from '../bench/args';
import { BENCH_TORCH_COMMAND } from '../benchTorchArgs';
import { EXPORT_TORCH_COMMAND, parseExportTorchArgs } from '../exportTorchArgs';
import { parseSweepArgs, SWEEP_COMMAND } from '../sweepArgs';
import { flagHelp, helpText, nearestFlag, usage } from './help';
import { parseFlags, wantsHelp } from './parse';
import type { Command } from './types';
import { intFlag, pathFlag, switchFlag } from './values';

const COMMANDS: Command[] = [
  EXPERIMENT_COMMAND,
  EXPORT_TORCH_COMMAND,
  SWEEP_COMMAND,
  BENCH_COMMAND,
  BENCH_TORCH_COMMAND,
] as Command[];

/** Help with its lines joined and spaces collapsed, so a wrapped sentence reads as one. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('--help, written from each command’s flag table', () => {
  for (const command of COMMANDS) {
    it(`npm run ${command.name} -- --help lists every flag with its meaning, what it takes and its default`, () => {
      const help = helpText(command);
      expect(flat(help)).toContain(`npm run ${command.name}: ${command.summary}`);
      expect(help).toContain(usage(command));
      for (const [name, flag] of Object.entries(command.flags)) {
        // A flag without help text fails here, not only in review.
        expect(flag.meaning.trim(), name).not.toBe('');
        expect(flag.defaultText.trim(), name).not.toBe('');
        expect(help).toContain(flagHelp(command, name));
        const entry = flat(flagHelp(command, name));
        expect(entry).toContain(`${name}${flag.kind === 'switch' ? '' : ` ${flag.metavar}`}`);
        expect(entry).toContain(flat(flag.meaning));
        expect(entry).toContain(`Default: ${flag.defaultText}.`);
        if (flag.kind !== 'switch') expect(entry).toContain(`Allowed: ${flag.allowed}.`);
        // Each flag appears in the usage line of each mode it belongs to.
        expect(usage(command), name).toContain(name);
      }
      expect(help).toContain('-h, --help');
      expect(
        help.split('\n').filter((l) => l.length > 100),
        'lines fit a terminal',
      ).toEqual([]);
    });
  }

  it('says which flags a mode refuses, and the defaults are the parsed ones', () => {
    expect(flat(flagHelp(EXPERIMENT_COMMAND, '--steps'))).toBe(
      " --steps N Training steps of every run. Allowed: an integer ≥ 1. Default: the preset's. Not with --resume.",
    );
    expect(flat(flagHelp(EXPERIMENT_COMMAND, '--workers'))).not.toContain('Not with');
    expect(flat(flagHelp(SWEEP_COMMAND, '--preset'))).toContain('Default: demo. Not with --resume, --spec.');
    expect(parseExperimentArgs([])).toMatchObject({
      preset: EXPERIMENT_COMMAND.flags['--preset'].defaultText,
      backend: EXPERIMENT_COMMAND.flags['--backend'].defaultText,
    });
    expect(parseExportTorchArgs(['--out', 'x']).referenceSteps).toBe(
      Number(EXPORT_TORCH_COMMAND.flags['--reference-steps'].defaultText),
    );
    expect(parseBenchArgs([]).chromiumMinutes).toBe(Number(BENCH_COMMAND.flags['--chromium-minutes'].defaultText));
    expect(usage(EXPERIMENT_COMMAND).split('\n')[1]).toMatch(/^ {29}\[--methods conventional,sst,masst4\]/);
    expect(flat(usage(EXPERIMENT_COMMAND))).toContain(
      'npm run experiment -- --resume DIR [--workers N] [--backend wasm|cpu|webgpu] [--checkpoint-every N] [--save-probes]',
    );
  });

  it('is asked for by --help or -h anywhere', () => {
    expect(wantsHelp(['--preset', 'demo', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['--preset', 'demo'])).toBe(false);
  });
});

describe('one parser for every command', () => {
  it('takes --flag=value as --flag value', () => {
    const spaced = [
      '--preset',
      'shallow',
      '--steps',
      '40',
      '--seeds',
      '1,2',
      '--set',
      'data.imageSize=16',
      '--set',
      'optim.milestones=0.5,0.9',
      '--backend',
      'cpu',
      '--out',
      'o',
    ];
    const joined = [
      '--preset=shallow',
      '--steps=40',
      '--seeds=1,2',
      '--set=data.imageSize=16',
      '--set=optim.milestones=0.5,0.9',
      '--backend=cpu',
      '--out=o',
    ];
    expect(parseRunnerArgs(joined)).toEqual(parseRunnerArgs(spaced));
    expect(parseRunnerArgs(['--resume=out/demo', '--workers=2'])).toEqual(
      parseRunnerArgs(['--resume', 'out/demo', '--workers', '2']),
    );
    expect(parseExportTorchArgs(['--out=x', '--methods=sst', '--reference-steps=3'])).toEqual(
      parseExportTorchArgs(['--out', 'x', '--methods', 'sst', '--reference-steps', '3']),
    );
    expect(parseSweepArgs(['--axis=gallery.alpha=0.9,0.95', '--preset=smoke'])).toEqual(
      parseSweepArgs(['--axis', 'gallery.alpha=0.9,0.95', '--preset', 'smoke']),
    );
    expect(parseBenchArgs(['--node=cpu', '--pool-steps=0'])).toEqual(
      parseBenchArgs(['--node', 'cpu', '--pool-steps', '0']),
    );
    // An empty value after = is a value, and named as one.
    expect(() => parseRunnerArgs(['--out='])).toThrow('--out "" is not allowed: expected a directory path.');
    expect(() => parseRunnerArgs(['--steps=-1'])).toThrow('--steps "-1" is not allowed: expected an integer ≥ 1.');
  });

  it('refuses a value given to a switch, and names the nearest flag to a typo', () => {
    expect(() => parseRunnerArgs(['--save-probes=yes'])).toThrow(
      '--save-probes "yes" is not allowed: expected no value: it is a switch.',
    );
    expect(() => parseRunnerArgs(['--stpes', '4'])).toThrow(
      /flag "--stpes" is not allowed: expected one of --preset, .*, --resume\. Did you mean --steps\?/,
    );
    expect(() => parseSweepArgs(['--seed', '1'])).toThrow('Did you mean --seeds?');
    expect(() => parseBenchArgs(['quick'])).toThrow(
      'flag "quick" is not allowed: expected one of --quick, --profile-only, --node, --chromium, --chromium-minutes, --pool-steps, --page-pool-steps, --sweep-steps, --threads-steps, --page-demo, --page-baseline. Did you mean --quick?',
    );
    expect(() => parseRunnerArgs(['--grid', '1'])).not.toThrow('Did you mean');
    expect(nearestFlag(['--steps', '--seeds'], '--zzz')).toBeNull();
  });

  it('appends the usage, ending in the --help line, to every error', () => {
    expect(() => parseRunnerArgs(['--steps', '0'])).toThrow(
      `--steps "0" is not allowed: expected an integer ≥ 1.\n${usage(EXPERIMENT_COMMAND)}`,
    );
    expect(usage(EXPERIMENT_COMMAND).split('\n').at(-1)).toBe(
      '       npm run experiment -- --help   (every flag with its meaning and default)',
    );
    expect(() => parseExportTorchArgs(['--out', 'x', '--workers', '2'])).toThrow(
      `--workers is not an option of export-torch: the project scales with torchrun --nproc_per_node.\n${usage(EXPORT_TORCH_COMMAND)}`,
    );
    expect(() => parseSweepArgs(['--spec', 'a.json', '--spec', 'b.json'])).toThrow(
      '--spec is given twice: expected it once (the path of a sweep spec',
    );
  });

  it('keeps the bench’s messages: lists, minutes, steps', () => {
    expect(parseBenchArgs(['--quick', '--node', 'wasm,wasm,cpu', '--chromium', 'none'])).toEqual({
      quick: true,
      profileOnly: false,
      poolSteps: null,
      pagePoolSteps: null,
      sweepSteps: null,
      threadsSteps: null,
      pageDemo: 0,
      pageBaseline: null,
      node: ['wasm', 'cpu'],
      chromium: [],
      chromiumMinutes: 20,
    });
    expect(parseBenchArgs([]).chromium).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(parseBenchArgs(['--profile-only']).profileOnly).toBe(true);
    expect(parseBenchArgs(['--page-demo', '2']).pageDemo).toBe(2);
    expect(() => parseBenchArgs(['--page-demo', '-1'])).toThrow(
      '--page-demo "-1" is not allowed: expected an integer ≥ 0 (0: the full bench instead).',
    );
    expect(() => parseBenchArgs(['--node', 'metal'])).toThrow(
      '--node "metal" is not allowed: expected a comma-separated list of wasm, cpu, webgpu, or none.',
    );
    expect(() => parseBenchArgs(['--chromium-minutes', '0'])).toThrow(
      '--chromium-minutes "0" is not allowed: expected a number of minutes > 0.',
    );
    expect(() => parseBenchArgs(['--pool-steps', 'x'])).toThrow(
      '--pool-steps "x" is not allowed: expected an integer ≥ 0 (0 skips that measurement).',
    );
  });

  it('refuses a missing required flag and a flag of a mode not chosen, by the table alone', () => {
    const flags = {
      '--out': pathFlag({
        meaning: 'Where.',
        metavar: 'DIR',
        allowed: 'a folder',
        default: '',
        required: true,
        modes: ['make'],
      }),
      '--fast': switchFlag({ meaning: 'Faster.', modes: ['make', 'again'] }),
      '--keep': intFlag({ meaning: 'How many.', min: 1, default: 3, modes: ['again'] }),
      '--again': pathFlag({ meaning: 'Again.', metavar: 'DIR', allowed: 'a folder', default: null, modes: ['again'] }),
    };
    const toy: Command<typeof flags> = {
      name: 'toy',
      summary: 'a test.',
      flags,
      modes: ['make', { name: 'again', flag: '--again', refusal: (f, d) => `${f} is not allowed with --again ${d}.` }],
    };
    expect(parseFlags(toy, ['--out=o', '--fast'])).toEqual({
      mode: 'make',
      values: { '--out': 'o', '--fast': true, '--keep': 3, '--again': null },
      given: ['--out', '--fast'],
    });
    expect(parseFlags(toy, ['--again', 'd', '--keep=5']).values).toMatchObject({ '--again': 'd', '--keep': 5 });
    expect(() => parseFlags(toy, ['--fast'])).toThrow(
      '--out (missing value) is not allowed: expected a folder.\nUsage: npm run toy -- --out DIR [--fast]\n       npm run toy -- --again DIR [--fast] [--keep N]\n',
    );
    expect(() => parseFlags(toy, ['--out', 'o', '--keep', '2'])).toThrow('--keep is not allowed without --again.');
    expect(() => parseFlags(toy, ['--again', 'd', '--out', 'o'])).toThrow('--out is not allowed with --again d.');
  });
});
