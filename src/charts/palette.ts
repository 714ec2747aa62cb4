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
