/** URL problems and worker errors, each named; dismissing them never clears the charts. */
import type { UrlProblem } from '../../core/urlCodec';

interface Props {
  urlProblems: readonly UrlProblem[];
  errors: readonly string[];
  onDismiss: () => void;
}

export function Alerts({ urlProblems, errors, onDismiss }: Props) {
  if (urlProblems.length === 0 && errors.length === 0) return null;
  return (
    <section className="alerts">
      {urlProblems.length > 0 && (
        <div className="alert" role="alert">
          <strong>Some URL parameters were not used.</strong>
          <ul>
            {urlProblems.map((p) => <li key={p.param}>{p.message}</li>)}
          </ul>
        </div>
      )}
      {errors.map((e, i) => (
        <p key={`${i}-${e}`} className="alert error" role="alert">{e}</p>
      ))}
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </section>
  );
}
