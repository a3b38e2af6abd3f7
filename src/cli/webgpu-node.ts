/**
 * tfjs's WebGPU backend in Node: Dawn (npm `webgpu`) provides `navigator.gpu`, so
 * @tensorflow/tfjs-backend-webgpu runs the very WGSL kernels the browser runs: on a GPU server
 * through the vendor's Vulkan driver, here on SwiftShader (software; slow, but it proves the path
 * and lets tests run WebGPU code without a browser).
 */
import { spawn } from 'node:child_process';
import { chromiumVulkanEnv, systemHasVulkanLoader } from './vulkan-env';

/** Set in a process this module relaunched, so it never relaunches twice. */
const RELAUNCHED = 'MASST_VULKAN_RELAUNCHED';

export interface NodeGpuAdapter {
  vendor: string;
  architecture: string;
  description: string;
  /** SwiftShader or another fallback adapter: WebGPU runs on the CPU there. */
  software: boolean;
}

let gpu: GPU | null = null;

/** Dawn's GPU object, created once; its globals (GPUBufferUsage, …) are installed for tfjs. */
async function dawnGpu(): Promise<GPU> {
  if (gpu === null) {
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    gpu = create([]);
  }
  return gpu;
}

/** The adapter Dawn offers in this process, or null (no Vulkan loader or driver). */
export async function nodeGpuAdapter(): Promise<NodeGpuAdapter | null> {
  const adapter = await (await dawnGpu()).requestAdapter();
  if (adapter === null) return null;
  const { vendor, architecture, description } = adapter.info;
  const software = /swiftshader|llvmpipe|lavapipe/i.test(`${vendor} ${architecture} ${description}`);
  return { vendor, architecture, description, software };
}

/** Runs this command again with env added and exits with its status; signals pass through to it. */
function relaunch(env: Record<string, string>): Promise<never> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...env, [RELAUNCHED]: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise(() => child.on('exit', (code, signal) => process.exit(code ?? (signal !== null ? 128 : 1))));
}

/**
 * An adapter for this process, relaunching the process once with Chromium's Vulkan loader and
 * SwiftShader where the system offers no adapter (vulkan-env.ts): call it before any work. The
 * relaunched process starts over; this one never resolves and exits with the child's status.
 * @throws Error naming what is missing when no adapter can be had.
 */
export async function ensureNodeGpuAdapter(): Promise<NodeGpuAdapter> {
  const adapter = systemHasVulkanLoader() ? await nodeGpuAdapter() : null;
  if (adapter !== null) return adapter;
  const chromium = chromiumVulkanEnv();
  if (process.env[RELAUNCHED] === undefined && chromium !== null) return relaunch(chromium);
  throw new Error(
    'backend "webgpu" found no WebGPU adapter in Node: Dawn needs a Vulkan loader (libvulkan.so.1) and driver. ' +
      "Install the GPU's Vulkan driver, or Chromium (apt-get install -y chromium) for its software SwiftShader copy.",
  );
}

/**
 * Registers tfjs's 'webgpu' backend. The backend package registers itself on import only where
 * `navigator.gpu` exists, so navigator.gpu is set first and the package imported after.
 */
export async function registerNodeWebGpu(): Promise<void> {
  const dawn = await dawnGpu();
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav === undefined) Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn }, configurable: true });
  else if (!('gpu' in nav)) Object.defineProperty(nav, 'gpu', { value: dawn, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
}
