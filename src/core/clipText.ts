/**
 * Untrusted text quoted in a message (a value from a dropped file, an error's message): control
 * characters are written as escapes (\n, \u001b…) so they neither break the line nor reach a
 * terminal raw, and past `max` characters the text is cut with an ellipsis, so a message quotes a
 * few words of a 2 MB value, not all of it.
 */

/** The default length of a quote: a line of an alert. */
export const QUOTE_CHARS = 120;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C0, DEL and C1 controls, and the line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` characters of `text`, then "…"; its controls escaped (an escape counts as one character). */
export function clipText(text: string, max = QUOTE_CHARS): string {
  // Cut first: escaping a 2 MB string to keep 120 characters of it would be wasted work.
  return text.length > max ? `${escapeControls(text.slice(0, max))}…` : escapeControls(text);
}
