/**
 * The Vulkan loader and driver that Dawn (npm `webgpu`, WebGPU for Node) needs. Dawn dlopens
 * `libvulkan.so.1`; the dynamic loader reads LD_LIBRARY_PATH only when a process starts, so
 * where the system has no Vulkan loader the environment must be set before Node starts: the CLI
 * relaunches itself with it (webgpu-node.ts), Vitest passes it to its forked workers
 * (vite.config.ts). Without a GPU driver, Chromium's own copies serve (SwiftShader, software,
 * docs/decisions.md): Debian's chromium package ships both the loader and the ICD.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const CHROMIUM_VULKAN_DIR = '/usr/lib/chromium';
const SWIFTSHADER_ICD = 'vk_swiftshader_icd.json';
const LOADER = 'libvulkan.so.1';

/** Whether the system's dynamic loader finds libvulkan.so.1 (LD_LIBRARY_PATH or ld.so.cache). */
export function systemHasVulkanLoader(env: NodeJS.ProcessEnv = process.env): boolean {
  const dirs = (env.LD_LIBRARY_PATH ?? '').split(':').filter((d) => d !== '');
  if (dirs.some((d) => existsSync(join(d, LOADER)))) return true;
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes(LOADER);
  } catch {
    return ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'].some((d) =>
      existsSync(join(d, LOADER)),
    );
  }
}

/**
 * Variables that point Dawn at Chromium's Vulkan loader and SwiftShader driver, or null where
 * Chromium's copies are absent. LD_LIBRARY_PATH keeps what it had after Chromium's folder; an
 * ICD the user chose (VK_ICD_FILENAMES) is kept.
 */
export function chromiumVulkanEnv(
  env: NodeJS.ProcessEnv = process.env,
  dir = CHROMIUM_VULKAN_DIR,
): Record<string, string> | null {
  if (!existsSync(join(dir, LOADER)) || !existsSync(join(dir, SWIFTSHADER_ICD))) return null;
  return {
    LD_LIBRARY_PATH: [dir, ...(env.LD_LIBRARY_PATH ?? '').split(':').filter((d) => d !== '' && d !== dir)].join(':'),
    VK_ICD_FILENAMES: env.VK_ICD_FILENAMES ?? join(dir, SWIFTSHADER_ICD),
  };
}

/** What a child process needs added to find a Vulkan loader: {} where the system has one. */
export function vulkanEnvForChildren(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (systemHasVulkanLoader(env)) return {};
  return chromiumVulkanEnv(env) ?? {};
}
