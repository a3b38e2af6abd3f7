/**
 * SVG and PNG buttons for a figure that is not an SvgLineChart (histogram, heatmap, explain
 * views): an <svg> downloads as both, a <canvas> (the 2-D landscape) as PNG, made in this browser.
 */
import type { RefObject } from 'react';
import { downloadBlob } from '../export/download';
import { chartFileName, downloadPng, downloadSvg } from './chartDownload';

interface Props {
  /** The figure's accessible name; the buttons are "Download <label> as SVG" / "as PNG". */
  label: string;
  target: RefObject<SVGSVGElement | HTMLCanvasElement | null>;
  /** A canvas has no SVG to give. */
  kind: 'svg' | 'canvas';
  /** 'corner': over an .svg-chart's top right, as SvgLineChart's; 'inline': after the figure. */
  place?: 'corner' | 'inline';
}

function save(el: SVGSVGElement | HTMLCanvasElement | null, kind: 'svg' | 'png', label: string): void {
  const name = chartFileName(label);
  if (el instanceof SVGSVGElement) {
    if (kind === 'svg') downloadSvg(el, [], name);
    else void downloadPng(el, [], name).catch((e: unknown) => console.error('PNG download failed', e));
  } else if (el instanceof HTMLCanvasElement) {
    el.toBlob((blob) => blob && downloadBlob(blob, `${name}.png`), 'image/png');
  }
}

export function FigureDownloads({ label, target, kind, place = 'inline' }: Props) {
  return (
    <span className={place === 'corner' ? 'chart-menu' : 'figure-downloads'}>
      {kind === 'svg' && (
        <button
          type="button"
          aria-label={`Download ${label} as SVG`}
          onClick={() => save(target.current, 'svg', label)}
        >
          SVG
        </button>
      )}
      <button type="button" aria-label={`Download ${label} as PNG`} onClick={() => save(target.current, 'png', label)}>
        PNG
      </button>
    </span>
  );
}
