import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { clipText } from '../../core/clipText';
import { AppError } from './AppBoundary';
import { ErrorBoundary } from './ErrorBoundary';
import { errorText } from './errorText';
import { PanelBoundary, PanelError } from './PanelBoundary';

const noop = () => undefined;

describe('the error boundaries', () => {
  it('render their children while nothing throws', () => {
    const html = renderToStaticMarkup(
      createElement(PanelBoundary, { name: 'loss chart', children: createElement('p', null, 'chart') }),
    );
    expect(html).toBe('<p>chart</p>');
  });

  it('turn a thrown value into the fallback, and Try again mounts the children anew', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'steps')");
    expect(ErrorBoundary.getDerivedStateFromError(error)).toEqual({ failed: true, error });
    const seen: unknown[] = [];
    const boundary = new ErrorBoundary({ fallback: (e) => (seen.push(e), 'fallback'), children: 'child' });
    // React's updater, as it applies a functional setState: enough to follow a retry here.
    boundary.setState = (update) =>
      Object.assign(boundary.state, typeof update === 'function' ? update(boundary.state, boundary.props) : update);
    Object.assign(boundary.state, ErrorBoundary.getDerivedStateFromError(error));
    expect(boundary.render()).toBe('fallback');
    expect(seen).toEqual([error]);
    boundary.retry();
    const again = boundary.render() as { key: string | null; props: { children: unknown } };
    expect([again.key, again.props.children]).toEqual(['1', 'child']);
  });

  it('a failed panel names itself and the error and offers Try again', () => {
    const html = renderToStaticMarkup(
      createElement(PanelError, {
        name: 'loss chart',
        error: new RangeError('Maximum call stack size exceeded'),
        onRetry: noop,
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-label="The loss chart failed"');
    expect(html).toContain(
      '<strong>The loss chart failed:</strong> RangeError: Maximum call stack size exceeded. The rest of the page still works',
    );
    expect(html).toContain('<button type="button">Try again</button>');
    const discard = createElement('button', { type: 'button' }, 'Discard stored comparison');
    const more = renderToStaticMarkup(
      createElement(PanelError, { name: 'restore prompt', error: new Error('x'), onRetry: noop, actions: discard }),
    );
    expect(more).toContain(
      '<button type="button">Try again</button> <button type="button">Discard stored comparison</button>',
    );
  });

  it('the page-level fallback offers Discard, Clear stored data and Reload', () => {
    const html = renderToStaticMarkup(createElement(AppError, { error: new Error('boom') }));
    expect(html).toContain('<strong>The page failed:</strong> Error: boom.');
    expect(html.match(/<button type="button">[^<]*<\/button>/g)).toEqual([
      '<button type="button">Discard stored comparison</button>',
      '<button type="button">Clear stored data</button>',
      '<button type="button">Reload</button>',
    ]);
  });

  it('quotes an error on one short line: controls escaped, a long message cut', () => {
    expect(errorText(new Error('a\nb\u001b[2Jc'))).toBe('Error: a\\nb\\u001b[2Jc');
    expect(errorText('plain')).toBe('a thrown value that is not an Error: plain');
    expect(errorText(undefined)).toBe('a thrown value that is not an Error: undefined');
    const long = errorText(new Error('x'.repeat(5000)));
    expect(long).toHaveLength(301);
    expect(long.endsWith('x…')).toBe(true);
    expect(clipText('\u0007'.repeat(50), 2)).toBe('\\u0007\\u0007…');
  });
});
