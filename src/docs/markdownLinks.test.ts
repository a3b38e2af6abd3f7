import { describe, expect, it } from 'vitest';
import { anchorsOf, relativeLinksOf, slugOf } from './markdownLinks';

describe('markdown links and anchors', () => {
  it('slugs headings as GitHub does', () => {
    expect(slugOf("The demo scenario (the page's default)")).toBe('the-demo-scenario-the-pages-default');
    expect(slugOf('4. SST [code]')).toBe('4-sst-code');
    expect(slugOf('Import run (ghosts)')).toBe('import-run-ghosts');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n### `--faces` B')]).toEqual(['a', 'a-1', '--faces-b']);
  });

  it('finds relative links with their line and anchor, not URLs or code', () => {
    const md = [
      'See [page](docs/page.md#your-faces) and ![shot](docs/screenshots/training.png).',
      '[web](https://example.org) `[code](not/a/link.md)` and [here](#top)',
      '```',
      '[fenced](nope.md)',
      '```',
      'a `span that',
      'wraps [x](y.md)` then [z](z.md)',
    ].join('\n');
    expect(relativeLinksOf(md)).toEqual([
      { line: 1, path: 'docs/page.md', anchor: 'your-faces' },
      { line: 1, path: 'docs/screenshots/training.png', anchor: null },
      { line: 2, path: '', anchor: 'top' },
      { line: 7, path: 'z.md', anchor: null },
    ]);
  });
});
