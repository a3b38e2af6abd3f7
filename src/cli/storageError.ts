/**
 * File-system errors in the user's terms: which path, why (a full disk, a read-only file system, no
 * permission), and the code for a search. The runner's writes go through writeAtomically
 * (checkpointFiles.ts), which throws these.
 */
import { dirname } from 'node:path';

export const REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'it is a file',
  ENOTDIR: 'a part of the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ETIMEDOUT: 'the file system does not answer',
};

export function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/**
 * "<path> could not be written: no space left on the device that holds <folder> (ENOSPC)"; the
 * error keeps the code, so a caller can still tell a full disk from the rest.
 */
export function storageError(path: string, e: unknown): Error & { code?: string } {
  const code = codeOf(e);
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `${REASONS[code]} that holds ${dirname(path)}`
      : (REASONS[code ?? ''] ?? (e instanceof Error ? e.message : String(e)));
  const error: Error & { code?: string } = new Error(
    `${path} could not be written: ${reason}${code !== undefined ? ` (${code})` : ''}`,
  );
  if (code !== undefined) error.code = code;
  return error;
}
