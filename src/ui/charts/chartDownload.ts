/**
 * A chart as a file: its <svg> serialized (with the stylesheet's few chart rules and the legend
 * drawn in, since both live outside the element), or that SVG drawn on a canvas as a PNG.
 */
import { downloadBlob } from '../export/download';

// The rules of styles.css that draw a chart (.svg-chart ...), as a standalone SVG needs them.
const STYLE =
  '.grid line{stroke:#dee2e6;stroke-dasharray:3 3}.axis text{font-size:13px;fill:#666}.ref text{font-size:12px}text{font-family:system-ui,sans-serif}';
const LEGEND_ROW = 16;

export interface LegendEntry {
  name: string;
  color: string;
  dash?: string | undefined;
}

/** The chart as a standalone SVG document: white background, the chart's styles, the legend below. */
export function chartSvgText(
  svg: SVGSVGElement,
  legend: readonly LegendEntry[],
): { text: string; width: number; height: number } {
  const ns = 'http://www.w3.org/2000/svg';
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('.cursor').forEach((n) => n.remove());
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const chartHeight = Number(svg.getAttribute('height')) || svg.clientHeight;
  const height = chartHeight + legend.length * LEGEND_ROW + (legend.length > 0 ? 6 : 0);
  clone.setAttribute('xmlns', ns);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const style = document.createElementNS(ns, 'style');
  style.textContent = STYLE;
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  clone.prepend(style, bg);
  legend.forEach((l, i) => {
    const y = chartHeight + 6 + i * LEGEND_ROW + LEGEND_ROW / 2;
    const line = document.createElementNS(ns, 'line');
    for (const [k, v] of [
      ['x1', '52'],
      ['x2', '72'],
      ['y1', String(y)],
      ['y2', String(y)],
      ['stroke', l.color],
      ['stroke-width', '2'],
    ])
      line.setAttribute(k as string, v as string);
    if (l.dash) line.setAttribute('stroke-dasharray', l.dash);
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '78');
    text.setAttribute('y', String(y));
    text.setAttribute('dy', '0.32em');
    text.setAttribute('font-size', '12');
    text.textContent = l.name;
    clone.append(line, text);
  });
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function downloadSvg(svg: SVGSVGElement, legend: readonly LegendEntry[], filename: string): void {
  downloadBlob(new Blob([chartSvgText(svg, legend).text], { type: 'image/svg+xml' }), `${filename}.svg`);
}

/**
 * The SVG drawn at twice its size on a canvas. The image is a data: URL, which the page's CSP
 * already allows in img-src (vite.csp.ts), so the policy needs no blob: for it.
 */
export async function downloadPng(svg: SVGSVGElement, legend: readonly LegendEntry[], filename: string): Promise<void> {
  const { text, width, height } = chartSvgText(svg, legend);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2-D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('the canvas gave no PNG');
  downloadBlob(blob, `${filename}.png`);
}

/** "Loss (smoothed), all runs" → "loss-smoothed-all-runs". */
export function chartFileName(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}
