"""The playground's random streams and SST batch sampler, ported bit for bit.

`Rng` is sfc32 seeded through splitmix32 (src/core/rng.ts); `derive_seed` gives each purpose
('order', 'enqueue', 'init', 'head', 'queue') its own stream. Integer draws, shuffles and coins
are exact, so the exported project draws the very batches the playground drew for the same seed;
normal draws go through libm's log/sin/cos and may differ from V8's in the last bit of a double.
`PairSampler` is src/core/train/sampler.ts: B distinct identities per batch, two different images
of each (the same one twice if it has one), identities still in the prototype queue(s) left out of
the next epoch.
"""
import math

MASK = 0xFFFFFFFF


def _splitmix32(state):
    s = state & MASK

    def draw():
        nonlocal s
        s = (s + 0x9E3779B9) & MASK
        z = s
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
        return (z ^ (z >> 16)) & MASK

    return draw


def _fnv1a(text):
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & MASK
    return h


def derive_seed(seed, purpose, index=0):
    """An independent 32-bit sub-seed of `seed` for one purpose (rng.ts deriveSeed)."""
    first = _splitmix32((seed & MASK) ^ _fnv1a(purpose))()
    return (first ^ (((index + 1) * 0x27D4EB2D) & MASK)) & MASK


class Rng:
    """sfc32 with 128 bits of state; next() is uniform in [0, 1) with 32 random bits."""

    def __init__(self, seed):
        init = _splitmix32(seed)
        self.a, self.b, self.c, self.d = init(), init(), init(), init()
        self.spare = None
        for _ in range(12):
            self.next()

    def _u32(self):
        t = (((self.a + self.b) & MASK) + self.d) & MASK
        self.d = (self.d + 1) & MASK
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & MASK
        self.c = ((self.c << 21) | (self.c >> 11)) & MASK
        self.c = (self.c + t) & MASK
        return t

    def next(self):
        return self._u32() / 4294967296.0

    def int(self, n):
        return math.floor(self.next() * n)

    def chance(self, p):
        return self.next() < p

    def normal(self):
        """Box-Muller, one value per call; the twin is kept for the next call."""
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        r = math.sqrt(-2.0 * math.log(1.0 - self.next()))
        theta = 2.0 * math.pi * self.next()
        self.spare = r * math.sin(theta)
        return r * math.cos(theta)

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = math.floor(self.next() * (i + 1))
            items[i], items[j] = items[j], items[i]
        return items


def images_by_id(labels, ids):
    """Image indices of each identity, [ids] lists, from the train labels [N]."""
    lists = [[] for _ in range(ids)]
    for i, label in enumerate(labels):
        lists[label].append(i)
    return lists


class PairSampler:
    """Batches of B distinct identities with two views each; `queue_batches` = Q/B (K*Q/B for
    per-agent queues): the identities of that many recent batches sit in the queue(s)."""

    def __init__(self, images, batch_size, queue_batches, rng):
        usable = len(images) - queue_batches * batch_size
        if usable < batch_size:
            raise ValueError(
                f"{len(images)} identities minus {queue_batches * batch_size} queued leave fewer "
                f"than one batch of {batch_size}")
        for identity, imgs in enumerate(images):
            if not imgs:
                raise ValueError(f"identity {identity} has no images")
        self.images, self.batch_size, self.queue_batches, self.rng = images, batch_size, queue_batches, rng
        self.order, self.cursor, self.epoch, self.recent = [], 0, -1, []

    def next(self):
        """(ids, view1, view2): lists of B identity and image indices."""
        if self.epoch < 0 or self.cursor + self.batch_size > len(self.order):
            self._start_epoch()
        ids = self.order[self.cursor:self.cursor + self.batch_size]
        self.cursor += self.batch_size
        view1, view2 = [], []
        for identity in ids:
            imgs = self.images[identity]
            first = self.rng.int(len(imgs))
            second = first
            if len(imgs) > 1:
                second = (first + 1 + self.rng.int(len(imgs) - 1)) % len(imgs)
            view1.append(imgs[first])
            view2.append(imgs[second])
        self.recent.append(ids)
        if len(self.recent) > self.queue_batches:
            self.recent.pop(0)
        return ids, view1, view2

    def _start_epoch(self):
        excluded = {i for batch in self.recent for i in batch}
        self.order = self.rng.shuffle([i for i in range(len(self.images)) if i not in excluded])
        self.cursor = 0
        self.epoch += 1
