/** Whether an imported probe fits the comparison: each misfit names the field, the probe's value and what the comparison needs. */
import { describe, expect, it } from 'vitest';
import { embeddingSizeProblem, misfitMessage, probeFitProblems } from './probeFit';

const needs = { imageSize: 24, channels: 3 as const, embedDim: 64 };

describe('probeFitProblems', () => {
  it("finds none for the comparison's own shapes, or sizes the model leaves open", () => {
    expect(probeFitProblems({ inputs: [[-1, 24, 24, 3]], outputs: [[-1, 64]] }, needs)).toEqual([]);
    expect(probeFitProblems({ inputs: [[-1, -1, -1, 3]], outputs: [undefined] }, needs)).toEqual([]);
  });

  it('names the image size, the channels and the embedding size with both values', () => {
    expect(probeFitProblems({ inputs: [[-1, 32, 32, 1]], outputs: [[-1, 128]] }, needs)).toEqual([
      'image size (data.imageSize): the probe takes 32×32 px, the comparison needs 24×24',
      'channels (data.channels): the probe takes 1, the comparison needs 3 (RGB)',
      'embedding size (model.embedDim): the probe gives 128, the comparison needs 64',
    ]);
  });

  it('names inputs and outputs that are not one image batch in and one embedding batch out', () => {
    expect(probeFitProblems({ inputs: [[-1, 24, 24, 3], [-1]], outputs: [[-1, 10, 64]] }, needs)).toEqual([
      'inputs: the probe has 2, the comparison feeds 1 (images [batch, 24, 24, 3])',
      'output shape: the probe gives [?, 10, 64], the comparison needs embeddings [batch, 64]',
    ]);
  });

  it("checks the embeddings' own size and says nothing was imported", () => {
    expect(embeddingSizeProblem(64, needs)).toBeNull();
    expect(embeddingSizeProblem(32, needs)).toBe(
      'embedding size (model.embedDim): the probe gives 32, the comparison needs 64',
    );
    expect(misfitMessage('SST · seed 1', ['a', 'b'])).toBe(
      'Import probe: SST · seed 1 does not fit this comparison: a; b. Nothing was imported; the comparison is unchanged.',
    );
  });
});
