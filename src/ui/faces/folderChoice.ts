/**
 * A picked or dropped face folder, described on the main thread before anything is decoded: the
 * listing (core/faces/listing.ts), pairs.txt read as text and parsed, what was skipped and why,
 * and how many training and held-out identities it offers, so the form can be fitted to it. The
 * images themselves are only read by the training workers (worker/ownFaces.ts).
 */
import type { DataConfig } from '../../core/config';
import { folderCapacity, noneToTrain } from '../../core/faces/folderDataset';
import type { FolderListing } from '../../core/faces/listing';
import { readListing } from '../../core/faces/listing';
import type { ParsedPairs } from '../../core/faces/pairsFile';
import { parsePairsFile } from '../../core/faces/pairsFile';
import type { FolderSource } from '../../core/faces/source';
import { listedFiles } from '../../core/faces/source';

export interface FolderChoice {
  source: FolderSource;
  listing: FolderListing;
  pairs: ParsedPairs | null;
  /** Skipped files and pairs.txt lines, each naming the file or line and why. */
  problems: string[];
}

export type ChoiceResult = { ok: true; choice: FolderChoice } | { ok: false; message: string };

/** Files with their paths inside the picked folder ("lfw/Name/Name_0001.jpg"). */
export async function readFolderChoice(files: ReadonlyArray<{ path: string; file: File }>): Promise<ChoiceResult> {
  let listing: FolderListing;
  try {
    listing = readListing(listedFiles([...files]));
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const pairsFile = listing.pairsPath === null ? null : (files.find((f) => f.path === listing.pairsPath)?.file ?? null);
  let pairs: ParsedPairs | null = null;
  let text: string | null = null;
  if (pairsFile !== null && listing.pairsPath !== null) {
    const name = listing.pairsPath.split('/').pop() ?? 'pairs.txt';
    try {
      text = await pairsFile.text();
      pairs = parsePairsFile(name, text, listing);
    } catch (e) {
      return {
        ok: false,
        message: `Your faces: ${e instanceof Error ? e.message : String(e)} Fix or remove ${listing.pairsPath}; without it, pairs are sampled over held-out identities.`,
      };
    }
  }
  const source: FolderSource = {
    root: listing.root,
    key: listing.key,
    files: files
      .filter((f) => f.path !== listing.pairsPath)
      .map((f) => ({ path: f.path.replace(/\\/g, '/').replace(/^\/+/, ''), file: f.file })),
    pairs: pairs === null || text === null || listing.pairsPath === null ? null : { path: listing.pairsPath, text },
  };
  const choice: FolderChoice = { source, listing, pairs, problems: [...listing.skipped, ...(pairs?.problems ?? [])] };
  // A pairs.txt naming (nearly) every identity leaves nothing to train on whatever the form says:
  // refused here by its cause, not later as a queue or training-IDs range the form cannot meet.
  if (pairs !== null) {
    const heldOut = heldOutIds(choice);
    const trainable = choiceCapacity(choice, {
      regime: 'shallow',
      longTail: { minDepth: 2, maxDepth: 2, exponent: 1 },
      testIds: 2,
    }).trainIds;
    if (trainable < 2) {
      const perId = listing.identities.map((id) => id.images.length);
      return {
        ok: false,
        message: `Your faces: ${noneToTrain(`the folder "${listing.root}"`, perId, heldOut, trainable, 2, true)}`,
      };
    }
  }
  return { ok: true, choice };
}

/** Identities pairs.txt names (indices into the listing), all held out of training. */
function heldOutIds(choice: FolderChoice): Set<number> {
  const index = new Map(choice.listing.identities.map((id, i) => [id.name, i]));
  return new Set(
    (choice.pairs?.pairs ?? [])
      .flatMap((p) => [p.a, p.b])
      .map((path) => index.get(path.split('/').slice(-2)[0] as string) as number),
  );
}

/** Largest data.trainIds and data.testIds the folder allows under `data`'s regime. */
export function choiceCapacity(
  choice: FolderChoice,
  data: Pick<DataConfig, 'regime' | 'longTail' | 'testIds'>,
): { trainIds: number; testIds: number } {
  const heldOut = choice.pairs === null ? null : heldOutIds(choice);
  return folderCapacity(
    choice.listing.identities.map((id) => id.images.length),
    heldOut,
    data,
  );
}

/**
 * The form fitted to the folder: data.trainIds (and, without pairs.txt, data.testIds) lowered to
 * what it offers; null when nothing needs to change. Lowering trainIds can leave the queue too
 * large for it; the form's validation then names gallery.queueSize as usual.
 */
export function fitToFolder(
  choice: FolderChoice,
  data: DataConfig,
): Partial<Pick<DataConfig, 'trainIds' | 'testIds'>> | null {
  const cap = choiceCapacity(choice, data);
  const out: Partial<Pick<DataConfig, 'trainIds' | 'testIds'>> = {};
  if (choice.pairs === null && data.testIds > cap.testIds) out.testIds = Math.max(2, cap.testIds);
  const trainCap =
    choice.pairs === null
      ? choiceCapacity(choice, { ...data, testIds: out.testIds ?? data.testIds }).trainIds
      : cap.trainIds;
  if (data.trainIds > trainCap) out.trainIds = Math.max(2, trainCap);
  return Object.keys(out).length === 0 ? null : out;
}

/** The choice again from a kept source (a restored comparison): the same listing and pairs. */
export function choiceFromSource(source: FolderSource): FolderChoice {
  const listing = readListing(listedFiles(source.files));
  const pairs =
    source.pairs === null
      ? null
      : parsePairsFile(source.pairs.path.split('/').pop() ?? 'pairs.txt', source.pairs.text, listing);
  return {
    source,
    listing: { ...listing, key: source.key, pairsPath: source.pairs?.path ?? null },
    pairs,
    problems: [...listing.skipped, ...(pairs?.problems ?? [])],
  };
}

/** "Training IDs 64 → 16, held-out IDs 20 → 4": what fitToFolder changed, in the form's words. */
export function fittedText(
  data: Pick<DataConfig, 'trainIds' | 'testIds'>,
  fit: Partial<Pick<DataConfig, 'trainIds' | 'testIds'>>,
): string {
  const parts: string[] = [];
  if (fit.trainIds !== undefined) parts.push(`Training IDs ${data.trainIds} → ${fit.trainIds}`);
  if (fit.testIds !== undefined) parts.push(`Held-out IDs ${data.testIds} → ${fit.testIds}`);
  return parts.join(', ');
}
