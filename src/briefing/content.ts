import { MONTHLY_SERIES } from '../engine/metrics.ts';
import type { Summary } from '../engine/aggregate/runAggregate.ts';
import { PERCENTILES, type Stat } from '../engine/aggregate/statistic.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import {
  assumptionsRegister,
  describeValue,
  scenarioInputs,
} from '../decision/assumptionsRegister.ts';
import { fmsTable } from '../decision/fmsTable.ts';
import type { ChartSpec, FanChartSpec } from '../results/charts.ts';
import type { ComparedMetric } from '../results/compare.ts';
import type { OptionsRun } from '../options/compareOptions.ts';
import { optionCharts } from '../options/optionCharts.ts';
import { aboutCount, aboutPounds } from '../options/sentence.ts';
import { findBottleneck } from '../results/bottleneck.ts';
import type { Headline } from '../results/headlines.ts';
import { METRIC_INFO, metricTitle, type MetricUnit } from '../results/metricInfo.ts';
import { printable, printableLines } from '../scenario/printable.ts';
import type { Scenario } from '../scenario/schema.ts';
import { exactFigure, exactSigned, exactStat } from './exactFigures.ts';
import {
  bottleneckSheet,
  bottleneckSlide,
  optionSheets,
  optionSlide,
  optionsSummarySlide,
  overlayChart,
  overlayNotes,
  whoGainsSlide,
} from './optionContent.ts';

/**
 * One comparison the pack reports: the current run against the kept baseline, or (once options
 * exist) an option against the baseline. Each becomes a slide and rows of the Comparison sheet.
 */
export interface BriefingComparison {
  /** What is compared, e.g. "Current run against the baseline" or an option's name. */
  name: string;
  baselineName: string;
  currentName: string;
  baselineSeed: string;
  /** True when both runs used the same seed, so differences are replication by replication. */
  paired: boolean;
  rows: ComparedMetric[];
  /** What changed from the baseline's scenario, one line each. */
  changes: string[];
  /** Sentences to read aloud; when empty the slide writes one per measure from the rows. */
  sentences: string[];
}

/** Everything the pack is made from: the run on screen and what it is compared with. */
export interface BriefingInput {
  scenario: Scenario;
  summary: Summary;
  seed: string;
  version: string;
  /** When the pack is made; written on the title slide and in every stamp. */
  date: Date;
  /** The option the shown run is, when it is one; the baseline scenario otherwise. */
  option?: string;
  headlines: Headline[];
  charts: ChartSpec[];
  comparisons: BriefingComparison[];
  /** The scenario's options run side by side with its baseline, when run and up to date. */
  options?: OptionsRun;
}

/** A line chart the pack draws natively, so the figures stay editable in PowerPoint. */
export interface BriefingChart {
  title: string;
  xLabel: string;
  yLabel: string;
  labels: string[];
  /** Each line, in its run's colour (#rrggbb), dash and marker where it has its own. */
  series: {
    name: string;
    values: number[];
    colour?: string;
    dash?: BriefingDash;
    marker?: BriefingMarker;
  }[];
  /** What the lines are, for the slide's caption. */
  description: string;
}

/** PowerPoint's preset dashes and markers a line of the pack may take. */
export type BriefingDash = 'solid' | 'dash' | 'sysDot' | 'lgDashDot' | 'lgDashDotDot';
export type BriefingMarker = 'circle' | 'square' | 'triangle' | 'diamond' | 'dot';

export interface BriefingTable {
  columns: string[];
  rows: string[][];
}

