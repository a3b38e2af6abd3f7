/**
 * What the built export-torch (`node dist-cli/export-torch.js`, built by `vite build -c
 * vite.cli.config.ts`) prints and writes when --out is hostile: `$(…)`, backticks, a space and a
 * single quote in the folder name. The printed `next:` command, pasted into sh, runs nothing of
 * the name and lands in the folder; the README's command line stays one code span and, pasted,
 * names the same folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeSpan } from '../core/export/markdown';
import { shellWord } from './shellWord';

const exporter = fileURLToPath(new URL('../../dist-cli/export-torch.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [exporter, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** A folder where `sh` finds a `python3` that prints the folder it was started in, instead of training. */
async function fakePython(): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'masst-bin-'));
  await writeFile(join(bin, 'python3'), '#!/bin/sh\necho "python3 $* in $(pwd)"\n');
  await chmod(join(bin, 'python3'), 0o755);
  return bin;
}

describe('shellWord', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellWord('out/run-1_a.b')).toBe('out/run-1_a.b');
    expect(shellWord("it's $(x) `y`")).toBe(`'it'\\''s $(x) \`y\`'`);
    expect(shellWord('')).toBe("''");
  });
});

describe('codeSpan', () => {
  it('fences with a backtick run longer than any inside, padding a leading or trailing backtick', () => {
    expect(codeSpan('a b')).toBe('`a b`');
    expect(codeSpan('a`b``c')).toBe('```a`b``c```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });
});

describe('export-torch with a hostile --out', () => {
  it('prints a next: command that only cds into the folder, and a README whose command is one code span', async () => {
    if (!existsSync(exporter))
      throw new Error(`${exporter} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
    const base = await mkdtemp(join(tmpdir(), 'masst-quote-'));
    const out = join(base, "a b$(touch INJECTED)`touch INJECTED2`'q");
    const flags = ['--out', out, '--preset', 'smoke', '--steps', '2', '--eval-every', '1', '--no-reference'];
    const r = await run(flags);
    expect(r.code, r.stderr).toBe(0);
    const next = /^next: (.*?) {3}\(or:/m.exec(r.stderr)?.[1];
    expect(next).toBe(`cd '${out.replace(/'/g, "'\\''")}' && python3 train.py`);

    // Pasted into sh, from a scratch folder where an injected `touch` would leave its file.
    const scratch = join(base, 'scratch');
    await mkdir(scratch);
    const bin = await fakePython();
    const sh = spawnSync('sh', ['-c', next as string], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(sh.stderr).toBe('');
    expect(sh.stdout).toBe(`python3 train.py in ${out}\n`);
    expect(await readdir(scratch)).toEqual([]);
    expect((await readdir(base)).sort()).toEqual([expect.stringMatching(/^a b/), 'scratch'].sort());

    const readme = await readFile(join(out, 'README.md'), 'utf8');
    const origin = `npm run export-torch -- ${flags.map(shellWord).join(' ')}`;
    expect(readme).toContain(`Exported with \`\`${origin}\`\`: `);
    // The README's command, pasted, also names the folder as one word without running anything.
    const echoed = spawnSync('sh', ['-c', `printf %s ${shellWord(out)}`], { cwd: scratch, encoding: 'utf8' });
    expect(echoed.stdout).toBe(out);
    expect(await readdir(scratch)).toEqual([]);
  }, 30_000);
});
