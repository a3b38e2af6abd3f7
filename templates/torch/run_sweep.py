"""Trains every cell of the exported sweep on this machine, P cells at a time, then merges them into
sweep.json, the file the page's "Import sweep" reads.

  python3 run_sweep.py --parallel 2                 # 2 cells side by side, each one train.py --cell N
  python3 run_sweep.py --parallel 2 --torchrun 4    # each cell under torchrun with 4 processes
  python3 run_sweep.py --merge-only                 # only merge cells trained elsewhere (train.py --cell N)

Resumable: a finished cell (cells/cell-N/cell.json) is skipped, and a cell stopped part-way keeps
the runs it finished (cells/<owner>/runs/<key>.json), so running the same command again trains only
what is missing. Each cell's output goes to cells/cell-N/log.txt; one progress line per change
goes to stderr. A cell that fails is named with the end of its log, the others go on, and nothing
is merged until every cell has finished.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time

from masst_data import DataError
from masst_sweep import cell_dir, merge, missing_cells, read_plan, write_json

HERE = os.path.dirname(os.path.abspath(__file__))
LOG_TAIL = 20


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--parallel", type=int, default=1, help="cells trained side by side (default 1)")
    p.add_argument("--torchrun", type=int, default=0, metavar="NPROC",
                   help="run each cell under torchrun with NPROC processes (default 0: one plain process)")
    p.add_argument("--device", choices=["cpu", "cuda"], default=None, help="train.py --device (default: cuda when available)")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads per process (default: the cores / (parallel x processes), at least 1)")
    p.add_argument("--checkpoint-every", type=int, default=None, help="train.py --checkpoint-every")
    p.add_argument("--out", default=os.path.join(HERE, "sweep.json"), help="the merged sweep file (default: sweep.json here)")
    p.add_argument("--merge-only", action="store_true", help="train nothing: merge the finished cells (all must be)")
    args = p.parse_args()
    if args.parallel < 1:
        raise DataError(f"--parallel {args.parallel} is not allowed: expected 1 or more cells at a time")
    if args.torchrun < 0:
        raise DataError(f"--torchrun {args.torchrun} is not allowed: expected 0 (no torchrun) or a number of processes per cell")
    if args.threads is not None and args.threads < 1:
        raise DataError(f"--threads {args.threads} is not allowed: expected 1 or more")
    return args


def free_port():
    """A port nobody listens on now: each torchrun of cells run side by side needs its own rendezvous."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def torchrun_compat_flags():
    """torch < 2 on Python >= 3.11: torchrun's default --redirects 0 --tee 0 fails there (README)."""
    import torch
    return ["--redirects", "2", "--tee", "2"] if sys.version_info >= (3, 11) and int(torch.__version__.split(".")[0]) < 2 else []


def gpu_groups(args):
    """Device lists for CUDA_VISIBLE_DEVICES, one per slot, when there are enough GPUs for every
    cell running at once to have its own; else None (all cells see every GPU)."""
    if args.device == "cpu":
        return None
    import torch
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    ids = visible.split(",") if visible else [str(i) for i in range(torch.cuda.device_count())]
    per = max(1, args.torchrun)
    if len(ids) < args.parallel * per or args.parallel == 1:
        return None
    return [",".join(ids[s * per:(s + 1) * per]) for s in range(args.parallel)]


def cell_command(args, index, threads):
    tail = ["train.py", "--cell", str(index), "--threads", str(threads)]
    if args.device is not None:
        tail += ["--device", args.device]
    if args.checkpoint_every is not None:
        tail += ["--checkpoint-every", str(args.checkpoint_every)]
    if args.torchrun == 0:
        return [sys.executable, *tail]
    return [sys.executable, "-m", "torch.distributed.run", f"--nproc_per_node={args.torchrun}",
            "--master_addr=127.0.0.1", f"--master_port={free_port()}", *torchrun_compat_flags(), *tail]


def log_tail(path):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-LOG_TAIL:])
    except OSError:
        return "(no log)\n"