export type BriefingSlide =
  | { kind: 'title'; title: string; subtitle: string; notes: string }
  | { kind: 'bullets'; title: string; bullets: string[]; notes: string }
  | {
      kind: 'comparison';
      title: string;
      sentences: string[];
      table: BriefingTable;
      changes: string[];
      method: string;
      notes: string;
    }
  | {
      kind: 'options';
      title: string;
      sentences: string[];
      table: BriefingTable;
      method: string;
      notes: string;
    }
  | {
      kind: 'option';
      title: string;
      sentence: string;
      chance: string;
      changes: string[];
      table: BriefingTable;
      /** The cost and what it brings in, label and value. */
      money: [string, string][];
      /** The extra staff cost of each year of the horizon, label and value. */
      years: [string, string][];
      /** What limits capacity once the option is made. */
      limit: string;
      notes: string;
    }
  | {
      kind: 'bottleneck';
      title: string;
      sentence: string;
      table: BriefingTable;
      caption: string;
      /** What limits capacity with each option, where options were run. */
      others: string[];
      notes: string;
    }
  | { kind: 'chart'; title: string; chart: BriefingChart; notes: string }
  | { kind: 'table'; title: string; table: BriefingTable; notes: string }
  | { kind: 'text'; title: string; paragraphs: string[]; notes: string };

/** A cell of the workbook: text stays text (never a formula), numbers stay numbers. */
export type BriefingCell = string | number | null;

export interface BriefingSheet {
  /** The sheet's tab name: at most 31 characters, as Excel allows. */
  name: string;
  /** Lines above the table naming what it is and where it came from. */
  preamble: string[];
  columns: string[];
  rows: BriefingCell[][];
}

export interface Briefing {
  title: string;
  /** Scenario, option, seed, replications, version and date, on every slide and sheet. */
  stamp: string;
  /** A file name without its extension: letters, digits and dashes. */
  fileName: string;
  slides: BriefingSlide[];
  sheets: BriefingSheet[];
}

/** Rows of the assumptions register on one slide, so its type stays readable. */
export const REGISTER_ROWS_PER_SLIDE = 10;
/** Fan charts the pack carries: the first few, which the results page also leads with. */
export const CHARTS_IN_PACK = 3;

const STAT_KEYS = ['mean', 'se', 'sd', 'p05', 'p25', 'p50', 'p75', 'p95', 'min', 'max'] as const;
const STAT_HEADINGS = [
  'Mean',
  'Standard error',
  'Standard deviation',
  '5th percentile',
  '25th percentile',
  'Median',
  '75th percentile',
  '95th percentile',
  'Minimum',
  'Maximum',
];

/** A date as the pack writes it: 6 December 2026. */
export function briefingDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** What a stamp names: the scenario, the option or options, and how the figures were made. */
export interface StampInput {
  scenarioName: string;
  /** The option the figures are of, when they are of one. */
  option?: string;
  /** The options the figures set beside the baseline, when they are of several. */
  options?: readonly string[];
  seed: string;
  replications: number;
  version: string;
}

/**
 * The stamp of a run without its date: scenario, option or options, seed, replications and
 * version. Charts add the date they are exported on.
 */
export function runStamp(input: StampInput): string {
  const quoted = (names: readonly string[]) => names.map((n) => `“${printable(n)}”`).join(', ');
  const option = input.option
    ? ` · option “${printable(input.option)}”`
    : input.options && input.options.length > 0
      ? ` · baseline and ${input.options.length === 1 ? 'option' : 'options'} ${quoted(input.options)}`
      : '';
  return `${printable(input.scenarioName)}${option} · seed “${printable(input.seed)}” · ${input.replications.toLocaleString('en-GB')} replications · Shortfall ${input.version}`;
}

/** The stamp every slide and sheet carries: the run's stamp and the date. */
export function briefingStamp(input: StampInput & { date: Date }): string {
  return `${runStamp(input)} · ${briefingDate(input.date)}`;
}

