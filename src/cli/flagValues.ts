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

/** A comma list of seeds, repeats dropped (order kept). */
export function seedsValue(flag: string, value: string | undefined, fail: Fail): number[] {
  if (value === undefined || !/^\d+(,\d+)*$/.test(value)) fail(flag, value, 'a comma-separated list of integers ≥ 0, e.g. 1,2,3');
  const seeds = [...new Set(value.split(',').map(Number))];
  if (seeds.some((s) => s > 0xffffffff)) fail(flag, value, 'seeds from 0 to 4294967295');
  return seeds;
}

export function methodsValue(flag: string, value: string | undefined, fail: Fail): RunSpec[] {
  const runs = value === undefined ? null : decodeRuns(value);
  if (runs === null) fail(flag, value, 'a comma-separated list of conventional, sst, masstK (K from 1 to 8)');
  return runs;
}
