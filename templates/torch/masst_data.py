"""The data of an exported experiment, read with PyTorch and the standard library only.

data/index.json says which of two formats the project uses:
- "arrays": the playground's synthetic dataset of the seed as raw little-endian files (float32
  pixels [N, H, W, C] in [0, 1], int32 labels, and the verification pairs: int32 image indices
  a and b, uint8 same / lookalike / fold in 0..9);
- "image-list": real images named in FaceX-Zoo's list format, one `relative/path label` per line
  (label: 0-based integer identity), under a root folder; a test list in the same format and a
  pairs file with one `relative/pathA relative/pathB same` per line (same: 1 or 0; both paths must
  be in the test list; the pairs are cut into 10 folds in file order, as LFW's 10 sets).
  Decoded here: PNG (8-bit grey, grey + alpha, RGB, RGBA; not interlaced) and binary PGM / PPM
  (P5 / P6, maxval 255). Every image must have the same square size. Alpha is dropped; RGB
  becomes grey by ITU-R 601 luma when the config has 1 channel, grey is repeated for 3.
Every problem stops with the path (and line number) it is about.
"""
import json
import os
import struct
import sys
import zlib

import torch

DTYPES = {"f32": (torch.float32, 4), "i32": (torch.int32, 4), "u8": (torch.uint8, 1)}


class DataError(Exception):
    """A data file that is missing or malformed; the message names the path (and line)."""


def read_json(path, what):
    """A JSON file the project wrote (config, manifest, plan, records): errors name the path and `what`."""
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        raise DataError(f"{path}: cannot read the {what} ({e.strerror})") from None
    except ValueError as e:
        raise DataError(f"{path}: the {what} is not JSON ({e})") from None


def read_raw(folder, name, kind, count):
    path = os.path.join(folder, name)
    dtype, width = DTYPES[kind]
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise DataError(f"{path}: cannot read the data file ({e.strerror})") from None
    if len(raw) != count * width:
        raise DataError(f"{path}: {len(raw)} bytes, expected {count} values of {width} bytes")
    if sys.byteorder != "little":
        raise DataError(f"{path}: the data files are little-endian and this machine is {sys.byteorder}-endian")
    return torch.frombuffer(bytearray(raw), dtype=dtype)


def load(index_path, channels):
    """{'train': (images [N, H, W, C], labels list), 'train_ids', 'test': (...), 'pairs': dict}."""
    if not os.path.isfile(index_path):
        raise DataError(f"{index_path}: no such data index (give --data PATH/index.json)")
    with open(index_path) as f:
        index = json.load(f)
    folder = os.path.dirname(index_path)
    if index.get("format") == "arrays":
        return _load_arrays(folder, index)
    if index.get("format") == "image-list":
        return _load_lists(folder, index, channels)
    raise DataError(f"{index_path}: format {index.get('format')!r}; expected 'arrays' or 'image-list'")


def _load_arrays(folder, index):
    def split(s):
        n, side, c = s["count"], s["size"], s["channels"]
        pixels = read_raw(folder, s["pixels"], "f32", n * side * side * c).reshape(n, side, side, c)
        return pixels, read_raw(folder, s["labels"], "i32", n).tolist()

    p = index["pairs"]
    pairs = {key: read_raw(folder, p[key], kind, p["count"]).tolist()
             for key, kind in (("a", "i32"), ("b", "i32"), ("same", "u8"), ("lookalike", "u8"), ("fold", "u8"))}
    return {"train": split(index["train"]), "train_ids": index["trainIds"], "test": split(index["test"]), "pairs": pairs}


def _load_lists(folder, index, channels):
    root = os.path.join(folder, index["root"])
    train_paths, train_labels = read_list(os.path.join(folder, index["train"]))
    test_paths, test_labels = read_list(os.path.join(folder, index["test"]))
    pairs = read_pairs(os.path.join(folder, index["pairs"]), {p: i for i, p in enumerate(test_paths)})
    train = decode_all(root, train_paths, channels)
    test = decode_all(root, test_paths, channels)
    if train.shape[1:] != test.shape[1:]:
        raise DataError(f"train images are {train.shape[1]}x{train.shape[2]}, test images {test.shape[1]}x{test.shape[2]}")
    ids = max(train_labels) + 1
    missing = sorted(set(range(ids)) - set(train_labels))
    if missing:
        raise DataError(f"{index['train']}: labels must be 0..{ids - 1} with none missing; no image has label {missing[0]}")
    return {"train": (train, train_labels), "train_ids": ids, "test": (test, test_labels), "pairs": pairs}


def read_list(path):
    """FaceX-Zoo's `relative/path label` lines -> (paths, labels)."""
    try:
        with open(path) as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise DataError(f"{path}: cannot read the image list ({e.strerror})") from None
    paths, labels = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2 or not parts[1].isdigit():
            raise DataError(f"{path}:{n}: expected 'relative/path label' (label a non-negative integer), got {line!r}")
        paths.append(parts[0])
        labels.append(int(parts[1]))
    if not paths:
        raise DataError(f"{path}: the image list is empty")
    return paths, labels


