/**
 * A React error boundary: an error thrown while its children render (or in their effects) shows
 * the fallback in their place instead of unmounting the whole page. `retry` mounts the children
 * again from scratch (a new key), for a fault that does not repeat.
 */
import { Component, Fragment } from 'react';
import type { ReactNode } from 'react';

interface Props {
  fallback: (error: unknown, retry: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  /** Whether a child threw; the error itself may be any value, undefined included. */
  failed: boolean;
  error: unknown;
  /** Counts the retries: the children's key, so a retry mounts them anew. */
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  retry = (): void => {
    this.setState((s) => ({ failed: false, error: null, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(this.state.error, this.retry);
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
