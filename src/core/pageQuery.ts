/**
 * The page's query string read defensively. URLSearchParams keeps a malformed percent escape
 * (`steps=%`, `%E0%A4%A`, `%ZZ=1`) as literal text without a word, and tfjs-core's URL flags
 * (read with decodeURIComponent when its module loads) throw "URIError: URI malformed" on one,
 * which blanked the page. Here each `name=value` pair is decoded on its own: a pair with a
 * malformed escape is reported by name, raw value and the escape at fault, and left out; the other
 * pairs apply as usual.
 */
import type { UrlProblem } from './urlCodec';

/** Past this many characters a quoted name or value is cut (a link can hold kilobytes). */
const QUOTED = 120;

export interface PageQuery {
  /** The well-formed pairs, decoded. */
  params: URLSearchParams;
  /** One per pair with a malformed escape, in URL order. */
  problems: UrlProblem[];
  /** The query (no "?") without the malformed pairs, their raw text kept; null when none was left out. */
  cleaned: string | null;
}

const clip = (text: string): string => (text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);

/** application/x-www-form-urlencoded: "+" is a space; throws URIError on a malformed escape. */
const decodePart = (raw: string): string => decodeURIComponent(raw.replace(/\+/g, ' '));

/** Whether decodeURIComponent takes `raw`; its result is used, so a minifier cannot drop the call as pure. */
function decodes(raw: string): boolean {
  try {
    return typeof decodeURIComponent(raw) === 'string';
  } catch {
    return false;
  }
}

/** What is wrong with the first malformed escape of `raw`; null when it decodes. */
export function malformedEscape(raw: string): string | null {
  for (let i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
    if (!/^%[0-9a-fA-F]{2}/.test(raw.slice(i))) return `"${raw.slice(i, i + 3)}" is not "%" and two hex digits`;
    // A run of escapes must spell whole UTF-8 characters: "%E0%A4" is the start of one, cut short.
    const run = /^(%[0-9a-fA-F]{2})+/.exec(raw.slice(i))?.[0] ?? '';
    if (!decodes(run)) return `the escapes "${clip(run)}" are not UTF-8 (a character cut short or a stray byte)`;
    i += run.length - 1;
  }
  return null;
}

/** `search` is location.search, with or without its "?". */
export function readQuery(search: string): PageQuery {
  const params = new URLSearchParams();
  const problems: UrlProblem[] = [];
  const kept: string[] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const rawValue = at < 0 ? '' : pair.slice(at + 1);
    const nameFault = malformedEscape(rawName);
    const valueFault = nameFault === null ? malformedEscape(rawValue) : null;
    if (nameFault === null && valueFault === null) {
      params.append(decodePart(rawName), decodePart(rawValue));
      kept.push(pair);
    } else if (nameFault !== null) {
      problems.push({
        param: rawName,
        value: rawValue,
        message: `name "${clip(rawName)}" (= "${clip(rawValue)}") has a malformed percent escape: ${nameFault}; the parameter is ignored.`,
      });
    } else {
      const name = decodePart(rawName);
      problems.push({
        param: name,
        value: rawValue,
        message: `${clip(name)} = "${clip(rawValue)}" has a malformed percent escape: ${valueFault ?? ''}; ${clip(name)} is ignored and its default is used.`,
      });
    }
  }
  return { params, problems, cleaned: problems.length > 0 ? kept.join('&') : null };
}
