/**
 * `npm run export-torch -- --out DIR [--preset NAME] [runner config flags]` (--help: every flag): writes a PyTorch
 * project that trains the experiment with `python3 train.py` or under torchrun (see
 * templates/torch/README.md). The reference steps run on the cpu backend, the bit-exact one.
 */
import { convImplFor } from '../core/model/conv';
import { useNodeBackend } from './backend-node';
import { exportOrigin, exportTorchProject, nextCommand } from './exportTorch';
import { EXPORT_TORCH_COMMAND, parseExportTorchArgs } from './exportTorchArgs';
import { helpText } from './flags/help';
import { wantsHelp } from './flags/parse';
import { terminalSafe, terminalSafeLines } from './terminalSafe';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(helpText(EXPORT_TORCH_COMMAND));
    return;
  }
  const args = parseExportTorchArgs(argv);
  const backend = await useNodeBackend('cpu');
  const files = await exportTorchProject(args, exportOrigin(argv), convImplFor(backend), (line) => process.stderr.write(`${terminalSafeLines(line)}\n`));
  // The command is printed as it is (a control character in --out shows up inside its quotes as
  // an escape, which a paste would not reproduce: such a folder is reached by hand).
  process.stderr.write(`wrote ${files.length} files to ${terminalSafe(args.out)}\nnext: ${terminalSafe(nextCommand(args.out))}   (or: python3 -m torch.distributed.run --nproc_per_node=2 train.py)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${terminalSafeLines(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
});
