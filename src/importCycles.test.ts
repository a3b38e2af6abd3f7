/**
 * The house has no import cycles, type-only imports included: the import graph of src/ (every
 * relative `import … from` / `export … from`, `import type` too) has no strongly connected
 * component of more than one file and no file importing itself. A failure names each cycle's files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclesOf } from './test/importGraph';

const SRC = resolve(__dirname);
const FROM =
  /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s+from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names (with or without its extension, or a folder's index). */
function resolveSpec(from: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(FROM)].map((m) => m[1] ?? m[2] ?? '').filter((s) => s.startsWith('.'));
    const name = relative(SRC, file);
    graph.set(
      name,
      targets.flatMap((s) => {
        const target = resolveSpec(file, s, known);
        return target === null ? [] : [relative(SRC, target)];
      }),
    );
  }
  return graph;
}

describe('import graph of src/', () => {
  it('reads the imports it should (a known edge, a type-only one, an export-from)', () => {
    const graph = importGraph();
    expect(graph.get('cli/trainRuns.ts')).toContain('core/analysisSchedule.ts');
    expect(graph.get('worker/engine.ts')).toContain('core/analysisSchedule.ts');
    expect(graph.size).toBeGreaterThan(200);
  });

  it('has no cycle, types included', () => {
    const cycles = cyclesOf(importGraph()).map((c) => `${c.files.join(', ')} (e.g. ${c.cycle.join(' → ')})`);
    expect(cycles).toEqual([]);
  });

  it('finds a cycle, a self-import and nothing in a chain', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(cyclesOf(graph)).toEqual([
      { files: ['a', 'b', 'c'], cycle: ['a', 'b', 'c', 'a'] },
      { files: ['e'], cycle: ['e', 'e'] },
    ]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
