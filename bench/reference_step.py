"""The reference step of src/bench/reference.ts in PyTorch, for the ratio printed by
`npm run bench` where torch is installed. Prints the median ms of one SGD step."""
import statistics
import sys
import time

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else torch.get_num_threads())
reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
x = torch.sigmoid(torch.randn(64, 3, 32, 32))
labels = torch.arange(64) * 37 % 256
protos = F.normalize(torch.randn(256, 64), dim=1)
convs = [torch.nn.Conv2d(3, 16, 3, 1, 1, bias=False), torch.nn.Conv2d(16, 32, 3, 2, 1, bias=False),
         torch.nn.Conv2d(32, 64, 3, 2, 1, bias=False)]
dense = torch.nn.Linear(64, 64, bias=False)
params = [p for m in convs + [dense] for p in m.parameters()]
opt = torch.optim.SGD(params, lr=0.1)


def step():
    h = x
    for c in convs:
        h = F.relu(c(h))
    f = F.normalize(dense(h.mean(dim=(2, 3))), dim=1)
    loss = F.cross_entropy(16 * f @ protos.t(), labels)
    opt.zero_grad()
    loss.backward()
    opt.step()


for _ in range(3):
    step()
times = []
for _ in range(reps):
    t = time.perf_counter()
    step()
    times.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(times):.3f}")
