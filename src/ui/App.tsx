/** The page shell. The training playground itself arrives with the worker (issue 3). */
export function App() {
  return (
    <main>
      <h1>MASST Playground</h1>
      <p>
        Conventional, SST and MASST face-embedding training side by side. The headless runner works
        today: <code>npm run experiment -- --preset smoke</code>.
      </p>
    </main>
  );
}