class Runner:
    """The cells to train, P at a time; one progress line on stderr per change."""

    def __init__(self, args, todo, total):
        self.args, self.todo, self.total = args, list(todo), total
        self.earlier = total - len(todo)
        self.running, self.done, self.failed = {}, [], []
        self.groups = gpu_groups(args)
        # The cores this process may use (a container's or a job's share), not the machine's.
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        self.threads = args.threads or max(1, cores // (args.parallel * max(1, args.torchrun)))
        self.began = time.perf_counter()

    def progress(self):
        running = ", ".join(str(i) for i in sorted(self.running)) or "none"
        failed = ", ".join(str(i) for i in sorted(self.failed)) or "none"
        print(f"run_sweep: cells {self.earlier + len(self.done)}/{self.total} finished ({self.earlier} earlier) "
              f"\u00b7 running {running} \u00b7 failed {failed} \u00b7 {time.perf_counter() - self.began:.1f} s", file=sys.stderr, flush=True)

    def start(self, index, slot):
        folder = cell_dir(HERE, index)
        os.makedirs(folder, exist_ok=True)
        log = open(os.path.join(folder, "log.txt"), "a")
        command = cell_command(self.args, index, self.threads)
        log.write(f"=== {time.strftime('%Y-%m-%d %H:%M:%S')}: {' '.join(command)}\n")
        log.flush()
        env = {**os.environ, "OMP_NUM_THREADS": str(self.threads)}
        if self.groups is not None:
            env["CUDA_VISIBLE_DEVICES"] = self.groups[slot]
        process = subprocess.Popen(command, cwd=HERE, stdout=log, stderr=subprocess.STDOUT, env=env)
        self.running[index] = (process, log, slot)

    def finish(self, index, code):
        process, log, slot = self.running.pop(index)
        log.close()
        if code == 0:
            self.done.append(index)
        else:
            self.failed.append(index)
            print(f"run_sweep: cell {index} failed (exit {code}); the end of {os.path.join(cell_dir(HERE, index), 'log.txt')}:\n"
                  f"{log_tail(os.path.join(cell_dir(HERE, index), 'log.txt'))}", file=sys.stderr, flush=True)
        return slot

    def stop(self):
        for process, _, _ in self.running.values():
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for index, (process, _, _) in list(self.running.items()):
            try:
                code = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                code = process.wait()
            self.finish(index, code)

    def run(self):
        free = list(range(self.args.parallel))
        self.progress()
        while self.todo or self.running:
            while self.todo and free:
                self.start(self.todo.pop(0), free.pop(0))
                self.progress()
            time.sleep(0.2)
            for index, (process, _, _) in list(self.running.items()):
                code = process.poll()
                if code is not None:
                    free.append(self.finish(index, code))
                    self.progress()
        return not self.failed


def main():
    args = parse_args()
    plan = read_plan(HERE)
    total = len(plan["cells"])
    missing = missing_cells(HERE, plan)
    todo = [] if args.merge_only else missing
    how = f", each under torchrun with {args.torchrun} processes" if args.torchrun else ""
    if args.merge_only:
        print(f"run_sweep: {total} cells, {total - len(missing)} finished; merging only", file=sys.stderr, flush=True)
    else:
        print(f"run_sweep: {total} cells, {total - len(todo)} finished earlier (skipped), {len(todo)} to train, "
              f"{args.parallel} at a time{how}", file=sys.stderr, flush=True)
    if todo:
        runner = Runner(args, todo, total)
        try:
            ok = runner.run()
        except KeyboardInterrupt:
            runner.stop()
            print("run_sweep: stopped; finished cells and runs are kept: run the same command again to train the rest",
                  file=sys.stderr)
            return 130
        if not ok:
            print(f"run_sweep: cells {', '.join(map(str, sorted(runner.failed)))} failed; nothing merged. "
                  "Run the same command again to retry them (finished cells are skipped).", file=sys.stderr)
            return 1
    sweep = merge(HERE, plan)
    write_json(args.out, sweep)
    for cell in sweep["cells"]:
        print(f"{cell['label']}: {cell['summary']}", file=sys.stderr)
    print(f"run_sweep: wrote {args.out} ({total} cells); import it on the page: Sweep, Import sweep", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        code = main()
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        code = 2
    sys.exit(code)
