import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE, paletteStyle, SERIES_STYLES, seriesStyle } from '../../src/charts/palette.ts';

const SRC = join(import.meta.dirname, '../../src');
/** The two places a colour may be written: the charts' palette and the page's stylesheet. */
const COLOUR_SOURCES = ['charts/palette.ts', 'app/app.css'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('colours', () => {
  it('are written only in the palette and in app.css, so changing one is a change in one file', () => {
    const literal = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(/;
    const offenders = filesUnder(SRC)
      .filter((file) => /\.(ts|svelte|css)$/.test(file))
      .map((file) => relative(SRC, file).replaceAll('\\', '/'))
      .filter((file) => !COLOUR_SOURCES.includes(file))
      .filter((file) => literal.test(readFileSync(join(SRC, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('of the palette are lent to the page as --chart-* custom properties', () => {
    const style = paletteStyle();
    expect(style).toContain(`--chart-blue:${PALETTE.blue}`);
    expect(style).toContain(`--chart-vermillion-text:${PALETTE.vermillionText}`);
    expect(style.split(';')).toHaveLength(Object.keys(PALETTE).length);
  });
});

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the palette', () => {
  it('keeps text at 4.5:1 and marks drawn in colour at 3:1 against the background', () => {
    for (const text of [PALETTE.text, PALETTE.muted, PALETTE.vermillionText])
      expect(contrast(text, PALETTE.background)).toBeGreaterThanOrEqual(4.5);
    for (const mark of [PALETTE.blue, PALETTE.vermillion, PALETTE.green])
      expect(contrast(mark, PALETTE.background)).toBeGreaterThanOrEqual(3);
  });
});

describe('the styles of runs on one chart', () => {
  it('reach 3:1 on white and differ in colour, dash and marker, so greyscale keeps them apart', () => {
    for (const style of SERIES_STYLES)
      expect(contrast(style.colour, PALETTE.background)).toBeGreaterThanOrEqual(3);
    for (const key of ['colour', 'dash', 'marker'] as const)
      expect(new Set(SERIES_STYLES.map((s) => s[key])).size).toBe(SERIES_STYLES.length);
  });

  it('stay distinct beyond five runs by lengthening the dash', () => {
    const many = Array.from({ length: 20 }, (_, i) => seriesStyle(i));
    const keys = many.map((s) => `${s.colour}|${s.dash}|${s.marker}`);
    expect(new Set(keys).size).toBe(20);
  });
});
