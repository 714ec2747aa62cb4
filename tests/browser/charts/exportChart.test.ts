import { afterEach, describe, expect, it } from 'vitest';
import { serialiseSvg } from '../../../src/charts/exportChart.ts';
import { PALETTE } from '../../../src/charts/palette.ts';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.style.removeProperty('--test-colour');
});

function drawn(markup: string): SVGSVGElement {
  document.documentElement.style.setProperty('--test-colour', '#123456');
  document.body.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">${markup}</svg>`;
  return document.querySelector('svg')!;
}

describe('serialiseSvg', () => {
  it('keeps palette colours written as attributes', () => {
    const text = serialiseSvg(drawn(`<rect width="10" height="10" fill="${PALETTE.blue}"/>`));
    expect(text).toContain(`fill="${PALETTE.blue}"`);
  });

  it('writes the computed colour where an attribute names a CSS custom property', () => {
    const text = serialiseSvg(drawn('<rect width="10" height="10" fill="var(--test-colour)"/>'));
    expect(text).not.toContain('var(');
    expect(text).toContain('fill="rgb(18, 52, 86)"');
  });

  it('writes the computed colour where an inline style names one', () => {
    const text = serialiseSvg(
      drawn('<line x2="10" style="stroke: var(--test-colour); stroke-width: 2"/>'),
    );
    expect(text).not.toContain('var(');
    expect(text).toMatch(/stroke: rgb\(18, 52, 86\)/);
    expect(text).toMatch(/stroke-width: 2/);
  });

  it('paints the background in the palette colour', () => {
    expect(serialiseSvg(drawn(''))).toContain(`background:${PALETTE.background}`);
  });
});
