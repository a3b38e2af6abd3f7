#!/usr/bin/env bash
# The search behind the `demo` preset (docs/DEMO_SEARCH.md): each named configuration is the
# `shallow` preset plus the changes of the team's first probe of the engine ("probe", below; it
# is docs/DEMO_SEARCH.md's probe-400) plus its own `--set`
# overrides, trained on a pool of 2 workers, seeds as given. `demo` is the preset as shipped.
# Prints one line per run (label, seed, accuracy at each evaluation, final, ms/step), the paired
# differences and the wall time.
#   bash bench/demo-search.sh NAME [SEEDS] [METHODS]     e.g. bash bench/demo-search.sh b16-600 1,2,3
# Needs `npm run experiment` built once (dist-cli/), or CLI=dir pointing at a copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."
cli="${CLI:-dist-cli}"
name="$1"
seeds="${2:-1,2,3}"
methods="${3:-conventional,sst,masst4}"
probe=(data.trainIds=256 data.testIds=150 data.imageSize=24 data.pairs=2000
  data.variation.featureJitter=0.1 data.variation.lighting=0.3 data.variation.pose=0.5
  data.variation.hair=0.3 data.variation.expression=0.3 data.variation.color=0.2
  model.backbone=tiny model.embedDim=32 gallery.alpha=0.98 gallery.queueSize=128
  steps=400 batchSize=32 analysis.every=0 analysis.landscapeEvery=0)
preset=shallow
case "$name" in
  demo) preset=demo; sets=(eval.every=50) ;;
  probe-400) sets=("${probe[@]}") ;;
  b16-600) sets=("${probe[@]}" batchSize=16 steps=600) ;;
  px16-600) sets=("${probe[@]}" data.imageSize=16 steps=600) ;;
  px16-b16-1000) sets=("${probe[@]}" data.imageSize=16 batchSize=16 steps=1000) ;;
  *) echo "unknown configuration $name" >&2; exit 2 ;;
esac
args=()
for s in "${sets[@]}"; do args+=(--set "$s"); done
out="out/search/$name-$seeds-$methods"
mkdir -p "$out"
start=$(date +%s)
node "$cli/experiment.js" --preset "$preset" --seeds "$seeds" --workers 2 --set "eval.every=100" ${args[@]+"${args[@]}"} \
  --methods "$methods" --out "$out" > "$out.txt" 2> "$out.err" || { tail -5 "$out.err"; exit 1; }
end=$(date +%s)
node -e '
const r = require(process.argv[1]);
for (const run of r.runs) console.log([run.label, run.seed, ...run.evals.map((e) => `${e.step}:${e.accuracy.toFixed(3)}`), `final:${run.eval.accuracy.toFixed(3)}±${run.eval.accuracyStdErr.toFixed(3)}`, `${run.msPerStep.toFixed(0)}ms/step`].join(" "));
for (const u of r.untrained) console.log(`untrained ${u.seed} ${u.eval.accuracy.toFixed(3)}`);
for (const p of r.pairedDifferences) console.log(`${p.label}: ${p.accuracy.perSeed.map((d) => d.toFixed(3)).join(" ")}`);
console.log(`wall ${r.pool.wallSeconds.toFixed(0)} s`);
' "$PWD/$out/results.json"
echo "($name, seeds $seeds, $methods: $((end - start)) s with start-up)"
