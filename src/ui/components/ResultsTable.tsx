/** The latest evaluation of every run next to the untrained probe. */
import type { EvalReport } from '../../core/eval/report';
import type { RunSeries } from '../store/state';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));

export function ResultsTable({ runs, untrained, farTargets }: { runs: readonly RunSeries[]; untrained: EvalReport | null; farTargets: readonly number[] }) {
  const rows: Array<[string, EvalReport | null]> = [['Untrained probe', untrained], ...runs.map((r): [string, EvalReport | null] => [r.label, r.latest])];
  if (!untrained) return null;
  return (
    <table className="results">
      <caption>Verification on held-out identities (10 folds; accuracy ± standard error)</caption>
      <thead>
        <tr>
          <th>Method</th>
          <th>Accuracy</th>
          <th>AUC</th>
          <th>Rank-1</th>
          {farTargets.map((f) => <th key={f}>TAR@FAR={f}</th>)}
          <th>Look-alike rejection</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, r]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{r ? `${fmt(r.accuracy)} ± ${fmt(r.accuracyStdErr)}` : '…'}</td>
            <td>{fmt(r?.auc)}</td>
            <td>{fmt(r?.rank1)}</td>
            {farTargets.map((f) => <td key={f}>{r ? fmt(r.tarAtFar[String(f)]) : '…'}</td>)}
            <td>{fmt(r?.lookalikeAccuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
