import { PALETTE } from './palette.ts';

/** Attributes and style properties that can hold a colour in an SVG. */
const COLOUR_PROPERTIES = ['fill', 'stroke', 'stop-color', 'flood-color', 'color'] as const;

/**
 * Writes the colour the page computed wherever the copy names a CSS custom property: a file
 * opened outside the page has no stylesheet to look the property up in.
 */
function resolveCustomColours(original: SVGSVGElement, copy: SVGSVGElement): void {
  const from = [original, ...original.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((element, i) => {
    const target = to[i];
    if (!target) return;
    const computed = getComputedStyle(element);
    const inline = target instanceof SVGElement ? target.style : undefined;
    for (const name of COLOUR_PROPERTIES) {
      if (target.getAttribute(name)?.includes('var('))
        target.setAttribute(name, computed.getPropertyValue(name));
      if (inline?.getPropertyValue(name).includes('var('))
        inline.setProperty(name, computed.getPropertyValue(name));
    }
  });
}

/**
 * Exports a chart's SVG. Charts draw with presentation attributes holding palette colours
 * rather than stylesheet classes, so the serialised SVG looks the same outside the page; a
 * colour given as a CSS custom property is replaced by its computed value, and the few
 * inherited styles are copied on to the root.
 */
export function serialiseSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  resolveCustomColours(svg, copy);
  const style = getComputedStyle(svg);
  copy.setAttribute('style', `font-family:${style.fontFamily};background:${PALETTE.background}`);
  copy.removeAttribute('aria-describedby');
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadBlob(new Blob([serialiseSvg(svg)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Draws the SVG on a canvas at twice its size (sharp on slides) and downloads it as PNG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([serialiseSvg(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the chart as a picture.');
    context.fillStyle = PALETTE.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG.');
    downloadBlob(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a scenario name and chart id: letters, digits and dashes only. */
export function exportFileName(scenarioName: string, chartId: string): string {
  const slug = `${scenarioName}-${chartId}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 100) || 'chart';
}
