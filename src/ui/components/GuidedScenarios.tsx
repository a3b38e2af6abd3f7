/**
 * The guided scenarios (scenarios.ts): one button each; pressing one loads its URL query into the
 * form exactly as opening that link would, then shows its narration, what it set, and links to the
 * panels to watch. Disabled while the configuration cannot change (training, or lock=1).
 */
import { useState } from 'react';
import type { Scenario } from '../scenarios';
import { SCENARIOS } from '../scenarios';

interface Props {
  disabled: boolean;
  onLoad: (scenario: Scenario) => void;
}

function setsLine(s: Scenario): string {
  return Object.entries(s.sets)
    .map(([name, value]) => `${name}=${value}`)
    .join(' · ');
}

export function GuidedScenarios({ disabled, onLoad }: Props) {
  const [chosen, setChosen] = useState<Scenario | null>(null);
  return (
    // No aria-labelledby: a region named "Guided scenarios" would also match getByLabel('Scenario').
    <section className="scenarios">
      <h2 id="guided-scenarios">Guided scenarios</h2>
      <div className="scenario-buttons">
        {SCENARIOS.map((s) => (
          <button
            key={s.id}
            type="button"
            disabled={disabled}
            aria-pressed={chosen?.id === s.id}
            onClick={() => {
              onLoad(s);
              setChosen(s);
            }}
          >
            {s.title}
          </button>
        ))}
      </div>
      {chosen && (
        <div className="scenario-story" aria-live="polite">
          <h3>{chosen.title}</h3>
          {chosen.story.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p className="scenario-sets">
            Loaded: <code>{setsLine(chosen)}</code> (<a href={`?${chosen.query}`}>link</a>). Press Train, then watch:
          </p>
          <ul>
            {chosen.watch.map((w) => (
              <li key={w.panel}>
                <a href={`#panel-${w.panel}`}>{w.heading}</a>: {w.what}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
