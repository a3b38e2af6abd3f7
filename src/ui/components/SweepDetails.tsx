/**
 * One sweep cell's details, below the heatmap: how its config differs from the sweep's base, the
 * per-seed paired table of each method pair (A − B of 10-fold accuracy by seed, mean ± sd, sign
 * count, verdict), the verdict sentence, the paired differences of the smoothness summaries
 * (median Lipschitz, median β) and its training time. All numbers are the imported file's.
 */
import type { SweepFile } from '../../core/sweep/file';
import { configDifferences, sweepBase } from '../../core/sweep/cellDiff';
import type { PairedCell } from '../../core/stats/paired';
import { formatCell, signed } from '../../core/stats/paired';
import type { Verdict } from '../../core/stats/verdict';

const VERDICT: Record<Verdict, string> = {
  better: '✓ better',
  worse: '✗ worse',
  noise: 'within noise',
  oneSeed: 'one seed',
  none: 'no seeds',
};

const points = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : signed(100 * x, 1));
const smooth = (c: PairedCell | null) => (c === null ? 'n/a' : formatCell(c));

export function SweepDetails({ file, index }: { file: SweepFile; index: number }) {
  const cell = file.cells[index];
  if (cell === undefined) return null;
  const base = sweepBase(file.spec);
  const diffs = base === null ? null : configDifferences(base, cell.config);
  const seeds = file.spec.seeds;
  return (
    <section className="sweep-details" aria-label={`Sweep cell ${cell.label}`}>
      <h3>{cell.label}</h3>
      <p>
        Differs from the base ({file.spec.preset}
        {file.spec.set.length > 0 ? ` with ${file.spec.set.join(', ')}` : ''}) in:{' '}
        {diffs === null
          ? Object.entries(cell.settings)
              .map(([p, v]) => `${p} = ${v}`)
              .join(', ')
          : diffs.length === 0
            ? 'nothing'
            : diffs.map((d) => `${d.path} ${d.base} → ${d.cell}`).join(', ')}
      </p>
      <table className="results" aria-label={`Paired differences of ${cell.label}`}>
        <caption>
          Paired by seed: A − B of 10-fold accuracy in points, then mean ± sd · seeds where A − B &gt; 0
        </caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            {seeds.map((s) => (
              <th key={s} scope="col">
                seed {s}
              </th>
            ))}
            <th scope="col">accuracy</th>
            <th scope="col">AUC</th>
            <th scope="col">verdict</th>
            <th scope="col">median Lipschitz</th>
            <th scope="col">median β</th>
          </tr>
        </thead>
        <tbody>
          {cell.pairs.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              {seeds.map((s) => (
                <td key={s}>{points(p.accuracy.perSeed[p.seeds.indexOf(s)])}</td>
              ))}
              <td>{formatCell(p.accuracy)}</td>
              <td>{formatCell(p.auc)}</td>
              <td>{VERDICT[p.verdict]}</td>
              <td>{smooth(p.lipschitz)}</td>
              <td>{smooth(p.beta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sweep-summary">{cell.summary}</p>
      <p>
        Training time of its {cell.runs.length} runs: {cell.trainSeconds.toFixed(1)} s (a run shared with other cells
        counts in each; {cell.runs.filter((r) => r.reused).length} taken from the run store). The whole sweep:{' '}
        {file.wallSeconds.toFixed(1)} s wall on {file.backend}.
        {cell.runs.some((r) => r.diverged !== null) &&
          ` Diverged: ${cell.runs
            .filter((r) => r.diverged !== null)
            .map((r) => `${r.label} seed ${r.seed} (${r.diverged})`)
            .join(', ')}.`}
      </p>
    </section>
  );
}
