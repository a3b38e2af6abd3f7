/**
 * `npm run export-torch -- --out DIR [--preset NAME] [runner config flags]`: writes a PyTorch
 * project that trains the experiment with `python3 train.py` or under torchrun (see
 * templates/torch/README.md). The reference steps run on the cpu backend, the bit-exact one.
 */
import { convImplFor } from '../core/model/conv';
import { useNodeBackend } from './backend-node';
import { exportTorchProject } from './exportTorch';
import { parseExportTorchArgs } from './exportTorchArgs';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseExportTorchArgs(argv);
  const backend = await useNodeBackend('cpu');
  const origin = `npm run export-torch -- ${argv.join(' ')}`;
  const files = await exportTorchProject(args, origin, convImplFor(backend), (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`wrote ${files.length} files to ${args.out}\nnext: cd ${args.out} && python3 train.py   (or: python3 -m torch.distributed.run --nproc_per_node=2 train.py)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
