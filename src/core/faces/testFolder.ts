/**
 * The small face folder the tests use (e2e/fixtures/faces): synthetic identities from the
 * generator saved as PNG in LFW layout, with an LFW 10-fold pairs.txt over the held-out ones. No
 * real person's photo is ever committed; src/cli/make-test-faces.ts writes this to disk and a
 * test checks the committed copy is exactly what this makes.
 */
import { encode as encodePng } from 'fast-png';
import { defaultDataConfig } from '../data/defaults';
import { trainIdentities } from '../data/identities';
import { renderIdentityImage } from '../data/render-image';

export const TEST_FOLDER = 'faces';
const SEED = 20261202;
const SIZE = 32;
const IMAGES_PER_ID = 3;
/** 16 training identities and 4 held out, 60 images in all. */
const IDENTITIES = 20;
const HELD_OUT = 4;
const NAMES = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Max',
  'Nia',
  'Oto',
  'Pia',
  'Quin',
  'Ravi',
  'Sol',
  'Tess',
];

export interface TestFile {
  path: string;
  bytes: Uint8Array;
}

const personName = (i: number): string => `${NAMES[i] as string}_Synthetic`;
const file = (i: number, k: number): string => `${personName(i)}_${String(k + 1).padStart(4, '0')}.png`;

/** Every file of the folder, paths relative to it. Needs initRasterizer() first. */
export function makeTestFolder(): TestFile[] {
  const config = { ...defaultDataConfig(), imageSize: SIZE, channels: 3 as const };
  const out: TestFile[] = [];
  trainIdentities(SEED, IDENTITIES).forEach((identity, i) => {
    for (let k = 0; k < IMAGES_PER_ID; k++) {
      const pixels = renderIdentityImage(identity, k, config);
      const data = Uint8Array.from(pixels, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
      out.push({
        path: `${personName(i)}/${file(i, k)}`,
        bytes: encodePng({ width: SIZE, height: SIZE, data, channels: 3, depth: 8 }),
      });
    }
  });
  out.push({ path: 'pairs.txt', bytes: new TextEncoder().encode(pairsText()) });
  return out;
}

/**
 * LFW's 10-fold format: header "10<TAB>1", then per fold one same-person line and one
 * different-person line, all over the last HELD_OUT identities.
 */
function pairsText(): string {
  const held = Array.from({ length: HELD_OUT }, (_, h) => IDENTITIES - HELD_OUT + h);
  const same: string[] = [];
  for (const i of held)
    for (let a = 0; a < IMAGES_PER_ID; a++)
      for (let b = a + 1; b < IMAGES_PER_ID; b++) same.push(`${personName(i)}\t${a + 1}\t${b + 1}`);
  const different: string[] = [];
  for (let x = 0; x < HELD_OUT; x++)
    for (let y = x + 1; y < HELD_OUT; y++)
      for (let k = 0; k < IMAGES_PER_ID; k++)
        different.push(
          `${personName(held[x] as number)}\t${k + 1}\t${personName(held[y] as number)}\t${((k + 1) % IMAGES_PER_ID) + 1}`,
        );
  const lines = ['10\t1'];
  for (let f = 0; f < 10; f++) lines.push(same[f] as string, different[f] as string);
  return `${lines.join('\n')}\n`;
}
