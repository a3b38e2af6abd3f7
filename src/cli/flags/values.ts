/**
 * The kinds of flag value the commands share (integers, presets, seeds, methods, `--set`, paths,
 * one of a list), each a constructor of a table entry whose `allowed` text is the one its errors
 * give. Every bad value throws a FlagError naming the flag, the value and what is allowed; the
 * parser adds the command's usage.
 */
import type { RunSpec } from '../../core/config';
import type { PresetName } from '../../core/presets';
import { isPresetName, PRESET_NAMES } from '../../core/presets';
import { decodeRuns } from '../../core/urlCodec';
import { RUNS_ALLOWED } from '../../core/fields/pageFields';
import { parseSeedList, SEEDS_RULE } from '../../core/seedList';
import type { ListFlag, SwitchFlag, ValueFlag } from './types';

/** A bad command line; parse.ts appends the command's usage to the message. */
export class FlagError extends Error {
  override name = 'FlagError';
}

export function bad(flag: string, value: string | undefined, allowed: string): never {
  throw new FlagError(
    `${flag} ${value === undefined ? '(missing value)' : `"${value}"`} is not allowed: expected ${allowed}.`,
  );
}

/** What every table entry states besides its kind and reader. */
interface Info {
  meaning: string;
  defaultText?: string;
  modes?: readonly string[];
  configField?: string;
  required?: boolean;
}

/** A value flag from its reader; `allowed` is what its errors and --help say it accepts. */
export function valueFlag<T>(
  info: Info & { metavar: string; allowed: string; default: T },
  read: (value: string | undefined, flag: string, allowed: string) => T,
): ValueFlag<T> {
  return {
    kind: 'value',
    defaultText: String(info.default),
    ...info,
    read: (value, flag) => read(value, flag, info.allowed),
  };
}

export function switchFlag(info: Info): SwitchFlag {
  return { kind: 'switch', defaultText: 'off', ...info };
}

export function intFlag<D extends number | null>(
  info: Info & { metavar?: string; min: number; default: D; allowed?: string },
): ValueFlag<number | D> {
  const allowed = info.allowed ?? `an integer ≥ ${info.min}`;
  return valueFlag<number | D>({ metavar: 'N', ...info, allowed }, (value, flag) => {
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < info.min) bad(flag, value, allowed);
    return Number(value);
  });
}

/** A path: not empty and not a flag (`--out --steps 4` is a forgotten value, not a folder named --steps). */
export function pathFlag<D extends string | null>(
  info: Info & { metavar: string; allowed: string; default: D },
): ValueFlag<string | D> {
  return valueFlag<string | D>(info, (value, flag, allowed) => {
    if (value === undefined || value === '' || value.startsWith('--')) bad(flag, value, allowed);
    return value;
  });
}

export function oneOfFlag<T extends string>(
  info: Info & { metavar?: string; choices: readonly T[]; default: T },
): ValueFlag<T> {
  return valueFlag(
    { metavar: info.choices.join('|'), allowed: `one of ${info.choices.join(', ')}`, ...info },
    (value, flag, allowed) => {
      if (value === undefined || !(info.choices as readonly string[]).includes(value)) bad(flag, value, allowed);
      return value as T;
    },
  );
}

export function presetFlag(info: Info & { default: PresetName }): ValueFlag<PresetName> {
  return valueFlag(
    { metavar: 'NAME', allowed: `one of ${PRESET_NAMES.join(', ')}`, ...info },
    (value, flag, allowed) => {
      if (value === undefined || !isPresetName(value)) bad(flag, value, allowed);
      return value;
    },
  );
}

/** A comma list of distinct seeds (order kept), by the seeds rule the page's URL shares (core/seedList.ts). */
export function seedsFlag(info: Info): ValueFlag<number[] | null> {
  return valueFlag(
    {
      metavar: '1,2,3',
      allowed: `a comma-separated list of ${SEEDS_RULE}, e.g. 1,2,3`,
      default: null,
      defaultText: "the preset's",
      ...info,
    },
    (value, flag, allowed) => {
      if (value === undefined) bad(flag, value, allowed);
      const list = parseSeedList(value);
      if (list.seeds === null) bad(flag, value, list.why);
      return list.seeds;
    },
  );
}

export function methodsFlag(info: Info & { metavar?: string }): ValueFlag<RunSpec[] | null> {
  return valueFlag(
    { metavar: 'conventional,sst,masst4', allowed: RUNS_ALLOWED, default: null, defaultText: "the preset's", ...info },
    (value, flag, allowed) => {
      const runs = value === undefined ? null : decodeRuns(value);
      if (runs === null) bad(flag, value, allowed);
      return runs;
    },
  );
}

/**
 * `--set field=value`, repeatable: any field name is let through (configOverride.ts names an
 * unknown or forbidden one, `__proto__.x` included); a field set twice is refused, naming both,
 * since only the last would silently count.
 */
export function setFlag(info: Info & { example: string }): ListFlag<string> {
  const { example, ...rest } = info;
  const allowed = `field=value, e.g. --set ${example}`;
  return {
    kind: 'list',
    metavar: 'field=value',
    allowed,
    defaultText: 'none',
    ...rest,
    read(value, flag, earlier) {
      if (value === undefined || !/^[^=\s]+=/.test(value)) bad(flag, value, allowed);
      const field = (v: string): string => v.slice(0, v.indexOf('='));
      const before = earlier.find((o) => field(o) === field(value));
      if (before !== undefined)
        bad(flag, value, `each field once: ${field(value)} is already set by ${flag} ${before}`);
      return value;
    },
  };
}

/** A comma list of names from `choices` (repeats dropped), or `none` for the empty list. */
export function namesFlag<T extends string>(
  info: Info & { choices: readonly T[]; default: T[] | null },
): ValueFlag<T[] | null> {
  const allowed = `a comma-separated list of ${info.choices.join(', ')}, or none`;
  return valueFlag({ metavar: `${info.choices.join(',')}|none`, allowed, ...info }, (value, flag) => {
    if (value === 'none') return [];
    const items = (value ?? '').split(',');
    if (value === undefined || items.some((b) => !(info.choices as readonly string[]).includes(b)))
      bad(flag, value, allowed);
    return [...new Set(items)] as T[];
  });
}
