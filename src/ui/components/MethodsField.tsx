/** Which runs the comparison trains: Conventional, SST, and MASST with its number of agents K. */
import type { RunSpec } from '../../core/config';

interface Props {
  runs: readonly RunSpec[];
  errors: ReadonlyMap<string, string>;
  onChange: (runs: RunSpec[]) => void;
}

export function MethodsField({ runs, errors, onChange }: Props) {
  const has = (m: RunSpec['method']) => runs.some((r) => r.method === m);
  const masst = runs.find((r) => r.method === 'masst');
  const masstIndex = runs.findIndex((r) => r.method === 'masst');
  const toggle = (method: RunSpec['method'], on: boolean, agents = 1) => {
    const rest = runs.filter((r) => r.method !== method);
    const order: RunSpec['method'][] = ['conventional', 'sst', 'masst'];
    const next = on ? [...rest, { method, agents }] : rest;
    onChange(next.sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method)));
  };
  const messages = [...errors.entries()].filter(([f]) => f.startsWith('runs')).map(([, m]) => m);
  return (
    <div className={messages.length > 0 ? 'field invalid' : 'field'} role="group" aria-label="Methods">
      <span className="field-label">Methods</span>
      <label><input type="checkbox" checked={has('conventional')} onChange={(e) => toggle('conventional', e.target.checked)} /> Conventional</label>
      <label><input type="checkbox" checked={has('sst')} onChange={(e) => toggle('sst', e.target.checked)} /> SST</label>
      <label>
        <input type="checkbox" checked={masst !== undefined} onChange={(e) => toggle('masst', e.target.checked, 4)} /> MASST K=
        <input
          type="number"
          aria-label="MASST agents K"
          className="narrow"
          value={masst?.agents ?? 4}
          disabled={masst === undefined}
          onChange={(e) => onChange(runs.map((r, i) => (i === masstIndex ? { ...r, agents: Number(e.target.value) } : r)))}
        />
      </label>
      {messages.map((m) => (
        <span key={m} className="field-error" role="note">{m}</span>
      ))}
    </div>
  );
}
