/** Which backend and adapter run the training, how 'auto' chose it, and a warning for software adapters. */
import { describeMeasurement } from '../../core/backendChoice';
import type { BackendReport } from '../../worker/protocol';

export function BackendBadge({ report }: { report: BackendReport | null }) {
  if (!report) return <span className="badge muted">backend: not started</span>;
  const a = report.adapter;
  return (
    <div className="backend">
      <span className="badge">
        backend: {report.backend}
        {report.threads > 1 ? ` · ${report.threads} threads` : ''}
      </span>
      {a && (
        <span className={a.software ? 'badge warn' : 'badge'}>
          adapter: {a.vendor} {a.architecture} ({a.software ? 'software' : 'hardware'})
        </span>
      )}
      {report.measurement && (
        <p className="notice" aria-label="Backend measurement">
          auto: {describeMeasurement(report.measurement)}
        </p>
      )}
      {report.notice && <p className="notice">{report.notice}</p>}
    </div>
  );
}
