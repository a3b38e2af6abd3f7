/**
 * A face folder shaped like LFW, made at test time (never committed): LFW's layout
 * (Name_Surname/Name_Surname_0001.png), most people with a single image as in LFW, and a pairs.txt
 * of LFW's shape: a header "10<TAB>N", then 10 folds of N same-person lines followed by N
 * different-person lines, the different-person lines naming one-image people. Its held-out test
 * set therefore has identities with one image, which rank-1 must skip (core/eval/rank1.ts).
 *
 * The images are plain procedural patterns (fast-png only, no rasterizer), so a Playwright spec
 * and a Vitest test make the same bytes in a temp folder: each person a seeded background and
 * three coloured ellipses, each image of them shifted by up to 1 px with a little noise.
 */
import { encode as encodePng } from 'fast-png';
import { createRng } from '../rng';

export interface LfwFile {
  /** Path inside the folder, '/'-separated. */
  path: string;
  bytes: Uint8Array;
}

const SEED = 20261206;
const SIZE = 24;
/** Same-person and different-person lines per fold (LFW has 300). */
export const LFW_PER_FOLD = 2;
const FOLDS = 10;
/** People only trained on: 12 with 3 images. */
const TRAIN = Array.from({ length: 12 }, (_, i) => ({ name: `Train_Person${String.fromCharCode(65 + i)}`, images: 3 }));
/** Held-out people with 4 images: 6 same-person pairs each, 5 × 6 = 30 ≥ 20 lines. */
const HELD = Array.from({ length: 5 }, (_, i) => ({ name: `Held_Person${String.fromCharCode(65 + i)}`, images: 4 }));
/** One-image people named in different-person lines. */
const SINGLE = Array.from({ length: 8 }, (_, i) => ({
  name: `Single_Person${String.fromCharCode(65 + i)}`,
  images: 1,
}));
/** One-image people pairs.txt never names: in the folder, too shallow to train on. */
const UNUSED = Array.from({ length: 3 }, (_, i) => ({ name: `Lone_Person${String.fromCharCode(65 + i)}`, images: 1 }));
const PEOPLE = [...TRAIN, ...HELD, ...SINGLE, ...UNUSED];

/** What the folder holds, for tests to assert against. */
export const LFW_SHAPE = {
  identities: PEOPLE.length,
  images: PEOPLE.reduce((n, p) => n + p.images, 0),
  pairs: 2 * FOLDS * LFW_PER_FOLD,
  /** Identities pairs.txt names (held out): the 4-image people and the one-image people. */
  heldOut: HELD.length + SINGLE.length,
  /** Held-out identities with ≥ 2 test images, and their probes (rank-1's coverage). */
  rank1Identities: HELD.length,
  rank1Probes: HELD.reduce((n, p) => n + p.images - 1, 0),
  /** Identities with ≥ 2 images outside pairs.txt: the largest data.trainIds. */
  trainable: TRAIN.length,
} as const;

const fileName = (name: string, k: number): string => `${name}_${String(k).padStart(4, '0')}.png`;

/** One person's k-th image, [SIZE, SIZE, 3] bytes. */
function render(person: number, k: number): Uint8Array {
  const look = createRng(SEED + 7919 * person);
  const background = [look.int(256), look.int(256), look.int(256)];
  const blobs = Array.from({ length: 3 }, () => ({
    x: look.uniform(5, 19),
    y: look.uniform(5, 19),
    rx: look.uniform(3, 8),
    ry: look.uniform(3, 8),
    rgb: [look.int(256), look.int(256), look.int(256)],
  }));
  const shot = createRng(SEED + 7919 * person + 104729 * k);
  const dx = shot.uniform(-1, 1);
  const dy = shot.uniform(-1, 1);
  const out = new Uint8Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let rgb = background;
      for (const b of blobs) if (((x - b.x - dx) / b.rx) ** 2 + ((y - b.y - dy) / b.ry) ** 2 <= 1) rgb = b.rgb;
      for (let c = 0; c < 3; c++)
        out[(y * SIZE + x) * 3 + c] = Math.max(0, Math.min(255, Math.round((rgb[c] as number) + shot.normal() * 6)));
    }
  }
  return out;
}

/** LFW's pairs.txt over HELD (same-person) and HELD × SINGLE (different-person). */
function pairsText(): string {
  // Image pairs (1,2), (1,3), (1,4), (2,3), … taken person by person, so the 20 lines used name every image of every 4-image person.
  const imagePairs: Array<[number, number]> = [];
  for (let a = 1; a <= 4; a++) for (let b = a + 1; b <= 4; b++) imagePairs.push([a, b]);
  const same = imagePairs.flatMap(([a, b]) => HELD.map((p) => `${p.name}\t${a}\t${b}`));
  const different: string[] = [];
  for (let i = 0; different.length < FOLDS * LFW_PER_FOLD; i++) {
    const held = HELD[i % HELD.length] as (typeof HELD)[number];
    const single = SINGLE[i % SINGLE.length] as (typeof SINGLE)[number];
    // Every third line pairs two one-image people, as many of LFW's do.
    const other = i % 3 === 2 ? (SINGLE[(i + 1) % SINGLE.length] as (typeof SINGLE)[number]) : held;
    different.push(`${single.name}\t1\t${other.name}\t${other === held ? (i % held.images) + 1 : 1}`);
  }
  const lines = [`${FOLDS}\t${LFW_PER_FOLD}`];
  for (let f = 0; f < FOLDS; f++) {
    lines.push(
      ...same.slice(f * LFW_PER_FOLD, (f + 1) * LFW_PER_FOLD),
      ...different.slice(f * LFW_PER_FOLD, (f + 1) * LFW_PER_FOLD),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every file of the folder, paths relative to it. */
export function makeLfwShapedFolder(): LfwFile[] {
  const files: LfwFile[] = [];
  PEOPLE.forEach((p, person) => {
    for (let k = 1; k <= p.images; k++) {
      const data = render(person, k);
      files.push({
        path: `${p.name}/${fileName(p.name, k)}`,
        bytes: encodePng({ width: SIZE, height: SIZE, data, channels: 3, depth: 8 }),
      });
    }
  });
  files.push({ path: 'pairs.txt', bytes: new TextEncoder().encode(pairsText()) });
  return files;
}
