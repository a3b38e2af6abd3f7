/**
 * What the queue view and the agent timeline show, computed from a run's state on the host:
 * per slot its age (steps since written) and writer agent, the write pointer, occupancy, the
 * distinct identities held, and how many batch identities were found already in the queue (the
 * sampler's exclusion keeps that at 0); per agent, when it was paired with the probe and when it
 * got the EMA.
 */
import type { MasstConfig } from '../config';
import { EMPTY_SLOT } from '../train/queue';

/** One queue of a run, as posted to the page after a step. */
export interface QueueSnapshot {
  /** Steps taken when the snapshot was made. */
  step: number;
  pointer: number;
  /** [Q] each: identity (−1 empty), 1-based step written (0 never), agent that wrote it (−1 never). */
  slotIds: Int32Array;
  writtenAt: Int32Array;
  writer: Int8Array;
}

export interface QueueSummary {
  /** Steps since each slot was written, [Q]; −1 for a slot still holding its random start. */
  ages: Int32Array;
  /** Slots written at least once, in [0, Q]. */
  occupied: number;
  distinctIds: number;
}

export function summarizeQueue(q: QueueSnapshot): QueueSummary {
  const ages = new Int32Array(q.slotIds.length);
  const ids = new Set<number>();
  let occupied = 0;
  q.slotIds.forEach((id, i) => {
    if (id === EMPTY_SLOT) {
      ages[i] = -1;
      return;
    }
    occupied += 1;
    ids.add(id);
    ages[i] = q.step - (q.writtenAt[i] as number);
  });
  return { ages, occupied, distinctIds: ids.size };
}

export interface TimelineStep {
  /** 1-based step. */
  step: number;
  /** The agent paired with the probe (k = (step − 1) mod K). */
  active: number;
  /** Agents whose weights got the EMA after this step. */
  ema: number[];
}

/**
 * Steps from..to (1-based, inclusive) of a run with K agents: the active agent rotates t mod K;
 * 'active' updates average it alone, 'all' every agent that has started (with staggered init,
 * agent k starts at its first turn, step k + 1).
 */
export function agentTimeline(
  masst: Pick<MasstConfig, 'agentUpdate' | 'agentInit'>,
  agents: number,
  from: number,
  to: number,
): TimelineStep[] {
  const out: TimelineStep[] = [];
  for (let step = Math.max(1, from); step <= to; step++) {
    const active = (step - 1) % agents;
    const started = (k: number) => masst.agentInit === 'copyProbe' || k + 1 <= step;
    const ema = masst.agentUpdate === 'active' ? [active] : Array.from({ length: agents }, (_, k) => k).filter(started);
    out.push({ step, active, ema });
  }
  return out;
}
