/**
 * The method drawn (SVG): for SST/MASST the two views x1, x2 of a batch, the probe, the stack of K
 * gallery agents with the active one lit (k = t mod K), the prototype queue as a ring of slots
 * with its write pointer, the margin logits, the two loss terms, the gradient into the probe only,
 * the EMA back to the agent(s) and the enqueue; for Conventional the probe, the FC classifier over
 * the training identities and its loss. During a slow step the stage shown is lit and carries
 * aria-current="step". It follows the run through props (the store's ~4 updates a second).
 */
import type { ReactNode } from 'react';
import type { Stage } from '../../core/train/trace';

export interface OverviewProps {
  method: 'conventional' | 'sst' | 'masst';
  agents: number;
  /** The agent of the next step (t mod K). */
  activeAgent: number;
  agentUpdate: 'active' | 'all';
  queueSize: number;
  batchSize: number;
  /** Write pointer of the active agent's queue. */
  pointer: number;
  trainIds: number;
  step: number;
  loss: number | null;
  /** Thumbnails of two views of one identity (data URLs), or null before the dataset arrives. */
  views: [string, string] | null;
  /** The stage of a slow step being shown, or null. */
  stage: Stage | null;
}

/** A part of the drawing that one or more stages light up. */
function Part({
  stages,
  stage,
  label,
  children,
}: {
  stages: Stage[];
  stage: Stage | null;
  label: string;
  children: ReactNode;
}) {
  const lit = stage !== null && stages.includes(stage);
  return (
    <g className={lit ? 'part lit' : 'part'} aria-label={label} aria-current={lit ? 'step' : undefined} role="group">
      {children}
    </g>
  );
}

const box = (x: number, y: number, w: number, h: number, text: string, sub?: string) => (
  <>
    <rect x={x} y={y} width={w} height={h} rx={6} />
    <text x={x + w / 2} y={y + (sub ? h / 2 - 3 : h / 2 + 4)} textAnchor="middle">
      {text}
    </text>
    {sub && (
      <text x={x + w / 2} y={y + h / 2 + 12} textAnchor="middle" className="sub">
        {sub}
      </text>
    )}
  </>
);

const arrow = (d: string, cls = '') => <path d={d} className={`arrow ${cls}`} markerEnd="url(#arrowhead)" />;

const RING_SEGMENTS = 48;

/** The queue as a ring of min(Q, 48) segments, each Q/48 slots; the pointer's segment marked. */
function QueueRing({
  cx,
  cy,
  r,
  size,
  batch,
  pointer,
}: {
  cx: number;
  cy: number;
  r: number;
  size: number;
  batch: number;
  pointer: number;
}) {
  const n = Math.min(size, RING_SEGMENTS);
  const per = size / n;
  const segs = [];
  for (let i = 0; i < n; i++) {
    const a0 = (2 * Math.PI * i) / n - Math.PI / 2;
    const a1 = (2 * Math.PI * (i + 0.85)) / n - Math.PI / 2;
    const slot = i * per;
    const next = slot >= pointer && slot < pointer + batch;
    segs.push(
      <path
        key={i}
        className={next ? 'slot next' : 'slot'}
        d={`M ${cx + r * Math.cos(a0)} ${cy + r * Math.sin(a0)} A ${r} ${r} 0 0 1 ${cx + r * Math.cos(a1)} ${cy + r * Math.sin(a1)}`}
      />,
    );
  }
  const pa = 2 * Math.PI * (pointer / size) - Math.PI / 2;
  return (
    <>
      {segs}
      <line className="pointer" x1={cx} y1={cy} x2={cx + (r - 6) * Math.cos(pa)} y2={cy + (r - 6) * Math.sin(pa)} />
      <text x={cx} y={cy + 4} textAnchor="middle" className="sub">
        Q = {size}
      </text>
    </>
  );
}

export function ModelOverview(p: OverviewProps) {
  const thumbs = p.views && (
    <>
      <image href={p.views[0]} x={10} y={30} width={44} height={44} />
      <image href={p.views[1]} x={10} y={136} width={44} height={44} />
    </>
  );
  const lossText = p.loss === null ? '' : `loss ${p.loss.toFixed(3)}`;
  return (
    <figure className="overview" aria-label="Model overview">
      <svg viewBox="0 0 760 250" role="img" aria-label={describe(p)}>
        <defs>
          <marker
            id="arrowhead"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        <text x={10} y={20} className="sub">
          x1
        </text>
        <text x={10} y={126} className="sub">
          x2
        </text>
        {thumbs}
        {p.method === 'conventional' ? <Conventional {...p} /> : <SemiSiamese {...p} />}
        <text x={750} y={242} textAnchor="end" className="sub">
          step {p.step}
          {lossText ? ` · ${lossText}` : ''}
        </text>
      </svg>
    </figure>
  );
}

