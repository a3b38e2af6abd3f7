/** "How it works", under the tool: a few paragraphs for a student (help.ts). */
import { HOW_IT_WORKS } from '../help';

export function HowItWorks() {
  return (
    <section className="how-it-works" aria-labelledby="how-it-works">
      <h2 id="how-it-works">How it works</h2>
      {HOW_IT_WORKS.map((p) => (
        <p key={p.title}>
          <strong>{p.title}.</strong> {p.text}
        </p>
      ))}
    </section>
  );
}
