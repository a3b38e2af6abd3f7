/**
 * A TensorFlow GraphDef written as the JSON that tfjs-converter's graph-model format carries
 * (model.json's `modelTopology`): nodes with string inputs and protobuf-JSON attributes. Strings
 * are base64 (protobuf JSON of `bytes`), integers decimal strings, dtypes enum names. Only what
 * the probe export needs; every op used here has an executor in tfjs-converter 4.22
 * (operations/op_list). Const nodes carry no values: the loader fills them from the weights
 * manifest entry of the same name, which `GraphBuilder.weights` lists in node order.
 */

/** One attribute value (tensorflow.AttrValue in protobuf JSON). */
export type AttrValue =
  | { type: 'DT_FLOAT' | 'DT_INT32' }
  | { s: string }
  | { b: boolean }
  | { f: number }
  | { list: { i: string[] } }
  | { shape: { dim: Array<{ size: string }> } }
  | { tensor: { dtype: 'DT_FLOAT' | 'DT_INT32'; tensorShape: { dim: Array<{ size: string }> } } };

export interface NodeDef {
  name: string;
  op: string;
  input: string[];
  attr: Record<string, AttrValue>;
}

/** A constant's values and the manifest entry that describes them. */
export interface GraphWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

const FLOAT = { type: 'DT_FLOAT' } as const;

/** A TensorShapeProto; -1 is an unknown size (the batch). */
export function shapeAttr(shape: readonly number[]): { dim: Array<{ size: string }> } {
  return { dim: shape.map((n) => ({ size: String(n) })) };
}

/** Base64 of an ASCII string (attribute strings are bytes in protobuf JSON). */
export function bytesAttr(text: string): { s: string } {
  return { s: btoa(text) };
}

export function intsAttr(values: readonly number[]): { list: { i: string[] } } {
  return { list: { i: values.map(String) } };
}

/** Collects nodes and their constants in order. Names must be unique: a repeat is refused. */
export class GraphBuilder {
  readonly nodes: NodeDef[] = [];
  readonly weights: GraphWeight[] = [];
  private readonly names = new Set<string>();

  private add(node: NodeDef): string {
    if (this.names.has(node.name)) throw new Error(`graph: node name "${node.name}" is used twice`);
    this.names.add(node.name);
    this.nodes.push(node);
    return node.name;
  }

  /** A float32 input of `shape` (−1 for the batch). */
  placeholder(name: string, shape: readonly number[]): string {
    return this.add({ name, op: 'Placeholder', input: [], attr: { dtype: FLOAT, shape: { shape: shapeAttr(shape) } } });
  }

  /** A constant whose values travel in the weights file under the node's name. */
  constant(name: string, shape: readonly number[], values: Float32Array | Int32Array): string {
    const size = shape.reduce((a, b) => a * b, 1);
    if (values.length !== size)
      throw new Error(
        `graph: constant ${name} has ${values.length} values, its shape ${JSON.stringify(shape)} holds ${size}`,
      );
    const dtype = values instanceof Int32Array ? 'DT_INT32' : 'DT_FLOAT';
    this.weights.push({ name, shape: [...shape], dtype: dtype === 'DT_INT32' ? 'int32' : 'float32', values });
    return this.add({
      name,
      op: 'Const',
      input: [],
      attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: shapeAttr(shape) } } },
    });
  }

  /** An op on float32 tensors; `T` is set for ops that declare it. */
  op(name: string, op: string, input: readonly string[], attr: Record<string, AttrValue> = {}): string {
    return this.add({ name, op, input: [...input], attr: { T: FLOAT, ...attr } });
  }
}
