/**
 * Whether an imported probe fits the current comparison: one input of [batch, S, S, C] images and
 * one output of [batch, D] embeddings, with S, C and D those of the comparison (data.imageSize,
 * data.channels, model.embedDim). Each misfit names the field, the probe's value and what the
 * comparison needs. A size the model leaves open (−1 or absent) is not a misfit here; the embedding
 * size is checked again on the embeddings themselves (embeddingSizeProblem).
 */

export interface ProbeShapes {
  /** Each input's shape as the model states it (−1 or null: any). */
  inputs: ReadonlyArray<readonly (number | null)[] | undefined>;
  outputs: ReadonlyArray<readonly (number | null)[] | undefined>;
}

export interface ComparisonNeeds {
  imageSize: number;
  channels: 1 | 3;
  embedDim: number;
}

const known = (n: number | null | undefined): n is number => typeof n === 'number' && n >= 0;
const shapeText = (s: readonly (number | null)[] | undefined) =>
  s === undefined ? 'unknown' : `[${s.map((n) => (known(n) ? n : '?')).join(', ')}]`;

/** Every misfit, as a sentence; none: the probe fits. */
export function probeFitProblems(shapes: ProbeShapes, needs: ComparisonNeeds): string[] {
  const problems: string[] = [];
  if (shapes.inputs.length !== 1)
    problems.push(
      `inputs: the probe has ${shapes.inputs.length}, the comparison feeds 1 (images [batch, ${needs.imageSize}, ${needs.imageSize}, ${needs.channels}])`,
    );
  if (shapes.outputs.length !== 1)
    problems.push(
      `outputs: the probe has ${shapes.outputs.length}, the comparison reads 1 (embeddings [batch, ${needs.embedDim}])`,
    );
  const input = shapes.inputs[0];
  if (shapes.inputs.length === 1 && input !== undefined && input.length !== 4) {
    problems.push(
      `input shape: the probe takes ${shapeText(input)}, the comparison needs images [batch, ${needs.imageSize}, ${needs.imageSize}, ${needs.channels}]`,
    );
  } else if (input !== undefined) {
    const [, h, w, c] = input;
    if ((known(h) && h !== needs.imageSize) || (known(w) && w !== needs.imageSize)) {
      problems.push(
        `image size (data.imageSize): the probe takes ${known(h) ? h : '?'}×${known(w) ? w : '?'} px, the comparison needs ${needs.imageSize}×${needs.imageSize}`,
      );
    }
    if (known(c) && c !== needs.channels)
      problems.push(
        `channels (data.channels): the probe takes ${c}, the comparison needs ${needs.channels} (${needs.channels === 3 ? 'RGB' : 'grey'})`,
      );
  }
  const output = shapes.outputs[0];
  if (shapes.outputs.length === 1 && output !== undefined && output.length !== 2) {
    problems.push(
      `output shape: the probe gives ${shapeText(output)}, the comparison needs embeddings [batch, ${needs.embedDim}]`,
    );
  } else if (output !== undefined) {
    const d = output[1];
    if (known(d) && d !== needs.embedDim)
      problems.push(`embedding size (model.embedDim): the probe gives ${d}, the comparison needs ${needs.embedDim}`);
  }
  return problems;
}

/** The misfit of embeddings of `size` values per image, or null (for a model that left D open). */
export function embeddingSizeProblem(size: number, needs: ComparisonNeeds): string | null {
  return size === needs.embedDim
    ? null
    : `embedding size (model.embedDim): the probe gives ${size}, the comparison needs ${needs.embedDim}`;
}

/** One message for the misfits, saying that nothing else changed. */
export function misfitMessage(title: string, problems: readonly string[]): string {
  return `Import probe: ${title} does not fit this comparison: ${problems.join('; ')}. Nothing was imported; the comparison is unchanged.`;
}