def read_pairs(path, test_index):
    try:
        with open(path) as f:
            lines = [(n, line) for n, line in enumerate(f.read().splitlines(), 1) if line.strip()]
    except OSError as e:
        raise DataError(f"{path}: cannot read the pairs file ({e.strerror})") from None
    pairs = {"a": [], "b": [], "same": [], "lookalike": [], "fold": []}
    for k, (n, line) in enumerate(lines):
        parts = line.split()
        if len(parts) != 3 or parts[2] not in ("0", "1"):
            raise DataError(f"{path}:{n}: expected 'pathA pathB same' (same 1 or 0), got {line!r}")
        for p in parts[:2]:
            if p not in test_index:
                raise DataError(f"{path}:{n}: {p} is not in the test list")
        pairs["a"].append(test_index[parts[0]])
        pairs["b"].append(test_index[parts[1]])
        pairs["same"].append(int(parts[2]))
        pairs["lookalike"].append(0)
        pairs["fold"].append(k * 10 // len(lines))
    return pairs


def decode_all(root, paths, channels):
    """[N, H, W, channels] float32 in [0, 1]."""
    images = []
    for rel in paths:
        path = os.path.join(root, rel)
        pixels = decode_image(path)
        if images and pixels.shape[:2] != images[0].shape[:2]:
            raise DataError(f"{path}: {pixels.shape[1]}x{pixels.shape[0]}, the first image is "
                            f"{images[0].shape[1]}x{images[0].shape[0]}; all must have one size")
        images.append(to_channels(pixels, channels))
    return torch.stack(images).float() / 255


def to_channels(pixels, channels):
    """[H, W, c] uint8 with c in 1..4 -> [H, W, channels]."""
    colour = pixels[..., :3] if pixels.shape[2] >= 3 else pixels[..., :1]
    if channels == 3:
        return colour.expand(-1, -1, 3) if colour.shape[2] == 1 else colour
    if colour.shape[2] == 1:
        return colour
    luma = colour.float() @ torch.tensor([0.299, 0.587, 0.114])
    return luma.round().clamp(0, 255).to(torch.uint8).unsqueeze(2)


def decode_image(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise DataError(f"{path}: cannot read the image ({e.strerror})") from None
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(path, raw)
    if raw[:2] in (b"P5", b"P6"):
        return _pnm(path, raw)
    raise DataError(f"{path}: not a PNG or binary PGM/PPM image")


def _pnm(path, raw):
    fields, pos = [], 2
    while len(fields) < 3:
        while pos < len(raw) and raw[pos:pos + 1].isspace():
            pos += 1
        if raw[pos:pos + 1] == b"#":
            pos = raw.index(b"\n", pos)
            continue
        start = pos
        while pos < len(raw) and not raw[pos:pos + 1].isspace():
            pos += 1
        fields.append(raw[start:pos])
    width, height, maxval = (int(x) for x in fields)
    if maxval != 255:
        raise DataError(f"{path}: maxval {maxval}; only 8-bit (255) PGM/PPM is supported")
    c = 1 if raw[:2] == b"P5" else 3
    data = raw[pos + 1:pos + 1 + width * height * c]
    if len(data) != width * height * c:
        raise DataError(f"{path}: truncated ({len(data)} of {width * height * c} pixel bytes)")
    return torch.frombuffer(bytearray(data), dtype=torch.uint8).reshape(height, width, c)


def _png(path, raw):
    pos, idat, header = 8, [], None
    while pos < len(raw):
        length, kind = struct.unpack(">I4s", raw[pos:pos + 8])
        body = raw[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise DataError(f"{path}: PNG without IHDR")
    width, height, depth, colour, _, _, interlace = header
    c = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or c is None or interlace != 0:
        raise DataError(f"{path}: PNG of bit depth {depth}, colour type {colour}, interlace {interlace}; "
                        "supported: 8-bit grey, grey+alpha, RGB, RGBA, not interlaced")
    try:
        data = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        raise DataError(f"{path}: corrupt PNG data ({e})") from None
    stride = width * c
    if len(data) != height * (stride + 1):
        raise DataError(f"{path}: PNG data of {len(data)} bytes, expected {height * (stride + 1)}")
    out = bytearray(height * stride)
    prev = bytearray(stride)
    for y in range(height):
        kind, line = data[y * (stride + 1)], bytearray(data[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        _unfilter(path, kind, line, prev, c)
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return torch.frombuffer(out, dtype=torch.uint8).reshape(height, width, c)


def _unfilter(path, kind, line, prev, bpp):
    """PNG scanline filters 0-4 undone in place (RFC 2083 section 6)."""
    if kind == 0:
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        if kind == 1:
            pred = left
        elif kind == 2:
            pred = up
        elif kind == 3:
            pred = (left + up) // 2
        elif kind == 4:
            corner = prev[i - bpp] if i >= bpp else 0
            pa, pb, pc = abs(up - corner), abs(left - corner), abs(left + up - 2 * corner)
            pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
        else:
            raise DataError(f"{path}: PNG filter type {kind}; expected 0 to 4")
        line[i] = (line[i] + pred) & 0xFF
