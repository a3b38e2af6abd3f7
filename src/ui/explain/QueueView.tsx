/**
 * The prototype queue of the shown run: one cell per slot, coloured by age (steps since written,
 * darker = fresher) or by the agent that wrote it, the write pointer, occupancy, distinct IDs and
 * how many batch identities were found already in the queue (the sampler keeps that at 0).
 */
import { useState } from 'react';
import type { QueueSnapshot } from '../../core/analysis/queueView';
import { summarizeQueue } from '../../core/analysis/queueView';
import { maxOf } from '../../core/stats/extremes';

const AGENT_COLORS = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];
const COLS = 32;
const CELL = 12;

interface Props {
  queues: QueueSnapshot[];
  collisions: number;
  agents: number;
  perAgent: boolean;
}

function ageColor(age: number, maxAge: number): string {
  if (age < 0) return '#e9ecef';
  const t = maxAge > 0 ? age / maxAge : 0;
  return `hsl(210, 70%, ${Math.round(30 + 55 * t)}%)`;
}

export function QueueView({ queues, collisions, agents, perAgent }: Props) {
  const [by, setBy] = useState<'age' | 'agent'>('age');
  return (
    <figure className="queue-view" aria-label="Queue">
      <div className="toggle" role="radiogroup" aria-label="Colour slots by">
        Colour by{' '}
        {(['age', 'agent'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="queue-colour" checked={by === v} onChange={() => setBy(v)} /> {v}
          </label>
        ))}
      </div>
      {queues.map((q, qi) => {
        const s = summarizeQueue(q);
        const maxAge = maxOf(s.ages, 0);
        const rows = Math.ceil(q.slotIds.length / COLS);
        return (
          <div key={qi}>
            {perAgent && <h4>Agent {qi + 1}’s queue</h4>}
            <svg
              viewBox={`0 0 ${COLS * CELL} ${rows * CELL}`}
              width={COLS * CELL}
              height={rows * CELL}
              role="img"
              aria-label={`${q.slotIds.length} slots, ${s.occupied} written, ${s.distinctIds} distinct identities, write pointer at slot ${q.pointer}`}
            >
              {Array.from(q.slotIds, (_, i) => {
                const age = s.ages[i] as number;
                const writer = q.writer[i] as number;
                const fill =
                  by === 'age'
                    ? ageColor(age, maxAge)
                    : writer < 0
                      ? '#e9ecef'
                      : (AGENT_COLORS[writer % AGENT_COLORS.length] as string);
                return (
                  <rect
                    key={i}
                    x={(i % COLS) * CELL}
                    y={Math.floor(i / COLS) * CELL}
                    width={CELL - 1}
                    height={CELL - 1}
                    fill={fill}
                  >
                    <title>{`slot ${i}: ${age < 0 ? 'random start' : `ID ${q.slotIds[i]}, written ${age} step(s) ago by agent ${writer + 1}`}`}</title>
                  </rect>
                );
              })}
              <rect
                className="queue-pointer"
                x={(q.pointer % COLS) * CELL - 1}
                y={Math.floor(q.pointer / COLS) * CELL - 1}
                width={CELL + 1}
                height={CELL + 1}
              />
            </svg>
            <figcaption className="caption">
              Step {q.step}: {s.occupied} of {q.slotIds.length} slots written, {s.distinctIds} distinct identities,
              write pointer at slot {q.pointer}
              {by === 'age'
                ? ` (darkest: just written; palest: ${maxAge} steps old)`
                : agents > 1
                  ? ' (one colour per agent)'
                  : ''}
              .
            </figcaption>
          </div>
        );
      })}
      <p className="caption">
        Batch identities already in the queue when scored: <strong>{collisions}</strong> (the sampler leaves queued
        identities out of the next epoch, so this stays 0: no sample is ever its own negative).
      </p>
    </figure>
  );
}
