/**
 * The stack of K gallery agents of MASST (docs/method.md §5). At step t the agent k = t mod K forms
 * the SST pair with the probe. K = 1 with the defaults is SST exactly.
 * Open choices of the paper, each configurable (MasstConfig):
 * - agentUpdate 'active': only the agent used this step gets the EMA (its horizon is ~K/(1−α)
 *   steps); 'all': every initialised agent gets it each step.
 * - agentAlpha 'shared' α; 'perAgent' α_k; 'horizonMatched' α^K with 'active' updates, so an agent
 *   averaged every K steps keeps SST's horizon of 1/(1−α) steps (with 'all' it is α).
 * - agentInit 'copyProbe': all agents copy the initial probe; 'staggered': agent k copies the
 *   probe just before its first turn (after k steps), so the agents start apart.
 */
import type { MasstConfig } from '../config';
import { emaUpdate } from '../model/ema';
import type { Net } from '../model/net';
import type { NetState } from './checkpoint';

export class AgentStack {
  readonly agents: Net[];
  readonly alphas: number[];
  private readonly started: boolean[];

  constructor(
    probe: Net,
    readonly count: number,
    private readonly masst: MasstConfig,
    baseAlpha: number,
  ) {
    this.agents = Array.from({ length: count }, () => probe.clone(false));
    this.alphas = Array.from({ length: count }, (_, k) => agentAlpha(masst, baseAlpha, count, k));
    this.started = Array.from({ length: count }, (_, k) => masst.agentInit === 'copyProbe' || k === 0);
  }

  /** Index of the agent paired with the probe at 0-based step t. */
  activeIndex(t: number): number {
    return t % this.count;
  }

  /** Before step t: a staggered agent takes its copy of the probe at its first turn. */
  prepare(t: number, probe: Net): Net {
    const k = this.activeIndex(t);
    const agent = this.agents[k] as Net;
    if (!this.started[k]) {
      agent.copyWeightsFrom(probe);
      this.started[k] = true;
    }
    return agent;
  }

  /** The agents that step t's EMA updates: the active one, or every started one ('all'). */
  updatedAt(t: number): number[] {
    const active = this.activeIndex(t);
    return this.agents
      .map((_, k) => k)
      .filter((k) => (this.masst.agentUpdate === 'all' ? this.started[k] === true || k === active : k === active));
  }

  /** After the optimizer step t: the EMA of the agents that this step updates. */
  update(t: number, probe: Net): void {
    for (const k of this.updatedAt(t)) emaUpdate(this.agents[k] as Net, probe, this.alphas[k] as number);
  }

  async save(): Promise<{ agents: NetState[]; started: boolean[] }> {
    return { agents: await Promise.all(this.agents.map((a) => a.snapshot())), started: [...this.started] };
  }

  load(agents: readonly NetState[], started: readonly boolean[]): void {
    if (agents.length !== this.count || started.length !== this.count) {
      throw new Error(`checkpoint: ${agents.length} agents, the run has K = ${this.count}`);
    }
    agents.forEach((a, k) => (this.agents[k] as Net).load(a, `agent ${k}`));
    started.forEach((s, k) => (this.started[k] = s));
  }

  dispose(): void {
    for (const a of this.agents) a.dispose();
  }
}

export function agentAlpha(masst: MasstConfig, alpha: number, count: number, k: number): number {
  switch (masst.agentAlpha) {
    case 'shared':
      return alpha;
    case 'perAgent': {
      const a = masst.agentAlphas[k];
      if (a === undefined) throw new Error(`masst.agentAlphas has no entry for agent ${k} (K = ${count})`);
      return a;
    }
    case 'horizonMatched':
      return masst.agentUpdate === 'active' ? alpha ** count : alpha;
  }
}
