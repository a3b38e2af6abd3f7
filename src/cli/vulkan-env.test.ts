import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumVulkanEnv, systemHasVulkanLoader } from './vulkan-env';

/** A folder laid out like Chromium's: the Vulkan loader and the SwiftShader ICD, or only some. */
function chromiumLike(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vk-'));
  for (const f of files) writeFileSync(join(dir, f), '');
  return dir;
}

describe('Vulkan environment for Dawn', () => {
  it("points the loader path and the ICD at Chromium's copies, keeping the old path after them", () => {
    const dir = chromiumLike(['libvulkan.so.1', 'vk_swiftshader_icd.json']);
    expect(chromiumVulkanEnv({ LD_LIBRARY_PATH: '/opt/a:/opt/b' }, dir)).toEqual({
      LD_LIBRARY_PATH: `${dir}:/opt/a:/opt/b`,
      VK_ICD_FILENAMES: join(dir, 'vk_swiftshader_icd.json'),
    });
  });

  it('keeps an ICD the user chose and does not repeat the folder', () => {
    const dir = chromiumLike(['libvulkan.so.1', 'vk_swiftshader_icd.json']);
    expect(chromiumVulkanEnv({ LD_LIBRARY_PATH: dir, VK_ICD_FILENAMES: '/etc/my_icd.json' }, dir)).toEqual({
      LD_LIBRARY_PATH: dir,
      VK_ICD_FILENAMES: '/etc/my_icd.json',
    });
  });

  it('offers nothing where the loader or the ICD is missing', () => {
    expect(chromiumVulkanEnv({}, chromiumLike(['libvulkan.so.1']))).toBeNull();
    expect(chromiumVulkanEnv({}, chromiumLike(['vk_swiftshader_icd.json']))).toBeNull();
  });

  it('finds a loader on LD_LIBRARY_PATH', () => {
    expect(systemHasVulkanLoader({ LD_LIBRARY_PATH: chromiumLike(['libvulkan.so.1']) })).toBe(true);
  });
});
