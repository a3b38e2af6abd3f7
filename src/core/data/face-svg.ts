/**
 * facesjs face config → SVG string of the head region, with the head posed (roll + horizontal
 * squeeze). facesjs draws on a 400 × 600 canvas (head, neck and shirt); we keep a square around
 * the head so that a 16–32 px image spends its pixels on the face.
 */
import { faceToSvgString } from 'facesjs';
import type { FaceConfig } from 'facesjs';

/** Square crop of the facesjs canvas, in its units: hair top to chin, ear to ear. */
export const HEAD_BOX = { x: 15, y: 125, side: 370 } as const;

/** Centre of the head on the facesjs canvas: the pivot of roll and squeeze. */
const HEAD_CENTER = { x: 200, y: 320 } as const;

/** Head pose of one image. */
export interface Pose {
  /** In-plane rotation in degrees, positive = clockwise on screen. */
  rollDeg: number;
  /** Horizontal scale about the head centre (a cheap stand-in for yaw), 1 = frontal. */
  squeeze: number;
}

export const FRONTAL: Pose = { rollDeg: 0, squeeze: 1 };

/**
 * faceToSvgString swaps `global.document` for a fake during the call. `global` exists in Node
 * only, so a browser worker gets it aliased to globalThis for the call; and facesjs restores an
 * absent `document` as a property holding undefined, which we remove again so that environment
 * checks like `'document' in globalThis` still see a worker.
 */
function withFacesjsGlobals<T>(fn: () => T): T {
  const scope = globalThis as { global?: unknown; document?: unknown };
  const hadGlobal = scope.global !== undefined;
  const hadDocument = 'document' in scope;
  if (!hadGlobal) scope.global = globalThis;
  try {
    return fn();
  } finally {
    if (!hadGlobal) delete scope.global;
    if (!hadDocument) delete scope.document;
  }
}

/** The full 400 × 600 facesjs SVG. The face is copied first: facesjs mutates it (hats). */
export function faceSvgString(face: FaceConfig): string {
  const copy = structuredClone(face);
  return withFacesjsGlobals(() => faceToSvgString(copy));
}

/**
 * Replaces the root element of a facesjs SVG with one whose viewBox is HEAD_BOX and wraps the
 * drawing in the pose transform. Output: a square SVG of HEAD_BOX.side user units.
 */
export function cropAndPose(svg: string, pose: Pose): string {
  const open = svg.indexOf('<svg');
  const bodyStart = svg.indexOf('>', open) + 1;
  const bodyEnd = svg.lastIndexOf('</svg>');
  if (open < 0 || bodyStart <= 0 || bodyEnd < bodyStart) {
    throw new Error('cropAndPose: input is not an <svg> document');
  }
  const { x, y, side } = HEAD_BOX;
  const cx = HEAD_CENTER.x;
  const cy = HEAD_CENTER.y;
  const transform =
    `translate(${cx} ${cy}) rotate(${pose.rollDeg}) scale(${pose.squeeze} 1) ` + `translate(${-cx} ${-cy})`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" ` +
    `viewBox="${x} ${y} ${side} ${side}"><g transform="${transform}">` +
    svg.slice(bodyStart, bodyEnd) +
    '</g></svg>'
  );
}

/** Head-region SVG of a face in a pose. */
export function headSvg(face: FaceConfig, pose: Pose = FRONTAL): string {
  return cropAndPose(faceSvgString(face), pose);
}
