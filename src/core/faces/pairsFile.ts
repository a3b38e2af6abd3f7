/**
 * LFW's pairs.txt, read against a folder listing. Two formats:
 * - the 10-fold file: a header "10<TAB>300" (sets, pairs of each kind per set), then each set as
 *   300 same-person lines "Name<TAB>n1<TAB>n2" followed by 300 different-person lines
 *   "Name1<TAB>n1<TAB>Name2<TAB>n2"; set s is fold s (a header of one number n is one set);
 * - a plain list of such lines without a header; folds are then dealt round-robin, positives and
 *   negatives separately, so each fold is balanced as LFW's are.
 * A malformed line or one naming an image the folder lacks is skipped with a message giving its
 * line number; the rest loads.
 */
import type { FolderListing } from './listing';

export const PAIR_FOLDS = 10;
/** At least this many of each kind, so every fold can hold one. */
const MIN_EACH = PAIR_FOLDS;

export interface FilePair {
  a: string;
  b: string;
  same: boolean;
  fold: number;
}

export interface ParsedPairs {
  format: 'lfw-10-fold' | 'list';
  pairs: FilePair[];
  /** Skipped lines and format notes, each naming the file and the line. */
  problems: string[];
}

interface Line {
  no: number;
  a: string;
  b: string;
  same: boolean;
}

/** Image path of (identity, LFW number): by the number in the file name, else the n-th image. */
function resolver(listing: FolderListing): (name: string, n: number) => string | null {
  const byName = new Map(listing.identities.map((id) => [id.name, id.images]));
  return (name, n) => {
    const images = byName.get(name);
    if (!images) return null;
    const numbered = images.find((im) => im.number === n);
    if (numbered) return numbered.path;
    return images.every((im) => im.number === null) ? (images[n - 1]?.path ?? null) : null;
  };
}

const positive = (s: string | undefined): number | null =>
  s !== undefined && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null;

/**
 * Parses `text` (the file `fileName`) against the folder. Throws, naming the file, when fewer than
 * ten valid pairs of either kind remain; otherwise returns the valid pairs and every problem.
 */
export function parsePairsFile(fileName: string, text: string, listing: FolderListing): ParsedPairs {
  const rows = text.split(/\r?\n/).map((raw, i) => ({
    no: i + 1,
    cells: raw
      .trim()
      .split(/\s+/)
      .filter((c) => c !== ''),
  }));
  const content = rows.filter((r) => r.cells.length > 0);
  const problems: string[] = [];
  const header =
    content[0] && content[0].cells.length <= 2 && content[0].cells.every((c) => positive(c) !== null)
      ? content[0]
      : null;
  const resolve = resolver(listing);
  const lines: Line[] = [];
  for (const row of content) {
    if (row === header) continue;
    const line = parseLine(row.cells, row.no, resolve, fileName);
    if (typeof line === 'string') problems.push(line);
    else lines.push(line);
  }
  const sets = header ? (positive(header.cells.length === 2 ? header.cells[0] : '1') as number) : 0;
  const perSet = header ? (positive(header.cells[header.cells.length - 1]) as number) : 0;
  let tenFold = false;
  if (header) {
    const expected = sets * 2 * perSet;
    const total = content.length - 1;
    if (total !== expected) {
      problems.push(
        `${fileName}: the header (line ${header.no}) announces ${sets} set${sets === 1 ? '' : 's'} of ${perSet} same + ${perSet} different pairs = ${expected} lines, but ${total} follow; folds are dealt round-robin instead`,
      );
    } else tenFold = sets === PAIR_FOLDS;
  }
  const pairs = tenFold
    ? setFolds(
        content.slice(1).map((r) => r.no),
        lines,
        perSet,
      )
    : roundRobin(lines);
  const same = pairs.filter((p) => p.same).length;
  const different = pairs.length - same;
  if (same < MIN_EACH || different < MIN_EACH) {
    const shown = problems.slice(0, 3).join('; ');
    throw new Error(
      `${fileName}: ${same} valid same-person and ${different} valid different-person pairs; at least ${MIN_EACH} of each are needed for 10-fold verification${shown ? ` (${shown}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''})` : ''}.`,
    );
  }
  return { format: tenFold ? 'lfw-10-fold' : 'list', pairs, problems };
}

function parseLine(
  cells: string[],
  no: number,
  resolve: (name: string, n: number) => string | null,
  fileName: string,
): Line | string {
  const at = `${fileName} line ${no}`;
  const shape =
    'expected "Name n1 n2" (same person) or "Name1 n1 Name2 n2" (different people), n a positive image number';
  let parsed: [string, number, string, number] | null = null;
  if (cells.length === 3) {
    const [name, n1, n2] = cells as [string, string, string];
    if (positive(n1) !== null && positive(n2) !== null) parsed = [name, Number(n1), name, Number(n2)];
  } else if (cells.length === 4) {
    const [name1, n1, name2, n2] = cells as [string, string, string, string];
    if (positive(n1) !== null && positive(n2) !== null) parsed = [name1, Number(n1), name2, Number(n2)];
  }
  if (parsed === null) return `${at}: "${cells.join(' ').slice(0, 80)}" is malformed: ${shape}; skipped`;
  const [name1, n1, name2, n2] = parsed;
  const a = resolve(name1, n1);
  const b = resolve(name2, n2);
  const missing = a === null ? `${name1} ${n1}` : b === null ? `${name2} ${n2}` : null;
  if (missing !== null)
    return `${at}: names ${missing.replace(/ (\d+)$/, (_, n: string) => ` image ${n.padStart(4, '0')}`)}, which the folder lacks; skipped`;
  if (cells.length === 4 && name1 === name2) return `${at}: a different-person line names ${name1} twice; skipped`;
  return { no, a: a as string, b: b as string, same: cells.length === 3 };
}

/** LFW's own folds: content line k after the header lies in set ⌊k / (2·perSet)⌋. */
function setFolds(lineNumbers: number[], lines: Line[], perSet: number): FilePair[] {
  const index = new Map(lineNumbers.map((no, k) => [no, k]));
  return lines.map((l) => ({
    a: l.a,
    b: l.b,
    same: l.same,
    fold: Math.floor((index.get(l.no) as number) / (2 * perSet)),
  }));
}

/** Folds dealt in file order, the k-th positive and the k-th negative to fold k mod 10. */
function roundRobin(lines: Line[]): FilePair[] {
  let pos = 0;
  let neg = 0;
  return lines.map((l) => ({ a: l.a, b: l.b, same: l.same, fold: (l.same ? pos++ : neg++) % PAIR_FOLDS }));
}
