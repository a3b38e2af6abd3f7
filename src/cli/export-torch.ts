/**
 * `npm run export-torch -- --out DIR [--preset NAME] [runner config flags]` (--help: every flag): writes a PyTorch
 * project that trains the experiment with `python3 train.py` or under torchrun (see
 * templates/torch/README.md). The reference steps run on the cpu backend, the bit-exact one.
 * `npm run export-torch -- --sweep FILE --out DIR`: a whole sweep, trained by `python3 run_sweep.py`
 * (templates/torch/README-sweep.md).
 */
import { convImplFor } from '../core/model/conv';
import { useNodeBackend } from './backend-node';
import { exportOrigin, exportTorchProject, nextCommand, nextSweepCommand } from './exportTorch';
import { EXPORT_TORCH_COMMAND, parseExportTorchCommand } from './exportTorchArgs';
import { exportTorchSweep } from './exportTorchSweep';
import { helpText } from './flags/help';
import { wantsHelp } from './flags/parse';
import { terminalSafe, terminalSafeLines } from './terminalSafe';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(helpText(EXPORT_TORCH_COMMAND));
    return;
  }
  const parsed = parseExportTorchCommand(argv);
  const log = (line: string): void => void process.stderr.write(`${terminalSafeLines(line)}\n`);
  if (parsed.kind === 'sweep') {
    const files = await exportTorchSweep(parsed.args, exportOrigin(argv), log);
    process.stderr.write(
      `wrote ${files.length} files to ${terminalSafe(parsed.args.out)}\nnext: ${terminalSafe(nextSweepCommand(parsed.args.out))}   (or one cell: python3 train.py --cell 0)\n`,
    );
    return;
  }
  const args = parsed.args;
  const backend = await useNodeBackend('cpu');
  const files = await exportTorchProject(args, exportOrigin(argv), convImplFor(backend), log);
  // The command is printed as it is (a control character in --out shows up inside its quotes as
  // an escape, which a paste would not reproduce: such a folder is reached by hand).
  process.stderr.write(
    `wrote ${files.length} files to ${terminalSafe(args.out)}\nnext: ${terminalSafe(nextCommand(args.out))}   (or: python3 -m torch.distributed.run --nproc_per_node=2 train.py)\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${terminalSafeLines(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
});
