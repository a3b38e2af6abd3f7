/** URL problems, a link too long to write and worker errors: each named, none clears the charts. */
import type { UrlProblem } from '../../core/urlCodec';

interface Props {
  urlProblems: readonly UrlProblem[];
  /** Why the address bar was not updated, or null when it was. */
  linkProblem: string | null;
  errors: readonly string[];
  onDismiss: () => void;
}

export function Alerts({ urlProblems, linkProblem, errors, onDismiss }: Props) {
  if (urlProblems.length === 0 && linkProblem === null && errors.length === 0) return null;
  return (
    <section className="alerts">
      {urlProblems.map((p, i) => (
        // A repeated parameter can also have a bad value: two notices, one name.
        <p key={`${i}-${p.param}`} className="alert" role="alert">
          URL parameter {p.message}
        </p>
      ))}
      {linkProblem !== null && (
        <p className="alert" role="alert">
          {linkProblem}
        </p>
      )}
      {errors.map((e, i) => (
        <p key={`${i}-${e}`} className="alert error" role="alert">
          {e}
        </p>
      ))}
      {errors.length > 0 && (
        <button type="button" onClick={onDismiss}>
          Dismiss errors
        </button>
      )}
    </section>
  );
}
