/**
 * Resolution shared by Vitest and the Node CLI build: every tfjs package pinned to its ES2017
 * module build. Left to Node's resolution the backends load the ES5 CommonJS `main` builds
 * (~2.5× slower on the cpu backend, docs/decisions.md) next to a second copy of tfjs-core.
 */
export function tfjsNodeAliases(root: string): Array<{ find: RegExp; replacement: string }> {
  return ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-backend-wasm', 'tfjs-backend-webgpu', 'tfjs-converter'].map(
    (name) => ({
      find: new RegExp(`^@tensorflow/${name}$`),
      replacement: `${root}/node_modules/@tensorflow/${name}/dist/index.js`,
    }),
  );
}
