import { afterEach, describe, expect, it } from 'vitest';
import { runStamp } from '../../../src/briefing/content.ts';
import { framedSvg, serialiseSvg } from '../../../src/charts/exportChart.ts';
import { overlayLegend } from '../../../src/charts/legend.ts';
import { markerPath, PALETTE, seriesStyle } from '../../../src/charts/palette.ts';

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

describe('framedSvg', () => {
  const frame = {
    title: 'About 700 suspects a month go unexamined by the final year',
    legend: [
      { label: 'median', colour: PALETTE.blue, mark: 'line' as const },
      { label: '90% of futures', colour: PALETTE.sky, mark: 'band' as const, opacity: 0.35 },
      { label: 'establishment', colour: PALETTE.vermillion, mark: 'dashed' as const },
    ],
    units: 'Across: Month of the horizon. Up: Suspects not examined (per month).',
    stamp: 'MPS · seed “s” · 2,000 replications · Shortfall 1.0.0 · exported 6 December 2026',
  };

  function parsed(text: string): Document {
    return new DOMParser().parseFromString(text, 'image/svg+xml');
  }

  it('carries the title, every legend entry, the units and the stamp as text', () => {
    const doc = parsed(framedSvg(drawn('<rect width="10" height="10" fill="red"/>'), frame));
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts.join(' ')).toContain(frame.title);
    for (const item of frame.legend) expect(texts).toContain(item.label);
    expect(texts.join(' ')).toContain('Up: Suspects not examined (per month).');
    expect(texts.join(' ')).toContain('Shortfall 1.0.0 · exported 6 December 2026');
  });

  it('draws each legend mark in its colour, a dashed line dashed', () => {
    const doc = parsed(framedSvg(drawn(''), frame));
    const dashed = doc.querySelector('line[stroke-dasharray]');
    expect(dashed?.getAttribute('stroke')).toBe(PALETTE.vermillion);
    expect(doc.querySelector(`rect[fill="${PALETTE.sky}"]`)?.getAttribute('fill-opacity')).toBe(
      '0.35',
    );
  });

  it('places the chart below the title and sizes the picture to hold everything', () => {
    const doc = parsed(framedSvg(drawn(''), frame));
    const root = doc.documentElement;
    const chart = root.querySelector(':scope > svg')!;
    expect(Number(chart.getAttribute('y'))).toBeGreaterThan(18);
    const bottom = Math.max(
      ...[...root.querySelectorAll(':scope > text')].map((t) => Number(t.getAttribute('y'))),
    );
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(bottom);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(
      50 + Number(chart.getAttribute('y')),
    );
  });

  it('writes text from a scenario as text, never as markup', () => {
    const text = framedSvg(drawn(''), { ...frame, title: '<script>alert(1)</script> & more' });
    expect(text).not.toContain('<script>');
    expect(parsed(text).querySelector('text')?.textContent).toContain(
      '<script>alert(1)</script> & more',
    );
  });
});

describe('framedSvg of the baseline and options on one chart', () => {
  const spec = {
    series: [
      { name: 'Baseline', rows: [] },
      { name: 'Fill the vacancies', rows: [] },
      { name: 'Ten more training seats a year', rows: [] },
    ],
  };
  const stamp = `${runStamp({
    scenarioName: 'MPS',
    options: spec.series.slice(1).map((s) => s.name),
    seed: 's',
    replications: 200,
    version: '1.0.0',
  })} · exported 6 December 2026`;
  const text = framedSvg(drawn(''), {
    title: 'Suspects not examined in the last month: Baseline about 400',
    legend: overlayLegend(spec),
    units: 'Across: Month of the horizon. Up: Suspects not examined (per month).',
    stamp,
  });
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');

  it('names every run in its key, with its marker in words, and every option in its stamp', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(texts.join(' ')).toContain('Suspects not examined in the last month');
    for (const label of [
      'Baseline (circles)',
      'Fill the vacancies (squares)',
      'Ten more training seats a year (triangles)',
      'shaded: 90% of futures',
    ])
      expect(texts).toContain(label);
    expect(texts.join(' ')).toContain(
      'MPS · baseline and options “Fill the vacancies”, “Ten more training seats a year” · seed “s”',
    );
  });

  it('draws each run’s line in its own colour and dash, with its marker', () => {
    const lines = [...doc.querySelectorAll(':scope > line')];
    expect(lines.map((l) => l.getAttribute('stroke'))).toEqual(
      [0, 1, 2].map((i) => seriesStyle(i).colour),
    );
    expect(lines.map((l) => l.getAttribute('stroke-dasharray'))).toEqual([
      null,
      seriesStyle(1).dash,
      seriesStyle(2).dash,
    ]);
    const marks = [...doc.querySelectorAll(':scope > path')].map((p) => p.getAttribute('d'));
    expect(marks).toEqual([0, 1, 2].map((i) => markerPath(seriesStyle(i).marker, 4)));
  });
});
