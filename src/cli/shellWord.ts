/**
 * A string as one POSIX shell word, for the commands the CLI prints to be copied and pasted:
 * `cd $(touch X)` would run `touch X`, `cd 'my dir'` must stay one argument. Plain words are
 * left as they are; anything else goes in single quotes, inside which the shell expands nothing,
 * and a single quote in it is written '\'' (close, an escaped quote, reopen).
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellWord(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
