/**
 * The chart series a reader hid by clicking their legend entries, carried in the page's link:
 * `hideSeries=loss:SST,MASST K=4;accuracy:Conventional`, per chart its id, a colon and the hidden
 * series' keys (the method label, a comparison "A − B", "untrained"…) separated by commas; charts
 * separated by semicolons. A key holding "%", "," or ";" writes them as %25, %2C and %3B. A chart id
 * the page does not know, an empty or over-long key or a stray "%" is named with what is allowed,
 * and that chart's part is ignored; the other parts apply. A key that matches no series of its
 * chart hides nothing (series appear only once training runs, so it cannot be checked here).
 */
import type { UrlProblem } from './urlCodec';

export const HIDDEN_SERIES_PARAM = 'hideSeries';

/** Every chart whose legend can hide a series, with what it is; declared once, in page order. */
export const HIDABLE_CHARTS = {
  loss: 'Training loss by step',
  accuracy: 'Verification accuracy by step',
  difference: 'Accuracy difference by step',
  roc: 'ROC of the latest evaluation',
  etaLoss: 'Loss along the gradient',
  etaGrad: 'Gradient predictiveness',
  beta: 'Effective β-smoothness',
  lipschitz: 'Loss Lipschitz estimate',
  landscape: '1-D loss landscape',
  agents: 'Agent drift by step',
} as const;

export type ChartId = keyof typeof HIDABLE_CHARTS;
export const CHART_IDS = Object.keys(HIDABLE_CHARTS) as ChartId[];

export function isChartId(name: string): name is ChartId {
  return Object.prototype.hasOwnProperty.call(HIDABLE_CHARTS, name);
}

/** Per chart, the keys of its hidden series (sorted, no repeats); a chart with none is absent. */
export type HiddenSeries = Readonly<Partial<Record<ChartId, readonly string[]>>>;

/** A series key is a label the page wrote itself; past this length a link's key is not one. */
export const MAX_SERIES_KEY = 100;

const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', ',': '%2C', ';': '%3B' };
const UNESCAPES: Readonly<Record<string, string>> = { '%25': '%', '%2C': ',', '%3B': ';' };

const escapeKey = (key: string): string => key.replace(/[%,;]/g, (c) => ESCAPES[c] ?? c);

/** The key a link's text stands for, or what is wrong with it. */
function unescapeKey(text: string): { key: string } | { fault: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { fault: 'an empty series name' };
  if (/%(?!25|2C|3B)/i.test(trimmed)) return { fault: `"${trimmed}" with a "%" that is not %25, %2C or %3B` };
  const key = trimmed.replace(/%(25|2C|3B)/gi, (m) => UNESCAPES[m.toUpperCase()] ?? m);
  if (key.length > MAX_SERIES_KEY)
    return { fault: `a series name of ${key.length} characters (at most ${MAX_SERIES_KEY})` };
  return { key };
}

/** What one `chart:key,key` part hides, or what is wrong with it. */
function decodePart(part: string): { chart: ChartId; keys: string[] } | { fault: string } {
  const colon = part.indexOf(':');
  if (colon < 0) return { fault: `"${part}" has no ":" between a chart and its series` };
  const chart = part.slice(0, colon).trim();
  if (!isChartId(chart)) return { fault: `"${chart}" is not a chart (the charts are ${CHART_IDS.join(', ')})` };
  const keys: string[] = [];
  for (const text of part.slice(colon + 1).split(',')) {
    const k = unescapeKey(text);
    if ('fault' in k) return { fault: `${chart} lists ${k.fault}` };
    keys.push(k.key);
  }
  return { chart, keys };
}

/** `text`'s hidden series, or none when it is null; each bad part named and ignored. */
export function parseHiddenSeries(text: string | null): { hidden: HiddenSeries; problems: UrlProblem[] } {
  const hidden: Partial<Record<ChartId, Set<string>>> = {};
  const problems: UrlProblem[] = [];
  if (text === null) return { hidden: {}, problems };
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const d = decodePart(part);
    if ('fault' in d) {
      problems.push({
        param: HIDDEN_SERIES_PARAM,
        value: text,
        message: `${HIDDEN_SERIES_PARAM} = "${text}" is not allowed: ${d.fault}; expected chart:series,series;chart:series (a chart one of ${CHART_IDS.join(', ')}); "${part}" is ignored.`,
      });
      continue;
    }
    const set = hidden[d.chart] ?? new Set<string>();
    for (const k of d.keys) set.add(k);
    hidden[d.chart] = set;
  }
  return { hidden: normalise(hidden), problems };
}

export function decodeHiddenSeries(params: URLSearchParams): { hidden: HiddenSeries; problems: UrlProblem[] } {
  return parseHiddenSeries(params.get(HIDDEN_SERIES_PARAM));
}

/** Charts in CHART_IDS order, keys sorted, no chart without keys: one link per set of hidden series. */
export function normalise(hidden: Partial<Record<ChartId, Iterable<string>>>): HiddenSeries {
  const out: Partial<Record<ChartId, readonly string[]>> = {};
  for (const id of CHART_IDS) {
    const keys = [...new Set(hidden[id] ?? [])].sort();
    if (keys.length > 0) out[id] = keys;
  }
  return out;
}

/** The parameter's text, charts in page order and keys sorted; '' when nothing is hidden. */
export function formatHiddenSeries(hidden: HiddenSeries): string {
  return CHART_IDS.flatMap((id) => {
    const keys = hidden[id] ?? [];
    return keys.length > 0 ? [`${id}:${[...new Set(keys)].sort().map(escapeKey).join(',')}`] : [];
  }).join(';');
}

/** Sets `hideSeries` when a series is hidden (a link that reloads hides it again). */
export function encodeHiddenSeries(params: URLSearchParams, hidden: HiddenSeries): void {
  const text = formatHiddenSeries(hidden);
  if (text !== '') params.set(HIDDEN_SERIES_PARAM, text);
}

/** `hidden` with `key` of `chart` hidden if it was shown, shown if it was hidden; the other charts' lists kept as they are. */
export function toggleHidden(hidden: HiddenSeries, chart: ChartId, key: string): HiddenSeries {
  const keys = new Set(hidden[chart] ?? []);
  if (keys.has(key)) keys.delete(key);
  else keys.add(key);
  const next: Partial<Record<ChartId, readonly string[]>> = { ...hidden };
  if (keys.size > 0) next[chart] = [...keys].sort();
  else delete next[chart];
  return next;
}