/** A file name from the scenario's name: letters, digits and dashes, never empty. */
export function briefingFileName(scenarioName: string): string {
  const slug = scenarioName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug || 'scenario'}-briefing`;
}

function horizonWords(months: number): string {
  if (months === 12) return 'a year';
  return months % 12 === 0 ? `${months / 12} years` : `${months} months`;
}

/** A signed difference to two significant figures, as sentences give it: −3,100, +£11m. */
function aboutSigned(value: number, unit: MetricUnit): string {
  const body = unit === 'pounds' ? aboutPounds(Math.abs(value)) : aboutCount(Math.abs(value));
  if (body === '0' || body === '£0') return body;
  return `${value < 0 ? '−' : '+'}${body}`;
}

/**
 * The sentence a comparison row reads as when no option sentence is given, every figure to two
 * significant figures as sentences are: "Suspects not examined for assets: −3,100 (in 9
 * futures out of 10, between −3,600 and −2,700)."
 */
export function comparisonSentence(row: ComparedMetric): string {
  const d = row.difference;
  return `${row.label}: ${aboutSigned(d.mean, row.unit)} (in 9 futures out of 10, between ${aboutSigned(d.p05, row.unit)} and ${aboutSigned(d.p95, row.unit)}).`;
}

export function comparisonTable(rows: readonly ComparedMetric[]): BriefingTable {
  return {
    columns: [
      'Measure',
      'Baseline (mean)',
      'Current (mean)',
      'Difference (mean)',
      '90% range of the difference',
    ],
    rows: rows.map((r) => [
      r.label,
      exactFigure(r.baseline.mean, r.unit),
      exactFigure(r.current.mean, r.unit),
      exactSigned(r.difference.mean, r.unit),
      `${exactSigned(r.difference.p05, r.unit)} to ${exactSigned(r.difference.p95, r.unit)}`,
    ]),
  };
}

function pairingWords(c: BriefingComparison): string {
  return c.paired
    ? `Both runs used seed “${c.baselineSeed}”, so each future of one faced the same random demand as the same future of the other (common random numbers); the difference is taken future by future.`
    : 'The runs used different seeds, so the difference is between independent runs and its range is wide.';
}

function fanChart(spec: FanChartSpec): BriefingChart {
  const labels = spec.rows.map((r) => String(r.month));
  return {
    title: spec.title,
    xLabel: spec.xLabel,
    yLabel: spec.yLabel,
    labels,
    series: [
      { name: '95th percentile', values: spec.rows.map((r) => r.p95) },
      { name: 'Median', values: spec.rows.map((r) => r.p50) },
      { name: '5th percentile', values: spec.rows.map((r) => r.p05) },
      ...(spec.reference
        ? [
            {
              name: `Establishment (${spec.reference.label})`,
              values: spec.rows.map(() => spec.reference!.value),
            },
          ]
        : []),
    ],
    description: `${spec.yLabel} by month. The dark line is the median future; 9 futures in 10 lie between the two light lines (the 5th and 95th percentiles).${spec.reference ? ` The red line is the establishment, ${spec.reference.label}.` : ''}`,
  };
}

/** The method note: how the figures were made, in words a chief officer's staff officer can check. */
export function methodNote(input: BriefingInput): string[] {
  const n = input.summary.replications.toLocaleString('en-GB');
  const options = input.options;
  return [
    `Each figure comes from ${n} simulated futures of ${horizonWords(input.summary.horizonMonths)}, month by month: staff leave, are recruited and trained; cases arrive; staff work them in triage order; work not reached in time expires unexamined.`,
    'Uncertain inputs are drawn from the distributions in the scenario. Sentences about the scenario give the median future and the 90% range: in 9 futures out of 10 the figure lies within it. Sentences about an option or a change give the average difference and its 90% range, to two significant figures. Tables give the figures in full.',
    `The futures come from seed “${printable(input.seed)}”: running the scenario again with that seed and ${n} replications gives the same figures on any machine, with any number of workers.`,
    'Comparisons run both scenarios on the same seed where they can (common random numbers), so the difference is measured future by future and reflects the change, not chance.',
    ...(options
      ? [
          `Options: each option is the baseline with its changes, run on seed “${printable(options.seed)}” with ${options.replications.toLocaleString('en-GB')} futures, as the baseline is. Its cost is each month's extra people in post and in training at each role's yearly cost; people still being recruited cost nothing yet. The chance an option is better is the share of futures in which it leaves fewer ${options.options[0]?.lead === 'undeliveredProducts' ? 'products undelivered' : 'suspects unexamined'} than the baseline.`,
        ]
      : []),
    'What limits capacity is found from the pipeline over the final year: the stage that runs at its most while people queue before it (training seats all taken while recruits wait; posts left empty because hires a month are capped), or the posts themselves when they are full.',
    'Every input without a cited source is in the assumptions register. The model, its steps and its limitations are set out in docs/model.md.',
  ];
}

/** Speaker notes of the summary slide: every headline's statistic in exact figures. */
export function headlineNotes(headlines: readonly Headline[], stamp: string): string {
  const lines = headlines.map((h) => `${h.label}: ${exactStat(h.stat, h.unit)}.`);
  return [...lines, stamp].join('\n');
}

/** A comparison's slide: its sentences, the table of exact figures, how it was paired. */
export function comparisonSlide(c: BriefingComparison, stamp: string): BriefingSlide {
  return {
    kind: 'comparison',
    title: c.name,
    sentences: c.sentences.length > 0 ? c.sentences : c.rows.map(comparisonSentence),
    table: comparisonTable(c.rows),
    changes: c.changes,
    method: pairingWords(c),
    notes: comparisonNotes(c, stamp),
  };
}

/** The stamp of the options' slides and sheets: the baseline, every option, seed and date. */
export function optionsStamp(run: OptionsRun, version: string, date: Date): string {
  return briefingStamp({
    scenarioName: run.baseline.scenario.name,
    options: run.options.map((o) => o.name),
    seed: run.seed,
    replications: run.replications,
    version,
    date,
  });
}

/** Speaker notes of a comparison slide: both medians and the difference, in exact figures. */
export function comparisonNotes(c: BriefingComparison, stamp: string): string {
  const lines = c.rows.map(
    (r) =>
      `${r.label}: baseline mean ${exactFigure(r.baseline.mean, r.unit)} (median ${exactFigure(r.baseline.p50, r.unit)}), current mean ${exactFigure(r.current.mean, r.unit)} (median ${exactFigure(r.current.p50, r.unit)}); difference mean ${exactSigned(r.difference.mean, r.unit)} (standard error ${exactFigure(r.difference.se, r.unit)}), 90% range ${exactSigned(r.difference.p05, r.unit)} to ${exactSigned(r.difference.p95, r.unit)}.`,
  );
  return [
    `${c.currentName} against ${c.baselineName}.`,
    ...lines,
    `Baseline seed “${c.baselineSeed}”. ${c.paired ? 'Paired on common random numbers.' : 'Independent runs.'}`,
    stamp,
  ].join('\n');
}

/** Speaker notes of a chart's slide: its finding, the last month in exact figures, the stamp. */
export function chartNotes(spec: ChartSpec, stamp: string): string {
  const last = spec.kind === 'fan' ? spec.rows[spec.rows.length - 1] : undefined;
  const at = last
    ? `In month ${last.month}: median ${exactFigure(last.p50, 'count')}, 90% range ${exactFigure(last.p05, 'count')} to ${exactFigure(last.p95, 'count')}.`
    : '';
  const stages =
    spec.kind === 'funnel' ? spec.stages.map((s) => `${s.label}: ${s.display}.`).join(' ') : '';
  return [spec.title, at, stages, spec.description, stamp].filter(Boolean).join('\n');
}

const statRow = (name: string, unit: MetricUnit, stat: Stat): BriefingCell[] => [
  name,
  unit === 'pounds' ? '£' : 'count',
  ...STAT_KEYS.map((k) => stat[k]),
];

/** The slides and sheets of the pack; pure, so the pack and the presentation agree. */
export function briefingContent(input: BriefingInput): Briefing {
  const { scenario, summary } = input;
  const name = printable(scenario.name);
  const stamp = briefingStamp({
    scenarioName: name,
    option: input.option,
    seed: input.seed,
    replications: summary.replications,
    version: input.version,
    date: input.date,
  });
  const register = assumptionsRegister(scenario);
  const fans = input.charts
    .filter((c): c is FanChartSpec => c.kind === 'fan')
    .slice(0, CHARTS_IN_PACK);

  const options = input.options && input.options.options.length > 0 ? input.options : undefined;
  const optionStamp = options ? optionsStamp(options, input.version, input.date) : stamp;
  const bottleneck = findBottleneck(scenario, summary);

  const slides: BriefingSlide[] = [
    {
      kind: 'title',
      title: name,
      subtitle: `Specialist staff and the demand they cannot meet${options ? ` · the baseline and ${options.options.length === 1 ? 'one option' : `${options.options.length} options`}` : ''} · ${briefingDate(input.date)}`,
      notes: stamp,
    },
    {
      kind: 'bullets',
      title: 'What the scenario shows',
      bullets: input.headlines.map((h) => `${h.sentence} (${h.range}.)`),
      notes: headlineNotes(input.headlines, stamp),
    },
    bottleneckSlide(bottleneck, options, stamp),
  ];
  if (options) {
    slides.push(optionsSummarySlide(options, optionStamp));
    for (const option of options.options) {
      slides.push(optionSlide(option, options, optionStamp));
      const gains = whoGainsSlide(option, optionStamp);
      if (gains) slides.push(gains);
    }
    for (const spec of optionCharts(options)) {
      slides.push({
        kind: 'chart',
        title: spec.title,
        chart: overlayChart(spec),
        notes: overlayNotes(spec, optionStamp),
      });
    }
  }
  slides.push(
    ...input.comparisons.map((c) => comparisonSlide(c, stamp)),
    ...fans.map((spec): BriefingSlide => ({
      kind: 'chart',
      title: spec.title,
      chart: fanChart(spec),
      notes: chartNotes(spec, stamp),
    })),
  );
  for (let i = 0; i < register.length; i += REGISTER_ROWS_PER_SLIDE) {
    const page = register.slice(i, i + REGISTER_ROWS_PER_SLIDE);
    const pages = Math.ceil(register.length / REGISTER_ROWS_PER_SLIDE);
    slides.push({
      kind: 'table',
      title:
        pages > 1
          ? `Assumptions register (${i / REGISTER_ROWS_PER_SLIDE + 1} of ${pages})`
          : 'Assumptions register',
      table: {
        columns: ['Input', 'Value', 'Note'],
        rows: page.map((e) => [printable(e.label), printable(e.value), printable(e.note)]),
      },
      notes: `Inputs with no cited source, and the assumptions the scenario states. ${stamp}`,
    });
  }
  slides.push({ kind: 'text', title: 'Method', paragraphs: methodNote(input), notes: stamp });

  const fms = fmsTable(scenario, summary, input.seed, input.version);
  const preamble = [name, stamp];
  const monthlyRows: BriefingCell[][] = [];
  const { inPost, inTraining } = summary.monthly;
  const addSeries = (label: string, stats: readonly Stat[]) =>
    stats.forEach((s, m) =>
      monthlyRows.push([label, m + 1, s.p05, s.p25, s.p50, s.p75, s.p95, s.mean]),
    );
  const roleName = (id: string) => printable(scenario.roles.find((r) => r.id === id)?.name ?? id);
  for (const key of MONTHLY_SERIES)
    addSeries(key in METRIC_INFO ? metricTitle(key as TotalMetric) : key, summary.monthly[key]);
  for (const [role, stats] of Object.entries(inPost))
    addSeries(`${roleName(role)}s in post`, stats);
  for (const [role, stats] of Object.entries(inTraining))
    addSeries(`${roleName(role)}s in training`, stats);

  const sheets: BriefingSheet[] = [
    {
      name: 'About',
      preamble,
      columns: ['Item', 'Value'],
      rows: [
        ['Scenario', name],
        ...(input.option ? [['Option', printable(input.option)]] : []),
        ['Seed', printable(input.seed)],
        ['Replications', summary.replications],
        ['Horizon (months)', summary.horizonMonths],
        ['Shortfall version', input.version],
        ['Made on', briefingDate(input.date)],
        ...methodNote(input).map((p, i): BriefingCell[] => [i === 0 ? 'Method' : '', p]),
      ],
    },
    {
      name: 'Inputs',
      preamble,
      columns: ['Field', 'Input', 'Value'],
      rows: scenarioInputs(scenario).map((i) => [
        i.field,
        printable(i.label),
        printable(describeValue(i.value)),
      ]),
    },
    {
      name: 'Assumptions register',
      preamble,
      columns: ['Field', 'Input', 'Value', 'Note'],
      rows: register.map((e) => [
        e.field,
        printable(e.label),
        printable(e.value),
        printable(e.note),
      ]),
    },
    {
      name: 'Comparison',
      preamble:
        input.comparisons.length > 0
          ? preamble
          : [
              ...preamble,
              'No baseline was kept: keep one on the Results tab, change the scenario and run it again.',
            ],
      columns: [
        'Comparison',
        'Measure',
        'Unit',
        'Baseline mean',
        'Current mean',
        'Baseline median',
        'Current median',
        'Difference mean',
        'Difference standard error',
        'Difference 5th percentile',
        'Difference 95th percentile',
        'Paired (same seed)',
      ],
      rows: input.comparisons.flatMap((c) =>
        c.rows.map((r): BriefingCell[] => [
          printable(c.name),
          r.label,
          r.unit === 'pounds' ? '£' : 'count',
          r.baseline.mean,
          r.current.mean,
          r.baseline.p50,
          r.current.p50,
          r.difference.mean,
          r.difference.se,
          r.difference.p05,
          r.difference.p95,
          r.paired ? 'yes' : 'no',
        ]),
      ),
    },
    ...optionSheets(options, [name, optionStamp]),
    bottleneckSheet(bottleneck, options, preamble),
    {
      name: 'Totals',
      preamble,
      columns: ['Measure', 'Unit', ...STAT_HEADINGS],
      rows: [
        ...(Object.keys(summary.totals) as TotalMetric[]).map((m) =>
          statRow(metricTitle(m), METRIC_INFO[m].unit, summary.totals[m]),
        ),
        ...scenario.roles.flatMap((role) => {
          const stat = summary.endOfHorizon.inPost[role.id];
          return stat
            ? [statRow(`${printable(role.name)}s in post at the end`, 'count', stat)]
            : [];
        }),
      ],
    },
    {
      name: 'Monthly percentiles',
      preamble,
      columns: [
        'Series',
        'Month',
        ...Object.keys(PERCENTILES).map((k) => `${Number(k.slice(1))}th percentile`),
        'Mean',
      ],
      rows: monthlyRows,
    },
    {
      name: 'FMS table',
      preamble: [printable(fms.title), stamp],
      columns: [
        'Year',
        ...fms.columns.flatMap((c) => [
          `${c.label} mean`,
          `${c.label} 5th percentile`,
          `${c.label} 95th percentile`,
        ]),
      ],
      rows: fms.rows.map((r) => [
        r.label,
        ...fms.columns.flatMap((c) => [
          r.cells[c.key].mean,
          r.cells[c.key].p05,
          r.cells[c.key].p95,
        ]),
      ]),
    },
  ];

  return {
    title: `${name}: briefing`,
    stamp,
    fileName: briefingFileName(name),
    // Names of roles, units and options reach the pack inside sentences and titles: every
    // string is made printable on the way out, so no control character reaches a file.
    slides: printableDeep(slides),
    sheets: printableDeep(sheets),
  };
}

/**
 * Every string inside `value` made printable, its line breaks kept (speaker notes are lines);
 * printable is idempotent, so text made printable before is unchanged. Numbers as they are.
 */
function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printableLines(value) as T;
  if (Array.isArray(value)) return value.map(printableDeep) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableDeep(v)])) as T;
  return value;
}
