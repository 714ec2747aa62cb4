/**
 * Every colour a chart draws with, and nowhere else: the layers take these values as
 * attributes, so an exported SVG or PNG carries real colours without the page's stylesheet.
 * Okabe–Ito colours, distinguishable with every common colour-vision deficiency. Text colours
 * reach at least 4.5:1 against the background, and marks at least 3:1.
 */
export const PALETTE = {
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  /** Vermillion darkened for text and thin lines on white (5.0:1). */
  vermillionText: '#B34700',
  text: '#1F1F1F',
  muted: '#575757',
  grid: '#D9D9D9',
  background: '#FFFFFF',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/**
 * The palette as CSS custom properties (`--chart-blue`, `--chart-vermillion-text`, ...), for
 * the HTML around a chart (its key's swatches) to use the same colours as the picture.
 */
export function paletteStyle(): string {
  return Object.entries(PALETTE)
    .map(
      ([name, value]) => `--chart-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`,
    )
    .join(';');
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** A marker drawn on a line every few months, so a line can be told apart without its colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

/**
 * How each run drawn on one chart looks, the baseline first and then each option: colours of
 * different lightness that all reach 3:1 on white, each with its own dash and marker, so the
 * lines stay apart in greyscale and with any colour-vision deficiency. Beyond five runs the
 * styles repeat with a longer dash.
 */
export const SERIES_STYLES: readonly { colour: string; dash: string; marker: MarkerShape }[] = [
  { colour: PALETTE.text, dash: '', marker: 'circle' },
  { colour: PALETTE.blue, dash: '9 4', marker: 'square' },
  { colour: PALETTE.vermillionText, dash: '3 3', marker: 'triangle' },
  { colour: PALETTE.green, dash: '12 4 3 4', marker: 'diamond' },
  { colour: PALETTE.muted, dash: '6 3 6 3 1 3', marker: 'cross' },
];

/** The style of the i-th run on a chart (0: the baseline). */
export function seriesStyle(i: number): { colour: string; dash: string; marker: MarkerShape } {
  const base = SERIES_STYLES[i % SERIES_STYLES.length]!;
  const round = Math.floor(i / SERIES_STYLES.length);
  return round === 0 ? base : { ...base, dash: `${base.dash || '1 0'} ${4 + 4 * round} 4` };
}

/** The path of a marker centred on 0,0 with half-width `size`, so one path serves every point. */
export function markerPath(shape: MarkerShape, size: number): string {
  const s = size;
  switch (shape) {
    case 'square':
      return `M${-s},${-s}h${2 * s}v${2 * s}h${-2 * s}Z`;
    case 'triangle':
      return `M0,${-s * 1.2}L${s * 1.1},${s * 0.9}L${-s * 1.1},${s * 0.9}Z`;
    case 'diamond':
      return `M0,${-s * 1.3}L${s * 1.3},0L0,${s * 1.3}L${-s * 1.3},0Z`;
    case 'cross':
      return `M${-s},${-s}L${s},${s}M${-s},${s}L${s},${-s}`;
    default:
      return `M${s},0A${s},${s} 0 1 1 ${-s},0A${s},${s} 0 1 1 ${s},0Z`;
  }
}
