import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { readQuery } from '../core/pageQuery';
import { AppBoundary, AppError } from './boundary/AppBoundary';
import './styles.css';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

const query = readQuery(window.location.search);
// tfjs-core decodes the address with decodeURIComponent when its module loads (its URL flags) and
// throws on a malformed escape: the address drops the pairs readQuery reported (App names them)
// before App, which imports tfjs, loads. Nothing this module imports statically loads tfjs.
if (query.cleaned !== null) {
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${query.cleaned === '' ? '' : `?${query.cleaned}`}${window.location.hash}`,
  );
}
// A failure while App's modules load shows the same ways out as one while it renders.
import('./App').then(
  ({ App }) =>
    render(
      <AppBoundary>
        <App query={query} />
      </AppBoundary>,
    ),
  (error: unknown) => render(<AppError error={error} />),
);
