/**
 * Values of the flags the runner and export-torch share (--preset, --steps, --seeds, --methods,
 * the intervals), read one way for both. `fail` is the caller's: it names the flag, the value and
 * what is allowed, followed by that command's usage.
 */
import type { RunSpec } from '../core/config';
import type { PresetName } from '../core/presets';
import { isPresetName, PRESET_NAMES } from '../core/presets';
import { decodeRuns } from '../core/urlCodec';

export type Fail = (flag: string, value: string | undefined, allowed: string) => never;

export function intValue(flag: string, value: string | undefined, min: number, fail: Fail): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min) fail(flag, value, `an integer ≥ ${min}`);
  return Number(value);
}

export function presetValue(flag: string, value: string | undefined, fail: Fail): PresetName {
  if (value === undefined || !isPresetName(value)) fail(flag, value, `one of ${PRESET_NAMES.join(', ')}`);
  return value;
}

/** A comma list of distinct seeds (order kept); a repeated seed is refused, naming it, not dropped. */
export function seedsValue(flag: string, value: string | undefined, fail: Fail): number[] {
  if (value === undefined || !/^\d+(,\d+)*$/.test(value)) fail(flag, value, 'a comma-separated list of integers ≥ 0, e.g. 1,2,3');
  const seeds = value.split(',').map(Number);
  if (seeds.some((s) => s > 0xffffffff)) fail(flag, value, 'seeds from 0 to 4294967295');
  const times = new Map<number, number>();
  for (const s of seeds) times.set(s, (times.get(s) ?? 0) + 1);
  const repeated = [...times].filter(([, n]) => n > 1).map(([s, n]) => `${s} is given ${n} times`);
  if (repeated.length > 0) fail(flag, value, `each seed once (${repeated.join(', ')}): a repeated seed would train the very same runs again`);
  return seeds;
}

/**
 * One `--set field=value`, after the `earlier` ones: any field name is let through (configOverride.ts
 * names an unknown or forbidden one, `__proto__.x` included); a field set twice is refused, naming
 * both, since only the last would silently count.
 */
export function setValue(flag: string, value: string | undefined, earlier: readonly string[], fail: Fail): string {
  if (value === undefined || !/^[^=\s]+=/.test(value)) fail(flag, value, 'field=value, e.g. --set data.imageSize=24');
  const field = (v: string): string => v.slice(0, v.indexOf('='));
  const before = earlier.find((o) => field(o) === field(value));
  if (before !== undefined) fail(flag, value, `each field once: ${field(value)} is already set by ${flag} ${before}`);
  return value;
}

export function methodsValue(flag: string, value: string | undefined, fail: Fail): RunSpec[] {
  const runs = value === undefined ? null : decodeRuns(value);
  if (runs === null) fail(flag, value, 'a comma-separated list of conventional, sst, masstK (K from 1 to 8)');
  return runs;
}
