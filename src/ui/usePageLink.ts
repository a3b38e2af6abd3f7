/**
 * The page's link: everything a reload or a shared link must bring back (the form, the seeds, the
 * pool size, teacher mode, the checkpoint interval, hidden chart series, the sweep), encoded as
 * one query and written to the address as it changes. A query too long for servers is never
 * written: the address keeps the last link that loads, and the check's message is returned.
 */
import { useEffect, useMemo } from 'react';
import type { ExperimentConfig } from '../core/config';
import type { BackendChoice } from '../core/backends';
import type { PresetName } from '../core/presets';
import type { Teacher } from '../core/teacher';
import type { HiddenSeries } from '../core/hiddenSeries';
import type { PageSweepSetup } from '../core/sweep/sweepQuery';
import type { QueryCheck } from '../core/urlLength';
import { encodeConfig } from '../core/urlCodec';
import { encodePageParams } from '../core/seeds';
import { encodeCheckpointEvery } from '../core/checkpointEvery';
import { encodeHiddenSeries } from '../core/hiddenSeries';
import { encodeSweepQuery } from '../core/sweep/sweepQuery';
import { checkQuery } from '../core/urlLength';

export interface LinkParts {
  preset: PresetName;
  config: ExperimentConfig;
  backend: BackendChoice;
  seeds: readonly number[];
  workers: number | null;
  teacher: Teacher;
  checkpointEvery: number;
  hiddenSeries: HiddenSeries;
  sweep: PageSweepSetup;
}

export function usePageLink(parts: LinkParts): QueryCheck {
  const { preset, config, backend, seeds, workers, teacher, checkpointEvery, hiddenSeries, sweep } = parts;
  const link = useMemo(() => {
    const next = encodeConfig(preset, config, backend);
    encodePageParams(next, preset, config.seed, seeds, workers, teacher);
    encodeCheckpointEvery(next, checkpointEvery);
    encodeHiddenSeries(next, hiddenSeries);
    encodeSweepQuery(next, sweep);
    return checkQuery(next);
  }, [preset, config, seeds, workers, backend, teacher, checkpointEvery, hiddenSeries, sweep]);
  useEffect(() => {
    if (link.ok) window.history.replaceState(null, '', `?${link.query}`);
  }, [link]);
  return link;
}
