import type { LegendItem } from './legend.ts';
import { markerPath, PALETTE } from './palette.ts';

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

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A copy of a drawn chart that looks the same outside the page, at the size it is drawn. */
function standaloneCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  resolveCustomColours(svg, copy);
  const style = getComputedStyle(svg);
  copy.setAttribute('style', `font-family:${style.fontFamily};background:${PALETTE.background}`);
  copy.removeAttribute('aria-describedby');
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  return copy;
}

const asXml = (svg: SVGSVGElement) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;

/**
 * Exports a chart's SVG. Charts draw with presentation attributes holding palette colours
 * rather than stylesheet classes, so the serialised SVG looks the same outside the page; a
 * colour given as a CSS custom property is replaced by its computed value, and the few
 * inherited styles are copied on to the root.
 */
export function serialiseSvg(svg: SVGSVGElement): string {
  return asXml(standaloneCopy(svg));
}

/** What an exported picture carries around the chart, so it still reads when pasted alone. */
export interface ExportFrame {
  title: string;
  legend: readonly LegendItem[];
  /** The axes' units in words; empty when the chart has no axes. */
  units: string;
  /** Scenario, option, seed, version and date. */
  stamp: string;
}

const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const STAMP_SIZE = 11;
/** A character's width as a share of the font size, for wrapping text no browser measures. */
const CHAR_WIDTH = 0.56;

/** Words wrapped into lines of at most `width` pixels at `size`. */
function wrapped(text: string, width: number, size: number): string[] {
  const most = Math.max(10, Math.floor(width / (size * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > most) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Lines of text from `y` down; returns the y below them. */
function textBlock(
  root: SVGSVGElement,
  lines: readonly string[],
  y: number,
  size: number,
  attributes: Record<string, string | number>,
): number {
  for (const line of lines) {
    y = Math.round((y + size * 1.3) * 10) / 10;
    root.append(element('text', { x: PAD, y, 'font-size': size, ...attributes }, line));
  }
  return y;
}

/** The key as marks and words in rows across the picture; returns the y below it. */
function legendBlock(
  root: SVGSVGElement,
  items: readonly LegendItem[],
  y: number,
  width: number,
): number {
  if (items.length === 0) return y;
  const row = TEXT_SIZE * 1.6;
  let x = PAD;
  let top = y + 4;
  for (const item of items) {
    const itemWidth = 30 + item.label.length * TEXT_SIZE * CHAR_WIDTH + 18;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      top += row;
    }
    const middle = top + row / 2;
    if (item.mark === 'line' || item.mark === 'dashed') {
      const dash = item.dash ?? (item.mark === 'dashed' ? '6 4' : undefined);
      root.append(
        element('line', {
          x1: x,
          x2: x + 24,
          y1: middle,
          y2: middle,
          stroke: item.colour,
          'stroke-width': 3,
          ...(dash ? { 'stroke-dasharray': dash } : {}),
        }),
      );
      if (item.marker) {
        root.append(
          element('path', {
            transform: `translate(${x + 12},${middle})`,
            d: markerPath(item.marker, 4),
            fill: item.marker === 'cross' ? 'none' : item.colour,
            stroke: item.colour,
            'stroke-width': item.marker === 'cross' ? 2 : 1,
          }),
        );
      }
    } else {
      root.append(
        element('rect', {
          x,
          y: middle - 6,
          width: 24,
          height: 12,
          fill: item.colour,
          ...(item.opacity !== undefined ? { 'fill-opacity': item.opacity } : {}),
        }),
      );
    }
    root.append(
      element(
        'text',
        { x: x + 30, y: middle, dy: '0.35em', 'font-size': TEXT_SIZE, fill: PALETTE.text },
        item.label,
      ),
    );
    x += itemWidth;
  }
  return top + row;
}

/**
 * The chart with its title above it and its key, units and stamp below, as one SVG: a picture
 * pasted into a paper or a slide on its own still says what it shows and where it came from.
 */
export function framedSvg(svg: SVGSVGElement, frame: ExportFrame): string {
  const chart = standaloneCopy(svg);
  const chartWidth = Number(chart.getAttribute('width'));
  const chartHeight = Number(chart.getAttribute('height'));
  const width = Math.max(chartWidth, 480);
  const root = element('svg', { xmlns: SVG_NS, width });
  root.setAttribute('style', chart.getAttribute('style') ?? '');
  const background = element('rect', { width: '100%', height: '100%', fill: PALETTE.background });
  root.append(background);
  let y = PAD / 2;
  y = textBlock(root, wrapped(frame.title, width - 2 * PAD, TITLE_SIZE), y, TITLE_SIZE, {
    'font-weight': 700,
    fill: PALETTE.text,
  });
  chart.removeAttribute('style');
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(y + 8));
  root.append(chart);
  y += 8 + chartHeight;
  y = legendBlock(root, frame.legend, y, width);
  if (frame.units)
    y = textBlock(root, wrapped(frame.units, width - 2 * PAD, TEXT_SIZE), y, TEXT_SIZE, {
      fill: PALETTE.text,
    });
  y = textBlock(root, wrapped(frame.stamp, width - 2 * PAD, STAMP_SIZE), y, STAMP_SIZE, {
    fill: PALETTE.muted,
  });
  root.setAttribute('height', String(Math.ceil(y + PAD / 2)));
  return asXml(root);
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

/** The picture to export: framed when a frame is given, the bare chart otherwise. */
const exported = (svg: SVGSVGElement, frame?: ExportFrame) =>
  frame ? framedSvg(svg, frame) : serialiseSvg(svg);

export function downloadSvg(svg: SVGSVGElement, fileName: string, frame?: ExportFrame): void {
  downloadBlob(new Blob([exported(svg, frame)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Draws the SVG on a canvas at twice its size (sharp on slides) and downloads it as PNG. */
export async function downloadPng(
  svg: SVGSVGElement,
  fileName: string,
  frame?: ExportFrame,
): Promise<void> {
  const text = exported(svg, frame);
  const size =
    /<svg[^>]*?\swidth="(\d+)"[^>]*?\sheight="(\d+)"|<svg[^>]*?\sheight="(\d+)"[^>]*?\swidth="(\d+)"/.exec(
      text,
    );
  const width = Number(size?.[1] ?? size?.[4] ?? svg.getBoundingClientRect().width);
  const height = Number(size?.[2] ?? size?.[3] ?? svg.getBoundingClientRect().height);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
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
