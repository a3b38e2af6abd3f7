/**
 * The Python that has PyTorch, for the tests and the benchmark that run an exported project:
 * $MASST_PYTHON, then Debian's /usr/bin/python3 (where `apt-get install python3-torch` puts it;
 * a pyenv or venv `python3` earlier on PATH usually lacks it), then `python3` from PATH.
 */
import { spawnSync } from 'node:child_process';

export function torchPython(): string | null {
  const candidates = [process.env.MASST_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (c): c is string => c !== undefined && c !== '',
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Extra torchrun flags for torch < 2 on Python ≥ 3.11: its default `--redirects 0 --tee 0` fails there (see templates/torch/README.md). */
export function torchrunCompatFlags(python: string): string[] {
  const probe = spawnSync(
    python,
    ['-c', 'import sys, torch; print(int(sys.version_info >= (3, 11) and int(torch.__version__.split(".")[0]) < 2))'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return probe.stdout.trim() === '1' ? ['--redirects', '2', '--tee', '2'] : [];
}
