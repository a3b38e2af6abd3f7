/**
 * One panel's error boundary: a panel that throws shows which panel failed, the error, and Try
 * again; the other panels, the form and a training session go on (the session lives in the
 * workers and the store, not in the panel).
 */
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { errorText } from './errorText';

interface PanelErrorProps {
  /** What the panel shows, e.g. "loss chart": "The loss chart failed". */
  name: string;
  error: unknown;
  onRetry: () => void;
  /** Ways out beside Try again, for a panel whose fault is in stored data (Discard the stored comparison). */
  actions?: ReactNode;
}

export function PanelError({ name, error, onRetry, actions }: PanelErrorProps) {
  return (
    <section className="alert error panel-error" role="alert" aria-label={`The ${name} failed`}>
      <p>
        <strong>The {name} failed:</strong> {errorText(error)}. The rest of the page still works; Try again draws this
        panel anew.
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
      {actions !== undefined && <> {actions}</>}
    </section>
  );
}

export function PanelBoundary({ name, actions, children }: { name: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error, retry) => (
        <PanelError name={name} error={error} onRetry={retry} {...(actions === undefined ? {} : { actions })} />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
