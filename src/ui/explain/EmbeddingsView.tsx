/**
 * Held-out identities in the probe's embedding space, one panel per method (the first seed): the
 * two images of each identity joined by a line, projected on the points' own first two principal
 * components at the latest evaluation. As training goes, the pairs pull together. A probe brought
 * in with "Import probe" adds a ghost panel (dashed and fainter, as the ghost lines of the charts):
 * the same identities of the same seed, embedded by that probe.
 */
import type { EmbeddingView } from '../../core/analysis/embeddingView';
import { maxOf } from '../../core/stats/extremes';
import { GHOST_DASH, GHOST_OPACITY } from '../import/ghostLines';

const SIZE = 180;
const PAD = 10;
const ID_COLORS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#364fc7',
  '#862e9c',
];

interface Panel {
  label: string;
  view: EmbeddingView | null;
  /** An imported probe's panel: it has no step of this comparison. */
  ghost?: boolean;
}

function Scatter({ view, ghost }: { view: EmbeddingView; ghost: boolean }) {
  const xs = Array.from({ length: view.coords.length / 2 }, (_, i) => view.coords[2 * i] as number);
  const ys = Array.from({ length: view.coords.length / 2 }, (_, i) => view.coords[2 * i + 1] as number);
  const span = maxOf([...xs, ...ys].map(Math.abs), 1e-9);
  const px = (v: number) => SIZE / 2 + ((SIZE / 2 - PAD) * v) / span;
  const py = (v: number) => SIZE / 2 - ((SIZE / 2 - PAD) * v) / span;
  const when = ghost ? 'embedded by the imported probe' : `at step ${view.step}`;
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      width={SIZE}
      height={SIZE}
      role="img"
      className={ghost ? 'ghost' : undefined}
      opacity={ghost ? GHOST_OPACITY : undefined}
      aria-label={`${view.ids.length} held-out identities ${when}; the components explain ${(100 * view.explained[0]).toFixed(0)} % and ${(100 * view.explained[1]).toFixed(0)} % of the variance`}
    >
      <rect x={0} y={0} width={SIZE} height={SIZE} className="frame" />
      {view.ids.map((id, k) => {
        const c = ID_COLORS[k % ID_COLORS.length] as string;
        const [a, b] = [2 * k, 2 * k + 1];
        return (
          <g key={id}>
            <line
              x1={px(xs[a] as number)}
              y1={py(ys[a] as number)}
              x2={px(xs[b] as number)}
              y2={py(ys[b] as number)}
              stroke={c}
              strokeDasharray={ghost ? GHOST_DASH : undefined}
            />
            <circle cx={px(xs[a] as number)} cy={py(ys[a] as number)} r={3.5} fill={c}>
              <title>{`identity ${id}, image 1`}</title>
            </circle>
            <circle cx={px(xs[b] as number)} cy={py(ys[b] as number)} r={3.5} fill="#fff" stroke={c}>
              <title>{`identity ${id}, image 2`}</title>
            </circle>
          </g>
        );
      })}
    </svg>
  );
}

export function EmbeddingsView({ panels }: { panels: Panel[] }) {
  return (
    <figure className="embeddings" aria-label="Embeddings">
      <div className="embedding-panels">
        {panels.map((p) => (
          <div key={p.label}>
            <h4>
              {p.label}
              {p.ghost === true ? (
                <>
                  {' '}
                  <span className="badge">imported</span>
                </>
              ) : p.view ? (
                ` · step ${p.view.step}`
              ) : (
                ''
              )}
            </h4>
            {p.view ? (
              <Scatter view={p.view} ghost={p.ghost === true} />
            ) : (
              <p className="empty">After the first evaluation.</p>
            )}
          </div>
        ))}
      </div>
      <figcaption className="caption">
        Ten held-out identities, two images each (filled and hollow, joined by a line), on their first two principal
        components. Shorter lines: the probe maps two photos of a person closer together.
      </figcaption>
    </figure>
  );
}
