/**
 * The README and docs/*.md: every relative link lands on a file of the repository and, when it
 * names an anchor of a Markdown file, on a heading of that file; the README fits on a screen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, relativeLinksOf } from './markdownLinks';

const root = resolve(import.meta.dirname, '../..');
const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Every link of `file` that does not resolve, as "file:line → target (why)". */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const link of relativeLinksOf(read(file))) {
    const target = link.path === '' ? file : relative(root, resolve(root, dirname(file), link.path));
    const shown = `${file}:${link.line} → ${link.path}${link.anchor === null ? '' : `#${link.anchor}`}`;
    if (target.startsWith('..') || !existsSync(join(root, target))) broken.push(`${shown} (no such file)`);
    else if (link.anchor !== null && target.endsWith('.md') && !anchorsOf(read(target)).has(link.anchor)) {
      broken.push(`${shown} (no heading with that anchor in ${target})`);
    }
  }
  return broken;
}

describe('README.md and docs/', () => {
  it('keeps the README to at most 150 lines', () => {
    const text = read('README.md');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0); // as `wc -l` counts them
    expect(lines).toBeLessThanOrEqual(150);
  });

  it('has docs to check, and links in them', () => {
    expect(files).toContain('docs/method.md');
    expect(files.flatMap((f) => relativeLinksOf(read(f))).length).toBeGreaterThan(20);
  });

  it.each(files)('%s: every relative link resolves to a file and an existing heading', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
