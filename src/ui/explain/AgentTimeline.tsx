/**
 * MASST's agents over the last steps: one lane per agent, a filled cell where it was paired with
 * the probe (k = t mod K) and a dot where it got the EMA (the active one, or every started one
 * with agentUpdate 'all'). Computed from the config and the step (core/analysis/queueView.ts).
 */
import type { MasstConfig } from '../../core/config';
import { agentTimeline } from '../../core/analysis/queueView';

export const TIMELINE_STEPS = 24;
const CELL = 16;

interface Props {
  masst: Pick<MasstConfig, 'agentUpdate' | 'agentInit'>;
  agents: number;
  step: number;
}

export function AgentTimeline({ masst, agents, step }: Props) {
  const from = Math.max(1, step - TIMELINE_STEPS + 1);
  const steps = agentTimeline(masst, agents, from, Math.max(step, 1));
  const w = 70 + TIMELINE_STEPS * CELL;
  return (
    <figure className="agent-timeline" aria-label="Agent timeline">
      <svg
        viewBox={`0 0 ${w} ${agents * CELL + 20}`}
        width={w}
        height={agents * CELL + 20}
        role="img"
        aria-label={`Steps ${from} to ${step}: agent k is paired with the probe at steps where t mod ${agents} = k; EMA ${masst.agentUpdate === 'all' ? 'of every started agent each step' : 'of the active agent only'}.`}
      >
        {Array.from({ length: agents }, (_, k) => (
          <text key={k} x={0} y={k * CELL + 12} className="sub">
            Agent {k + 1}
          </text>
        ))}
        {step > 0 &&
          steps.map((s, i) => (
            <g key={s.step}>
              <rect
                x={70 + i * CELL}
                y={s.active * CELL + 1}
                width={CELL - 2}
                height={CELL - 2}
                className="active-cell"
              >
                <title>{`step ${s.step}: agent ${s.active + 1} paired with the probe`}</title>
              </rect>
              {s.ema.map((k) => (
                <circle
                  key={k}
                  cx={70 + i * CELL + CELL / 2 - 1}
                  cy={k * CELL + CELL / 2}
                  r={2.5}
                  className="ema-dot"
                />
              ))}
            </g>
          ))}
        <text x={70} y={agents * CELL + 14} className="sub">
          step {from}
        </text>
        <text x={w - 2} y={agents * CELL + 14} textAnchor="end" className="sub">
          step {step}
        </text>
      </svg>
      <figcaption className="caption">
        Filled: the agent paired with the probe that step. Dot: the agent got the EMA of the probe’s weights.
      </figcaption>
    </figure>
  );
}
