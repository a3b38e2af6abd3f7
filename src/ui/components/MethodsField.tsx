/** Which runs the comparison trains: Conventional, SST, and MASST with its number of agents K. */
import type { RunSpec } from '../../core/config';
import { useHelp } from './Field';
import { HelpTip } from './Help';

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
  const group = useHelp('Methods');
  const conv = useHelp('Conventional');
  const sst = useHelp('SST');
  const mas = useHelp('MASST');
  const k = useHelp('MASST agents K');
  const messages = [...errors.entries()].filter(([f]) => f.startsWith('runs')).map(([, m]) => m);
  return (
    <div
      className={messages.length > 0 ? 'field has-help invalid' : 'field has-help'}
      role="group"
      aria-label="Methods"
      aria-describedby={group.helpId}
    >
      <span className="field-label">Methods</span>
      <label>
        <input
          type="checkbox"
          aria-describedby={conv.helpId}
          checked={has('conventional')}
          onChange={(e) => toggle('conventional', e.target.checked)}
        />{' '}
        Conventional
      </label>
      <label>
        <input
          type="checkbox"
          aria-describedby={sst.helpId}
          checked={has('sst')}
          onChange={(e) => toggle('sst', e.target.checked)}
        />{' '}
        SST
      </label>
      <label>
        <input
          type="checkbox"
          aria-describedby={mas.helpId}
          checked={masst !== undefined}
          onChange={(e) => toggle('masst', e.target.checked, 4)}
        />{' '}
        MASST K=
        <input
          type="number"
          aria-label="MASST agents K"
          aria-describedby={k.helpId}
          className="narrow"
          value={masst?.agents ?? 4}
          disabled={masst === undefined}
          onChange={(e) =>
            onChange(runs.map((r, i) => (i === masstIndex ? { ...r, agents: Number(e.target.value) } : r)))
          }
        />
      </label>
      {group.helpId && <HelpTip id={group.helpId} text={[group.text, k.text].join(' ')} />}
      {[conv, sst, mas].map(
        (h) =>
          h.helpId && (
            <span key={h.helpId} id={h.helpId} className="sr-only">
              {h.text}
            </span>
          ),
      )}
      {k.helpId && (
        <span id={k.helpId} className="sr-only">
          {k.text}
        </span>
      )}
      {messages.map((m) => (
        <span key={m} className="field-error" role="note">
          {m}
        </span>
      ))}
    </div>
  );
}
