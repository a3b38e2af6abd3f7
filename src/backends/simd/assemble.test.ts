import { describe, expect, it } from 'vitest';
import { assemble } from '../../../vite.wat.ts';

const kernel = (imports: string) => `;; a comment that quotes (import "env" "memory" (memory 1)) does not count
(module
${imports}
  (func (export "first") (result i32) (i32.load (i32.const 0))))`;

describe('vite.wat.ts assembles a kernel for a plain and a shared memory', () => {
  it('gives two modules that link to the memory they are meant for, and read it', async () => {
    const { plain, shared } = await assemble('k.wat', kernel('  (import "env" "memory" (memory 1))'));
    const run = async (bytes: Uint8Array<ArrayBuffer>, memory: WebAssembly.Memory): Promise<number> => {
      new Int32Array(memory.buffer)[0] = 42;
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      return (instance.exports.first as () => number)();
    };
    expect(await run(plain, new WebAssembly.Memory({ initial: 1 }))).toBe(42);
    expect(await run(shared, new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true }))).toBe(42);
    // Each only for its own kind: a plain module cannot take the shared memory, nor the reverse.
    await expect(
      WebAssembly.instantiate(plain, {
        env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true }) },
      }),
    ).rejects.toThrow();
    await expect(
      WebAssembly.instantiate(shared, { env: { memory: new WebAssembly.Memory({ initial: 1 }) } }),
    ).rejects.toThrow();
  });

  it('refuses a kernel without its memory import line, or with two', async () => {
    await expect(assemble('none.wat', kernel(''))).rejects.toThrow('none.wat: a kernel must import its memory once');
    const twice = '  (import "env" "memory" (memory 1))\n  (import "env" "memory" (memory 1))';
    await expect(assemble('two.wat', kernel(twice))).rejects.toThrow('found 2');
  });
});
