/**
 * The backbone's architecture as data: a residual CNN with BN and PReLU, sized by name.
 * Every parameter is described by a ParamSpec so that initialisation, EMA, weight decay and
 * filter-normalised directions can treat the net as a flat list of named tensors.
 */
import type { BackboneSize } from '../config';

/** ε added to the variance in every BN layer (PyTorch's default); here so exporters need no tensors. */
export const BN_EPSILON = 1e-5;

/** What a parameter is; decides its initialisation and how analysis directions treat it. */
export type ParamKind = 'conv' | 'dense' | 'bnGamma' | 'bnBeta' | 'prelu';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  /** conv: [kh, kw, cin, cout]; dense: [in, out]; others: [channels]. */
  shape: number[];
}

/** One BN layer's running statistics, [channels] each (not trained, not averaged into agents). */
export interface BnSpec {
  name: string;
  channels: number;
}

export interface StageSpec {
  channels: number;
  blocks: number;
}

export interface ArchitectureSpec {
  size: BackboneSize;
  stemChannels: number;
  /** Each stage starts with a stride-2 block, halving height and width. */
  stages: StageSpec[];
  embedDim: number;
}

const SIZES: Record<BackboneSize, { stem: number; stages: StageSpec[] }> = {
  // ~8k parameters: unit tests and the CPU smoke preset.
  tiny: {
    stem: 8,
    stages: [
      { channels: 16, blocks: 1 },
      { channels: 32, blocks: 1 },
    ],
  },
  // ~0.2M parameters: the CPU presets at 16–32 px.
  small: {
    stem: 16,
    stages: [
      { channels: 32, blocks: 1 },
      { channels: 64, blocks: 1 },
      { channels: 128, blocks: 1 },
    ],
  },
  // ~1.2M parameters: 32×32 faces on a GPU.
  base: {
    stem: 32,
    stages: [
      { channels: 64, blocks: 2 },
      { channels: 128, blocks: 2 },
      { channels: 256, blocks: 2 },
    ],
  },
};

export function architectureFor(size: BackboneSize, embedDim: number): ArchitectureSpec {
  const s = SIZES[size];
  return { size, stemChannels: s.stem, stages: s.stages, embedDim };
}

/** Factor by which the backbone shrinks the image side (2 per stage). */
export function downsampleFactor(size: BackboneSize): number {
  return 2 ** SIZES[size].stages.length;
}

export interface BlockSpec {
  prefix: string;
  cin: number;
  cout: number;
  stride: 1 | 2;
  /** A 1×1 conv + BN shortcut when the shape changes, identity otherwise. */
  projection: boolean;
}

/** The residual blocks in forward order. */
export function blocksOf(arch: ArchitectureSpec): BlockSpec[] {
  const blocks: BlockSpec[] = [];
  let cin = arch.stemChannels;
  arch.stages.forEach((stage, si) => {
    for (let bi = 0; bi < stage.blocks; bi++) {
      const stride = bi === 0 ? 2 : 1;
      blocks.push({
        prefix: `s${si}b${bi}`,
        cin,
        cout: stage.channels,
        stride,
        projection: stride !== 1 || cin !== stage.channels,
      });
      cin = stage.channels;
    }
  });
  return blocks;
}

function convBn(name: string, k: number, cin: number, cout: number): ParamSpec[] {
  return [
    { name: `${name}.conv`, kind: 'conv', shape: [k, k, cin, cout] },
    { name: `${name}.bn.gamma`, kind: 'bnGamma', shape: [cout] },
    { name: `${name}.bn.beta`, kind: 'bnBeta', shape: [cout] },
  ];
}

/** All trainable parameters in a fixed order (the order of every flat weight list). */
export function paramSpecs(arch: ArchitectureSpec): ParamSpec[] {
  const specs: ParamSpec[] = [
    ...convBn('stem', 3, -1, arch.stemChannels),
    { name: 'stem.prelu', kind: 'prelu', shape: [arch.stemChannels] },
  ];
  for (const b of blocksOf(arch)) {
    specs.push(...convBn(`${b.prefix}.a`, 3, b.cin, b.cout));
    specs.push({ name: `${b.prefix}.prelu`, kind: 'prelu', shape: [b.cout] });
    specs.push(...convBn(`${b.prefix}.b`, 3, b.cout, b.cout));
    if (b.projection) specs.push(...convBn(`${b.prefix}.proj`, 1, b.cin, b.cout));
    specs.push({ name: `${b.prefix}.out`, kind: 'prelu', shape: [b.cout] });
  }
  const last = arch.stages[arch.stages.length - 1]?.channels ?? arch.stemChannels;
  specs.push({ name: 'embed.dense', kind: 'dense', shape: [last, arch.embedDim] });
  specs.push({ name: 'embed.bn.gamma', kind: 'bnGamma', shape: [arch.embedDim] });
  specs.push({ name: 'embed.bn.beta', kind: 'bnBeta', shape: [arch.embedDim] });
  return specs;
}

/** Specs with the stem's input channels filled in. */
export function paramSpecsFor(arch: ArchitectureSpec, inputChannels: number): ParamSpec[] {
  return paramSpecs(arch).map((s) =>
    s.name === 'stem.conv' ? { ...s, shape: [3, 3, inputChannels, arch.stemChannels] } : s,
  );
}

/** The BN layers (running statistics), in forward order. */
export function bnSpecs(specs: ParamSpec[]): BnSpec[] {
  return specs
    .filter((s) => s.kind === 'bnGamma')
    .map((s) => ({ name: s.name.replace(/\.gamma$/, ''), channels: s.shape[0] ?? 0 }));
}
