/**
 * Untrusted text (paths, file and folder names, pairs.txt lines, error messages that quote them)
 * made safe to print on a terminal: a file named `evil\x1b[2J.txt` must not clear the screen, a
 * pairs.txt line `\x1b]0;…\x07` must not set the window title, U+202E must not reverse what
 * follows. Every C0 control (newline and tab included), DEL, every C1 control and the invisible
 * direction and format marks are shown as escapes: `\x1b`, `\x7f`, `\u202e`. Everything else,
 * accented and non-Latin letters included, is printed as it is.
 */

// C0 and DEL and C1; zero-width and direction marks (U+200B–U+200F), embeddings and overrides
// (U+202A–U+202E), isolates (U+2066–U+2069), the Arabic letter mark, the BOM / word joiner.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One untrusted string (a name, a path, a line of a file): every control character escaped, newlines too. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * A whole message for stderr or stdout, which may quote untrusted strings: escaped as by
 * terminalSafe except its line breaks, which the message's own layout uses.
 */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}
