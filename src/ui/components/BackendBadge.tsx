/** Which backend and adapter run the training, and a warning for software adapters. */
import type { BackendReport } from '../../worker/protocol';

export function BackendBadge({ report }: { report: BackendReport | null }) {
  if (!report) return <span className="badge muted">backend: chosen when training starts</span>;
  const a = report.adapter;
  const software = a?.software === true;
  return (
    <div className="backend">
      <span className="badge">backend: {report.backend}</span>
      {a && (
        <span className={software ? 'badge warn' : 'badge'}>
          adapter: {[a.vendor, a.architecture].filter((s) => s !== '').join(' ') || 'unknown'} ({software ? 'software' : 'hardware'})
        </span>
      )}
      {report.notice && (
        <p className={software ? 'notice warn' : 'notice'} role={software ? 'alert' : undefined}>
          {software && '⚠ '}
          {report.notice}
        </p>
      )}
    </div>
  );
}
