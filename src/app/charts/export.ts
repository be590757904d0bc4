/**
 * Chart export without libraries. A chart's look comes from CSS (custom
 * properties, the dark scheme, component styles) that a standalone SVG file
 * would lose, so the serialiser copies each element's computed style inline.
 * The PNG is that SVG drawn as an image onto an offscreen canvas.
 */

/** The presentation properties our charts use; copying all ~350 would bloat the file. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

/**
 * A standalone SVG document of a rendered chart, its styles inlined. Hidden
 * elements (focus rings) are dropped; `background` fills the canvas so the
 * file reads the same in either colour scheme it was exported from; `title`
 * replaces the in-page accessible title.
 */
export function serializeSvg(svg: SVGSVGElement, background: string, title = ''): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  src.forEach((el, i) => {
    const out = dst[i];
    // Text-only elements are not painted: no style to copy.
    if (el.tagName === 'title' || el.tagName === 'desc') {
      out.removeAttribute('class');
      return;
    }
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') {
      drop.push(out);
      return;
    }
    const style = PROPS.map((p) => {
      // Chromium reports url(#id) fills as absolute URLs; a file needs the bare fragment.
      const v = cs.getPropertyValue(p).replace(/url\("?[^")]*?(#[^")]+)"?\)/g, 'url($1)');
      return v ? `${p}:${v}` : '';
    })
      .filter(Boolean)
      .join(';');
    out.setAttribute('style', style);
    out.removeAttribute('class');
  });
  for (const el of drop) el.remove();
  // In a file the chart's title is its name, not the in-page keyboard instructions.
  const heading = clone.querySelector('title');
  if (heading && title) heading.textContent = title;
  const w = svg.getAttribute('width') ?? String(svg.clientWidth);
  const h = svg.getAttribute('height') ?? String(svg.clientHeight);
  clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  let text = new XMLSerializer().serializeToString(clone);
  if (!/^<svg[^>]*\sxmlns=/.test(text)) text = text.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** Rasterises an SVG document at `scale` × its size (2 for sharp text on high-density screens). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText);
  await img.decode();
  const w = Math.ceil(width * scale);
  const h = Math.ceil(height * scale);
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, w, h);
    return canvas.convertToBlob({ type: 'image/png' });
  }
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** Saves a blob as a file (lib/download.ts takes text only). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** File names from metric names: keep CJK, drop what file systems dislike. */
export function fileSlug(...parts: string[]): string {
  return ['minsheng', ...parts.filter(Boolean)].join('-').replace(/[\\/:*?"<>|\s%]+/g, '_');
}