function SemiSiamese(p: OverviewProps) {
  const k = p.agents;
  const h = Math.min(24, 150 / k);
  const agentsTop = 125 - (k * (h + 4)) / 2;
  return (
    <>
      <Part stages={['probe']} stage={p.stage} label="Probe: both views through the probe net">
        {arrow('M 58 52 L 110 52')}
        {arrow('M 58 158 L 110 80')}
        {box(112, 30, 110, 60, 'Probe θP', 'trained by SGD')}
      </Part>
      <Part
        stages={['gallery']}
        stage={p.stage}
        label={`Gallery agents: ${k} of them, agent ${p.activeAgent + 1} active`}
      >
        {arrow('M 58 62 L 110 150')}
        {arrow('M 58 166 L 110 166')}
        {Array.from({ length: k }, (_, i) => (
          <g key={i} className={i === p.activeAgent ? 'agent active' : 'agent'}>
            <rect x={112} y={agentsTop + 100 + i * (h + 4) - 30} width={110} height={h} rx={4} />
            <text x={167} y={agentsTop + 100 + i * (h + 4) - 30 + h / 2 + 4} textAnchor="middle">
              {k === 1 ? 'Gallery θG' : `Agent ${i + 1}`}
            </text>
          </g>
        ))}
      </Part>
      <Part
        stages={['queue', 'enqueue']}
        stage={p.stage}
        label={`Prototype queue: ${p.queueSize} slots, write pointer at ${p.pointer}`}
      >
        <QueueRing cx={330} cy={170} r={48} size={p.queueSize} batch={p.batchSize} pointer={p.pointer} />
      </Part>
      <Part stages={['enqueue']} stage={p.stage} label="Enqueue: the batch's gallery features replace the oldest slots">
        {arrow('M 224 175 L 278 175', 'enqueue')}
        <text x={250} y={198} textAnchor="middle" className="sub">
          enqueue
        </text>
      </Part>
      <Part stages={['logits']} stage={p.stage} label="Cosine logits with the margin on the own-identity column">
        {arrow('M 224 60 L 420 60')}
        {arrow('M 378 160 L 420 80')}
        {box(422, 36, 120, 56, 'cos + margin', 'own ID vs queue')}
      </Part>
      <Part stages={['loss']} stage={p.stage} label="Loss: the two cross-entropy terms">
        {arrow('M 544 64 L 580 64')}
        {box(582, 36, 120, 56, '½(CE₁ + CE₂)', 'view 1 / view 2')}
      </Part>
      <Part stages={['gradient']} stage={p.stage} label="Gradient into the probe only">
        <path className="arrow grad" d="M 640 34 C 620 6, 200 6, 170 28" markerEnd="url(#arrowhead)" />
        <text x={420} y={14} textAnchor="middle" className="sub">
          ∇ to the probe only (agents and queue: no gradient)
        </text>
      </Part>
      <Part
        stages={['ema']}
        stage={p.stage}
        label={
          p.agentUpdate === 'all' ? 'EMA of every agent towards the probe' : 'EMA of the active agent towards the probe'
        }
      >
        <path className="arrow ema" d="M 100 80 C 80 100, 80 110, 108 125" markerEnd="url(#arrowhead)" />
        <text x={70} y={108} textAnchor="end" className="sub">
          EMA {p.agentUpdate === 'all' ? '(all)' : ''}
        </text>
      </Part>
    </>
  );
}

function Conventional(p: OverviewProps) {
  return (
    <>
      <Part stages={['probe']} stage={p.stage} label="Probe: both views through the probe net">
        {arrow('M 58 52 L 110 80')}
        {arrow('M 58 158 L 110 110')}
        {box(112, 65, 120, 60, 'Probe θP', 'trained by SGD')}
      </Part>
      <Part
        stages={['logits']}
        stage={p.stage}
        label={`FC classifier over ${p.trainIds} training identities, margin on the own class`}
      >
        {arrow('M 234 95 L 300 95')}
        {box(302, 65, 150, 60, `FC: ${p.trainIds} classes`, 'cos + margin')}
      </Part>
      <Part stages={['loss']} stage={p.stage} label="Loss: cross-entropy, averaged over the views">
        {arrow('M 454 95 L 500 95')}
        {box(502, 65, 120, 60, '½(CE₁ + CE₂)')}
      </Part>
      <Part stages={['gradient']} stage={p.stage} label="Gradient into the probe and the classifier">
        <path className="arrow grad" d="M 560 62 C 540 20, 200 20, 172 62" markerEnd="url(#arrowhead)" />
        <text x={370} y={30} textAnchor="middle" className="sub">
          ∇ to the probe and every class column
        </text>
      </Part>
    </>
  );
}

/** The drawing in words, for screen readers. */
function describe(p: OverviewProps): string {
  if (p.method === 'conventional')
    return `Conventional training: probe, then an FC classifier over ${p.trainIds} training identities with a margin loss; step ${p.step}.`;
  const agents =
    p.agents === 1
      ? 'one gallery net (SST)'
      : `${p.agents} gallery agents, agent ${p.activeAgent + 1} active this step`;
  return `Semi-siamese training: probe and ${agents}; a queue of ${p.queueSize} slots with its write pointer at ${p.pointer}; step ${p.step}.`;
}
