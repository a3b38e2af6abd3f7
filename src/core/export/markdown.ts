/**
 * Text quoted in the Markdown an export writes (README.md). A command line holds whatever the
 * user typed, backticks included: a code span fenced by one backtick ends at the first one inside.
 */

/**
 * `text` as one CommonMark code span: fenced by a backtick run longer than any run in it, with a
 * space inside each fence when it starts or ends with a backtick (the renderer strips one each side).
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad =
    text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
