/**
 * The one import point of TensorFlow.js for the core. tfjs-core alone registers no gradients;
 * the side-effect import below does (the umbrella @tensorflow/tfjs would also pull in layers,
 * converter and data, none of which the core uses). Backends are registered by the entry that
 * picks one (the worker, the CLI, the tests), never here.
 */
// Order matters: tfjs-core's own side effects (flag registration) must run before the gradient
// registrations, which read the DEBUG flag.
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

import { clone, customGrad, zerosLike } from '@tensorflow/tfjs-core';
import type { GradSaveFunc, Tensor } from '@tensorflow/tfjs-core';

/**
 * Identity whose gradient is zero (tfjs has no stop_gradient). Marks values that must not be
 * trained through, such as gallery features and the prototype queue, even when a caller
 * differentiates with respect to them.
 */
export const stopGradient = customGrad((...args: Array<Tensor | GradSaveFunc>) => ({
  value: clone(args[0] as Tensor),
  gradFunc: (dy: Tensor) => zerosLike(dy),
})) as <T extends Tensor>(x: T) => T;
