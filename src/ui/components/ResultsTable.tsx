/**
 * The latest evaluation of every method next to the untrained probe. One seed: accuracy ± its
 * 10-fold standard error. Several seeds: mean ± sd over seeds of each metric. Everything it labels
 * comes from the session's own results, never from the form, which may already show other settings.
 * Imported run files (ghosts) add their rows after the live ones, marked with their file.
 */
import { memo } from 'react';
import { rank1CoverageText } from '../../core/eval/rank1';
import type { EvalReport } from '../../core/eval/report';
import { describe } from '../../core/stats/describe';
import type { ReportRow } from '../import/ghostTables';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(3);

function cell(
  reports: ReadonlyArray<EvalReport | null>,
  value: (r: EvalReport) => number | null,
  withSe = false,
): string {
  const have = reports.filter((r): r is EvalReport => r !== null);
  if (have.length === 0) return '…';
  // Seeds still waiting for their first evaluation are said, not silently left out.
  const of = have.length < reports.length ? ` (${have.length} of ${reports.length} seeds)` : '';
  if (have.length === 1) {
    const r = have[0] as EvalReport;
    return `${withSe ? `${fmt(value(r))} ± ${fmt(r.accuracyStdErr)}` : fmt(value(r))}${of}`;
  }
  const d = describe(have.map(value).filter((v): v is number => v !== null));
  return d.n === 0 ? 'n/a' : `${fmt(d.mean)} ± ${fmt(d.sd)}${of}`;
}

/** The FARs the session's evaluations report TAR at (its config's eval.farTargets), largest first. */
export function reportedFars(reports: ReadonlyArray<EvalReport | null>): string[] {
  const fars = new Set(reports.flatMap((r) => (r === null ? [] : Object.keys(r.tarAtFar))));
  return [...fars].sort((a, b) => Number(b) - Number(a));
}

/**
 * What rank-1 was taken over in these evaluations, in words ("Rank-1 over 5 of 13 held-out
 * identities (those with ≥ 2 test images), 15 probes."; several seeds' distinct coverages joined);
 * null when no report says (files written before rank-1 recorded it).
 */
export function rank1Note(reports: ReadonlyArray<EvalReport | null>): string | null {
  const texts = [...new Set(reports.flatMap((r) => (r?.rank1Coverage ? [rank1CoverageText(r.rank1Coverage)] : [])))];
  if (texts.length === 0) return null;
  const joined = texts.join('; ');
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
}

interface Props {
  groups: ReadonlyArray<MethodGroup<EvalRun>>;
  untrained: ReadonlyArray<{ seed: number; report: EvalReport }>;
  ghostRows?: readonly ReportRow[];
}

const NO_ROWS: readonly ReportRow[] = [];

export const ResultsTable = memo(function ResultsTable({ groups, untrained, ghostRows = NO_ROWS }: Props) {
  if (untrained.length === 0 && ghostRows.length === 0) return null;
  const live: ReportRow[] =
    untrained.length === 0
      ? []
      : [
          { label: 'Untrained probe', reports: untrained.map((u) => u.report) },
          ...groups.map((g) => ({ label: g.label, reports: g.series.map((r) => r.latest) })),
        ];
  const rows = [...live, ...ghostRows];
  const seeds = untrained.length;
  const fars = reportedFars(rows.flatMap((r) => r.reports));
  // The live session's coverage: every method of a seed shares its held-out images.
  const note = rank1Note(live.flatMap((r) => r.reports));
  return (
    <table className="results">
      <caption>
        Verification on held-out identities, latest evaluation (10 folds;{' '}
        {seeds > 1 ? `mean ± sd over ${seeds} seeds` : 'accuracy ± standard error'})
      </caption>
      <thead>
        <tr>
          <th>Method</th>
          <th>Accuracy</th>
          <th>AUC</th>
          <th>Rank-1</th>
          {fars.map((f) => (
            <th key={f}>TAR@FAR={f}</th>
          ))}
          <th>Look-alike rejection</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, reports, imported }) => (
          <tr key={label} className={imported === undefined ? undefined : 'ghost'}>
            <th scope="row">
              {label}
              {imported !== undefined && (
                <>
                  {' '}
                  <span className="badge">imported</span>
                </>
              )}
            </th>
            <td>{cell(reports, (r) => r.accuracy, true)}</td>
            <td>{cell(reports, (r) => r.auc)}</td>
            <td>{cell(reports, (r) => r.rank1)}</td>
            {fars.map((f) => (
              <td key={f}>{cell(reports, (r) => r.tarAtFar[f] ?? null)}</td>
            ))}
            <td>{cell(reports, (r) => r.lookalikeAccuracy)}</td>
          </tr>
        ))}
      </tbody>
      {note !== null && (
        <tfoot>
          <tr>
            <td colSpan={5 + fars.length} className="rank1-note">
              {note}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
});
