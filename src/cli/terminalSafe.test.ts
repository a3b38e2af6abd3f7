/**
 * No raw control character from user data reaches a terminal: terminalSafe itself, and the built
 * runner (`node dist-cli/experiment.js`, built by `vite build -c vite.cli.config.ts`) on a face
 * folder whose name, file names and pairs.txt lines carry escape sequences, BEL, C1 controls, a
 * right-to-left override and a newline, all made here at test time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeLines } from './terminalSafe';

const runner = fileURLToPath(new URL('../../dist-cli/experiment.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every character a terminal or a bidi renderer would act on instead of showing. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

describe('terminalSafe', () => {
  it('escapes C0 (newline included), DEL, C1 and direction marks, and leaves other text alone', () => {
    expect(terminalSafe('evil\u001b[2J\u0007\n\t\u007f\u009b\u202e\u2066ok')).toBe(
      'evil\\x1b[2J\\x07\\x0a\\x09\\x7f\\x9b\\u202e\\u2066ok',
    );
    expect(terminalSafe('Zoë_Ñoño/写真 — ok.jpg')).toBe('Zoë_Ñoño/写真 — ok.jpg');
    expect(terminalSafeLines('a\u001b]0;t\u0007\nb\r')).toBe('a\\x1b]0;t\\x07\nb\\x0d');
  });
});

describe('runner output with hostile names', () => {
  it('prints the folder, file names and pairs.txt lines with their control characters escaped', async () => {
    if (!existsSync(runner))
      throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
    const base = await mkdtemp(join(tmpdir(), 'masst-esc-'));
    const faces = join(base, 'faces\u001b[2J');
    await cp(join(root, 'e2e/fixtures/faces'), faces, { recursive: true });
    await writeFile(join(faces, 'evil\u001b[2J\u202e.txt'), 'x');
    await writeFile(join(faces, 'fake\nline\u0007.txt'), 'x');
    await writeFile(join(faces, 'Ada_Synthetic', 'bad\u009b31m.png'), '');
    await appendFile(join(faces, 'pairs.txt'), '\u001b]0;pwned\u0007\t1\t2\n');
    const out = join(base, 'out\u001b[31m');
    // data.trainIds 24 is more than the folder has: the runner prints the folder, then stops before training.
    const args = [
      '--preset',
      'smoke',
      '--backend',
      'cpu',
      '--smooth-every',
      '0',
      '--slice-every',
      '0',
      '--steps',
      '8',
      '--eval-every',
      '4',
      '--seeds',
      '1',
      '--workers',
      '1',
      '--faces',
      faces,
      '--out',
      out,
    ];
    const child = spawn(process.execPath, [runner, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(1);
    expect(stdout + stderr).not.toMatch(RAW);
    expect(stderr).toContain('faces: faces\\x1b[2J — 20 identities, 60 images');
    expect(stderr).toContain('faces\\x1b[2J/evil\\x1b[2J\\u202e.txt: not a JPEG or PNG image');
    expect(stderr).toContain('faces\\x1b[2J/fake\\x0aline\\x07.txt: not a JPEG or PNG image');
    expect(stderr).toContain('faces\\x1b[2J/Ada_Synthetic/bad\\x9b31m.png: an empty file');
    expect(stderr).toContain('\\x1b]0;pwned\\x07');
    expect(stderr).toContain(`--faces ${base}/faces\\x1b[2J: `);
  }, 60_000);
});
