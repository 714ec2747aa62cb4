import { flushSync, mount, unmount } from 'svelte';
import { afterAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../src/app/app.css';
import GoalSeekChart from '../../../src/app/decision/GoalSeekChart.svelte';
import TornadoChart from '../../../src/app/decision/TornadoChart.svelte';
import { serialiseSvg } from '../../../src/charts/exportChart.ts';
import { PALETTE } from '../../../src/charts/palette.ts';
import type { GoalSeekResult } from '../../../src/decision/goalSeek.ts';
import type { Tornado } from '../../../src/decision/tornado.ts';

const tornado: Tornado = {
  metric: 'unexaminedSuspects',
  seed: 's',
  swing: 'relative',
  swingLabel: '±20% of each input',
  relativeChange: 0.2,
  noRange: [],
  replications: 50,
  baseMean: 48,
  baseReplications: 50,
  confidence: 0.95,
  tolerance: 0.1,
  sequential: false,
  totalReplications: 350,
  rows: [
    {
      id: 'casesPerMonth',
      label: 'Cases per month',
      unit: 'cases',
      lowSetting: '8',
      highSetting: '12',
      lowMean: 24,
      highMean: 72,
      swing: 48,
      halfWidth: 0,
      replications: 50,
      settled: true,
    },
    {
      id: 'hoursPerItem',
      label: 'Hours per suspect',
      unit: 'hours',
      lowSetting: '20',
      highSetting: '30',
      lowMean: 36,
      highMean: 60,
      swing: 24,
      halfWidth: 0,
      replications: 50,
      settled: true,
    },
    {
      id: 'abstraction',
      label: 'Abstraction',
      unit: 'share of hours',
      lowSetting: '0.16',
      highSetting: '0.24',
      lowMean: 52,
      highMean: 44,
      swing: -8,
      halfWidth: 0,
      replications: 50,
      settled: true,
    },
  ],
};

const goal: GoalSeekResult = {
  answer: 12,
  direction: 1,
  uncertainValues: [],
  answerRange: [12, 12],
  meaning: null,
  why: null,
  replications: 100,
  totalReplications: 500,
  sequential: true,
  testConfidence: 0.95,
  curve: [
    {
      value: 10,
      probability: 0.3,
      se: 0.06,
      replications: 100,
      verdict: 'fails',
      interval: [0.3, 0.3],
    },
    {
      value: 11,
      probability: 0.7,
      se: 0.06,
      replications: 100,
      verdict: 'fails',
      interval: [0.7, 0.7],
    },
    {
      value: 12,
      probability: 0.92,
      se: 0.04,
      replications: 100,
      verdict: 'close',
      interval: [0.92, 0.92],
    },
    {
      value: 15,
      probability: 0.97,
      se: 0.02,
      replications: 100,
      verdict: 'meets',
      interval: [0.97, 0.97],
    },
    { value: 20, probability: 1, se: 0, replications: 100, verdict: 'meets', interval: [1, 1] },
  ],
};

const target = document.createElement('main');
target.style.width = '1000px';
document.body.append(target);
const tornadoHost = document.createElement('div');
const goalHost = document.createElement('div');
target.append(tornadoHost, goalHost);
const charts = [
  mount(TornadoChart, { target: tornadoHost, props: { tornado, scenarioName: 'Test' } }),
  mount(GoalSeekChart, {
    target: goalHost,
    props: { result: goal, confidence: 0.9, leverLabel: 'Posts' },
  }),
];
flushSync();

afterAll(() => {
  for (const chart of charts) void unmount(chart);
  target.remove();
});

const svgIn = (host: Element) => {
  const svg = host.querySelector('svg');
  if (!svg) throw new Error('No chart drawn.');
  return svg;
};

describe('the tornado chart', () => {
  it('titles the figure with the finding', () => {
    expect(tornadoHost.querySelector('h4')?.textContent).toBe(
      'Cases per month moves the mean suspects not examined for assets most: from 24 to 72 (base 48).',
    );
  });

  it('draws each row low in blue and high in vermillion, both from the base line', () => {
    const svg = svgIn(tornadoHost);
    const bars = [...svg.querySelectorAll('rect')].slice(1); // the first is the background
    const low = bars.slice(0, 3);
    const high = bars.slice(3);
    expect(low.map((r) => r.getAttribute('fill'))).toEqual(Array(3).fill(PALETTE.blue));
    expect(high.map((r) => r.getAttribute('fill'))).toEqual(Array(3).fill(PALETTE.vermillion));
    const rule = svg.querySelector('line[stroke-dasharray]')!.parentElement!;
    const baseX = Number(/translate\(([\d.]+),/.exec(rule.getAttribute('transform') ?? '')?.[1]);
    // A bar whose mean is below the base ends at the base; one above it starts there.
    const edge = (r: Element) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))];
    for (const r of [low[0]!, low[1]!, high[2]!]) {
      const [x, width] = edge(r);
      expect(x! + width!).toBeCloseTo(baseX, 9);
    }
    for (const r of [high[0]!, high[1]!, low[2]!]) expect(edge(r)[0]).toBeCloseTo(baseX, 9);
    // Widths are in proportion to the distance of each mean from the base.
    const widths = bars.map((r) => edge(r)[1]!);
    expect(widths[0]! / widths[1]!).toBeCloseTo(24 / 12, 9);
    expect(widths[3]! / widths[4]!).toBeCloseTo(24 / 12, 9);
    expect(widths[2]! / widths[5]!).toBeCloseTo(4 / 4, 9);
  });

  it('shows the numbers table when asked', async () => {
    await page.getByRole('button', { name: 'Show the numbers' }).first().click();
    const table = tornadoHost.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe(
      'One-at-a-time sensitivity, ±20% of each input: mean suspects not examined for assets, 50 replications, seed "s"',
    );
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(3);
  });
});

describe('the goal-seek chart', () => {
  it('draws the curve through every value tried and marks the answer', () => {
    const svg = svgIn(goalHost);
    const line = svg.querySelector(`path[stroke="${PALETTE.blue}"]`);
    expect(line?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(goal.curve.length);
    const dots = [...svg.querySelectorAll('circle')];
    expect(dots.map((c) => Number(c.getAttribute('r')))).toEqual([3.5, 3.5, 6, 3.5, 3.5]);
    expect(svg.textContent).toContain('target 0.9');
  });
});

describe('the decision charts', () => {
  it('export with the palette colours written in, needing no stylesheet', () => {
    for (const host of [tornadoHost, goalHost]) {
      const text = serialiseSvg(svgIn(host));
      expect(text).not.toContain('var(');
      expect(text).toContain(PALETTE.blue);
      expect(text).toContain(PALETTE.vermillion);
    }
  });

  it('meet WCAG 2.2 AA, contrast included', async () => {
    // Loaded as text rather than as a module, so Vite has no dependency to bundle mid-run.
    if (!('axe' in window)) new Function(axeSource)();
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(target, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('look right: a picture of both, to read by eye', async () => {
    await page.viewport(1040, 1700);
    const path = await page.screenshot({
      element: target,
      path: '../../../test-results/screenshots/decision-charts.png',
    });
    expect(path).toMatch(/decision-charts\.png$/);
  });
});
