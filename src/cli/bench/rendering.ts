/** Faces rendered per second at the default data config (32 px grey), from a fresh seed. */
import { defaultDataConfig } from '../../core/data/defaults';
import { generateDatasetWithStats } from '../../core/data/dataset';
import { initRasterizer } from '../../core/data/rasterize';
import { loadResvgWasmNode } from '../rasterizer-node';

export async function measureRendering(images: number): Promise<number> {
  await initRasterizer(await loadResvgWasmNode());
  const ids = Math.max(10, Math.floor(images / 4));
  const config = { ...defaultDataConfig(), trainIds: ids, testIds: 10, testImagesPerId: 2, pairs: 20 };
  const { imagesPerSecond } = await generateDatasetWithStats(config, 12345);
  return imagesPerSecond;
}
