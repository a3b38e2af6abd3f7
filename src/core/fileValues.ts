/**
 * How a run file's value is quoted in a message: short, on one line, and as the file wrote it.
 * JSON.parse reads 1e999 as Infinity, which JSON.stringify writes back as null, so a loss of 1e999
 * was quoted as "null": a non-finite number is named as what it is and as the file spelled it.
 */
import { clipText } from './clipText';

/** Number literals JSON.parse turns into ±Infinity: an exponent of 3+ digits, or 309+ digits. */
const OVERFLOWING = /-?\d+(?:\.\d+)?[eE]\+?\d{3,}|-?\d{309,}/g;

/** The first literal of `text` that parses to `value` (±Infinity); null when none does. */
function overflowingLiteral(text: string, value: number): string | null {
  for (const m of text.matchAll(OVERFLOWING)) if (Number(m[0]) === value) return m[0];
  return null;
}

/** A value of the file as a message quotes it; `text` is the file, searched only for a non-finite number. */
export function quoteValue(value: unknown, text: string): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null (JSON writes a NaN or an infinite number as null)';
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    const literal = overflowingLiteral(text, value);
    return `${String(value)} (${literal === null ? 'a number too large for a float64' : clipText(literal, 40)} in the file)`;
  }
  if (typeof value === 'string') return `"${clipText(value)}" (a string)`;
  return clipText(JSON.stringify(value) ?? String(value));
}
