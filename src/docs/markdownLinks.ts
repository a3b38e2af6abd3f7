/**
 * The relative links of a Markdown file and the anchors its headings make, the way GitHub renders
 * them, so a test can check that every link of the README and docs/ lands on a file and a heading
 * that exist. Fenced code blocks and inline code are not Markdown links and are skipped.
 */

export interface MarkdownLink {
  /** 1-based line of the link in its file. */
  line: number;
  /** The path part, relative to the linking file's folder; '' for a link to an anchor of the same file. */
  path: string;
  /** The anchor without '#', or null when the link has none. */
  anchor: string | null;
}

/** For each line, whether it is inside a fenced code block (fence lines included). */
function inFence(lines: readonly string[]): boolean[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return true;
    }
    return fence !== null;
  });
}

/** GitHub's heading slug: lower case, punctuation dropped (letters, digits, '-', '_' kept), spaces to '-'. */
export function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the file's ATX headings make; a repeated slug gets -1, -2, … as on GitHub. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const lines = markdown.split('\n');
  const fenced = inFence(lines);
  for (const [i, line] of lines.entries()) {
    if (fenced[i] === true) continue;
    const text = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (text === undefined) continue;
    const base = slugOf(text.replace(/`/g, ''));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Links to files of this repository: `[text](target)` and images, not `scheme:` URLs. */
export function relativeLinksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const lines = markdown.split('\n');
  const fenced = inFence(lines);
  // Inline code is not a link (`[a](b)` in backticks stays text); a code span may wrap a line, so
  // it is blanked over the whole prose, keeping the line breaks and so the line numbers.
  const prose = lines
    .map((line, i) => (fenced[i] === true ? '' : line))
    .join('\n')
    .replace(/(`+)[\s\S]*?\1/g, (span) => span.replace(/[^\n]/g, ' '))
    .split('\n');
  prose.forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const hash = target.indexOf('#');
      links.push({
        line: i + 1,
        path: decodeURIComponent(hash === -1 ? target : target.slice(0, hash)),
        anchor: hash === -1 ? null : target.slice(hash + 1),
      });
    }
  });
  return links;
}
