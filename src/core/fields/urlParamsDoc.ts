/**
 * docs/url-parameters.md, generated: the config's parameters from the field table (table.ts), the
 * page's own parameters (seeds, workers, checkpoints, chart series, the sweep) in words here.
 * `npm run docs:url-params` writes it; urlParamsDoc.test.ts fails when the committed file differs.
 */
import { BACKEND_CHOICES } from '../backends';
import { DEFAULT_CHECKPOINT_EVERY, MAX_CHECKPOINT_EVERY } from '../checkpointEvery';
import { PRESET_NAMES } from '../presets';
import { MAX_SEEDS } from '../seedList';
import { MAX_WORKERS } from '../seeds';
import { ruleText, urlFields } from './table';
import type { FieldSpec } from './types';

export const URL_PARAMS_DOC = 'docs/url-parameters.md';
export const URL_PARAMS_COMMAND = 'npm run docs:url-params';

/** A table cell: pipes escaped, one line. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(f: FieldSpec): string {
  const name = `\`${f.param as string}\`${f.oldParams === undefined ? '' : ` (old name${f.oldParams.length > 1 ? 's' : ''} ${f.oldParams.map((o) => `\`${o}\``).join(', ')}, still read with a notice)`}`;
  const label = f.form === undefined ? '—' : `“${f.form.label}”`;
  const flag = f.flag === undefined ? `\`--set ${f.path}=…\`` : `\`${f.flag}\``;
  return `| ${name} | \`${f.path}\` | ${cell(label)} | ${cell(ruleText(f.rule))} | ${flag} | ${cell(f.help)} |`;
}

export function urlParametersDoc(): string {
  return `<!-- Generated from src/core/fields (the field table) by ${URL_PARAMS_COMMAND}; edit the table, not this file. -->
# URL parameters

The page's whole configuration lives in the URL (\`?preset=smoke&seed=7&seeds=3&batch=4&queue=16&loss=arc&methods=sst,masst4\`). How the page treats a bad, unknown, repeated or malformed parameter is in [page.md](page.md#the-url-and-bad-values); \`hide=\` and \`lock=\` are in [page.md](page.md#guided-scenarios-and-teacher-mode).

## The page's own parameters

- \`preset\`: ${PRESET_NAMES.join(', ')}; every configuration parameter below is written only when it differs from the preset.
- \`seeds\`: a count of consecutive seeds from \`seed\` (\`seeds=3\`, 1 to ${MAX_SEEDS}), or a list of 1 to ${MAX_SEEDS} distinct integers from 0 to 4294967295 (\`seeds=4,9,12\`); demo 3, the others 1. The runner's \`--seeds\` takes the same lists.
- \`workers\`: the pool size, 1–${MAX_WORKERS} (default: the cores the browser reports).
- \`checkpoint\`: steps between two checkpoints of the workers, 1–${MAX_CHECKPOINT_EVERY}, default ${DEFAULT_CHECKPOINT_EVERY}.
- \`backend\`: ${BACKEND_CHOICES.join(', ')}.

## The configuration

One parameter per field of the configuration; the runner sets the same field with its flag, or with \`--set path=value\`.

| Parameter | Config field | Form label | Allowed | Runner | Meaning |
| --- | --- | --- | --- | --- | --- |
${urlFields().map(row).join('\n')}

## Chart series

\`hideSeries\`: the chart series hidden from their legends ([page.md](page.md#handling-a-chart)), written by the page
when a legend entry is clicked: per chart its id, a colon and the hidden series' keys separated by
commas, charts separated by semicolons: \`hideSeries=loss:SST,MASST K=4;accuracy:Conventional\`. The
charts are \`loss\`, \`accuracy\`, \`difference\`, \`roc\`, \`etaLoss\`, \`etaGrad\`, \`beta\`, \`lipschitz\`,
\`landscape\` and \`agents\`; a key is what the legend shows for a live series (a method's label,
"A − B", "untrained"), at most 100 characters, with \`%\`, \`,\` and \`;\` written as \`%25\`, \`%2C\` and
\`%3B\`. A part with an unknown chart, an empty or over-long key or another \`%\` is reported with the
value and what is allowed, and ignored; a key that matches no series hides nothing
(\`src/core/hiddenSeries.ts\`).

## The sweep

The Sweep section's setup ([page.md](page.md#sweep)): \`sweepAxis1\` and \`sweepAxis2\` (an axis as
\`path:value1,value2\`, e.g. \`sweepAxis1=masst.agentAlpha:shared,horizonMatched\`; a sweepable field
and its allowed values), \`sweepMethods\` (\`sst,masst2,masst4\`) and \`sweepSeeds\` (\`1,2,3\`, the seeds rule above). A value a
field does not allow is named and left out (the other values stay); an unknown path, a malformed
axis, bad methods or seeds are named and ignored.
`;
}
