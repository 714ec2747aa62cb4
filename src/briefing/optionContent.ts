import type { TotalMetric } from '../engine/metrics.ts';
import { seriesStyle, type MarkerShape } from '../charts/palette.ts';
import type { OptionComparison, OptionsRun } from '../options/compareOptions.ts';
import {
  COST_COLUMNS,
  costRows,
  DIFFERENCE_COLUMNS,
  keyDifferenceRows,
  moneyLines,
  unitGainRows,
} from '../options/compareReport.ts';
import type { OverlaySpec } from '../options/optionCharts.ts';
import { BETTER } from '../options/pairedTotals.ts';
import type { Bottleneck, RolePipeline } from '../results/bottleneck.ts';
import { METRIC_INFO, metricTitle } from '../results/metricInfo.ts';
import { printable } from '../scenario/printable.ts';
import type {
  BriefingCell,
  BriefingChart,
  BriefingDash,
  BriefingMarker,
  BriefingSheet,
  BriefingSlide,
  BriefingTable,
} from './content.ts';
import { exactFigure, exactSigned } from './exactFigures.ts';

const percent = (p: number | null | undefined) =>
  p === null || p === undefined || !Number.isFinite(p) ? '' : `${Math.round(p * 100)}%`;

/** "Better than the baseline in 97% of futures, worse in 1%." */
export function chanceWords(option: OptionComparison): string {
  const worse = option.totals[option.lead]?.probabilityWorse ?? 0;
  return `Better than the baseline in ${percent(option.probabilityBetter)} of futures${worse > 0 ? `, worse in ${percent(worse)}` : ''}.`;
}

/** The cost of each extra item the option is judged by, in full, or why there is none. */
function costPerExtra(option: OptionComparison): string {
  const line = moneyLines(option).find(([label]) => label.startsWith('Cost per extra'));
  return line ? line[1] : '';
}

/** The options side by side: a row an option with what it does, its chance, cost and limit. */
export function optionsSummaryTable(run: OptionsRun): BriefingTable {
  const lead = run.options[0]?.lead ?? 'unexaminedSuspects';
  const per = lead === 'undeliveredProducts' ? 'product delivered' : 'suspect examined';
  return {
    columns: [
      'Option',
      `${metricTitle(lead)}: difference (mean)`,
      '90% range',
      'Chance it is better',
      'Extra staff cost over the horizon',
      `Cost per extra ${per}`,
    ],
    rows: run.options.map((o) => {
      const d = o.totals[o.lead]!.difference;
      return [
        printable(o.name),
        exactSigned(d.mean, 'count'),
        `${exactSigned(d.p05, 'count')} to ${exactSigned(d.p95, 'count')}`,
        percent(o.probabilityBetter),
        exactSigned(o.cost.total, 'pounds'),
        costPerExtra(o),
      ];
    }),
  };
}

const unitOf = (name: string) =>
  (METRIC_INFO[name as TotalMetric]?.unit ?? 'count') === 'pounds' ? '£' : 'count';
const labelOf = (name: string, roleName: (id: string) => string) => {
  if (name in METRIC_INFO) return metricTitle(name as TotalMetric);
  const [series, role] = name.split('.') as [string, string];
  return `${roleName(role)}s ${series === 'inPost' ? 'in post' : 'in training'} at the end`;
};

/** Speaker notes of an option's slide: every total's paired difference in full, and the cost. */
export function optionNotes(option: OptionComparison, run: OptionsRun, stamp: string): string {
  const roleName = (id: string) =>
    printable(run.baseline.scenario.roles.find((r) => r.id === id)?.name ?? id);
  const lines = Object.entries(option.totals).map(([name, t]) => {
    const unit = unitOf(name) === '£' ? 'pounds' : 'count';
    const d = t.difference;
    return `${labelOf(name, roleName)}: baseline mean ${exactFigure(t.baseline.mean, unit)}, option mean ${exactFigure(t.option.mean, unit)}; difference mean ${exactSigned(d.mean, unit)} (standard error ${exactFigure(d.se, unit)}), 90% range ${exactSigned(d.p05, unit)} to ${exactSigned(d.p95, unit)}${t.better ? `, better in ${percent(t.probabilityBetter)} of futures` : ''}.`;
  });
  return [
    printable(option.sentence),
    ...option.changes.map((c) => `Change: ${printable(c)}`),
    ...lines,
    ...moneyLines(option).map(([label, value]) => `${label}: ${value}.`),
    `With this option: ${option.bottleneck.sentence}`,
    `Seed “${printable(run.seed)}”, ${run.replications.toLocaleString('en-GB')} replications for the baseline and each option, paired on common random numbers.`,
    stamp,
  ].join('\n');
}

/** Money lines an option's slide leaves to its table of differences and its notes. */
const SHOWN_IN_TABLE = new Set([
  'Yearly cost of the extra staff at the end',
  'Extra assets recovered',
  'Extra force income (ARIS)',
]);

/** One slide per option: its sentence, chance, changes, key differences, cost and limit. */
export function optionSlide(
  option: OptionComparison,
  run: OptionsRun,
  stamp: string,
): BriefingSlide {
  const money = moneyLines(option);
  return {
    kind: 'option',
    title: printable(option.name),
    sentence: printable(option.sentence),
    chance: chanceWords(option),
    changes: option.changes.map(printable),
    table: { columns: DIFFERENCE_COLUMNS, rows: keyDifferenceRows(option) },
    // The table above has the extra recovery and income; the slide sets the cost against them.
    money: money.filter(([label]) => !SHOWN_IN_TABLE.has(label)),
    years: costRows(option)
      .slice(0, -1)
      .map(([year, , cost]): [string, string] => [`Extra staff cost, ${year}`, cost!]),
    limit: `With this option: ${option.bottleneck.sentence}`,
    notes: optionNotes(option, run, stamp),
  };
}

/** Who gains from one option in a scenario of several units, a row a unit; none for one unit. */
export function whoGainsSlide(option: OptionComparison, stamp: string): BriefingSlide | undefined {
  if (!option.byUnit) return undefined;
  const table = unitGainRows(option.byUnit);
  return {
    kind: 'table',
    title: `Who gains: ${printable(option.name)}`,
    table: { columns: table.columns, rows: table.rows.map((r) => r.map(printable)) },
    notes: [
      'Each unit’s totals with the option against the baseline, future by future: the mean difference and, in brackets, its 90% range. A suspect or product counts for the unit it arrived in, whoever worked it.',
      stamp,
    ].join('\n'),
  };
}

/** The options' sentences and the table of them side by side: the slide to decide from. */
export function optionsSummarySlide(run: OptionsRun, stamp: string): BriefingSlide {
  const table = optionsSummaryTable(run);
  return {
    kind: 'options',
    title: 'The options side by side',
    sentences: run.options.map((o) => printable(o.sentence)),
    table,
    method: `Each option is the baseline with its changes, run on seed “${printable(run.seed)}” with ${run.replications.toLocaleString('en-GB')} futures like the baseline, so the difference is taken future by future (common random numbers). Sentences round to two significant figures; the table gives the figures in full.`,
    notes: [
      ...run.options.map(
        (o, i) =>
          `${printable(o.name)}: ${table.rows[i]!.slice(1).join('; ')}. ${chanceWords(o)} With this option: ${o.bottleneck.sentence}`,
      ),
      `Baseline: ${run.baselineBottleneck.sentence}`,
      stamp,
    ].join('\n'),
  };
}

/** PowerPoint's preset dash and marker nearest to each run's own on the page. */
const PPT_DASHES: readonly BriefingDash[] = [
  'solid',
  'dash',
  'sysDot',
  'lgDashDot',
  'lgDashDotDot',
];
const PPT_MARKERS: Record<MarkerShape, BriefingMarker> = {
  circle: 'circle',
  square: 'square',
  triangle: 'triangle',
  diamond: 'diamond',
  cross: 'dot',
};

/**
 * An overlay chart of the baseline and options as PowerPoint lines: each run's median in the
 * run's colour, dash and marker, so lines that meet or print in greyscale stay apart.
 */
export function overlayChart(spec: OverlaySpec): BriefingChart {
  const months = spec.series[0]?.rows.length ?? 0;
  return {
    title: spec.title,
    xLabel: spec.xLabel,
    yLabel: spec.yLabel,
    labels: Array.from({ length: months }, (_, t) => String(t + 1)),
    series: spec.series.map((s, i) => ({
      name: printable(s.name),
      values: s.rows.map((r) => r.p50),
      colour: seriesStyle(i).colour,
      dash: PPT_DASHES[i % PPT_DASHES.length],
      marker: PPT_MARKERS[seriesStyle(i).marker],
    })),
    description: `${spec.yLabel} by month: each line is the median future of one run, the baseline and each option on the same seed. The 90% ranges are in the speaker notes and the workbook.`,
  };
}

/** Speaker notes of an overlay chart: each run's last month in full, and the stamp. */
export function overlayNotes(spec: OverlaySpec, stamp: string): string {
  const lines = spec.series.map((s) => {
    const last = s.rows[s.rows.length - 1];
    return last
      ? `${printable(s.name)}, month ${last.month}: median ${exactFigure(last.p50, 'count')}, 90% range ${exactFigure(last.p05, 'count')} to ${exactFigure(last.p95, 'count')}.`
      : '';
  });
  return [spec.title, ...lines.filter(Boolean), spec.description, stamp].join('\n');
}

const PIPELINE_COLUMNS = [
  'Role',
  'Posts',
  'Trained in post',
  'In training',
  'Waiting for a seat',
  'Being hired',
  'No one recruited',
  'Training seats used a year',
  'Most hires a month',
];

const seats = (r: RolePipeline) =>
  Number.isFinite(r.seatsPerYear)
    ? `${exactFigure(r.seatsUsedPerYear, 'count')} of ${exactFigure(r.seatsPerYear, 'count')}`
    : `${exactFigure(r.seatsUsedPerYear, 'count')} (no limit)`;

/** Each role's pipeline over the final year, as the bottleneck was found from it. */
export function pipelineTable(bottleneck: Bottleneck): BriefingTable {
  return {
    columns: PIPELINE_COLUMNS,
    rows: bottleneck.roles.map((r) => [
      printable(r.roleName),
      exactFigure(r.posts, 'count'),
      exactFigure(r.inPost, 'count'),
      exactFigure(r.inTraining, 'count'),
      exactFigure(r.waitingForSeat, 'count'),
      exactFigure(r.beingHired, 'count'),
      exactFigure(r.unfilled, 'count'),
      seats(r),
      exactFigure(r.hiresPerMonth, 'count'),
    ]),
  };
}

/** What limits capacity in the run shown, from its pipeline; and with each option, if run. */
export function bottleneckSlide(
  bottleneck: Bottleneck,
  options: OptionsRun | undefined,
  stamp: string,
): BriefingSlide {
  return {
    kind: 'bottleneck',
    title: 'What limits capacity',
    sentence: bottleneck.sentence,
    table: pipelineTable(bottleneck),
    caption:
      'People in each stage, on average over the final year of the horizon. Training seats are used a year; the limit is the stage that runs at its most while people queue before it.',
    others: (options?.options ?? []).map(
      (o) => `With “${printable(o.name)}”: ${o.bottleneck.sentence}`,
    ),
    notes: [
      bottleneck.sentence,
      ...pipelineTable(bottleneck).rows.map(
        ([role, ...cells]) =>
          `${role}: ${PIPELINE_COLUMNS.slice(1)
            .map((c, i) => `${c.toLowerCase()} ${cells[i]}`)
            .join(', ')}.`,
      ),
      stamp,
    ].join('\n'),
  };
}

/** The workbook's sheets of the options; each says how to make options when none were run. */
export function optionSheets(
  run: OptionsRun | undefined,
  preamble: readonly string[],
): BriefingSheet[] {
  const none = [
    ...preamble,
    'No options were run: add options on the Compare tab and press Run options, then download the workbook again.',
  ];
  const options = run?.options ?? [];
  const head = run
    ? [
        ...preamble,
        `Baseline and options on seed “${printable(run.seed)}”, ${run.replications.toLocaleString('en-GB')} replications each, paired on common random numbers.`,
      ]
    : none;
  const roleName = (id: string) =>
    printable(run?.baseline.scenario.roles.find((r) => r.id === id)?.name ?? id);
  const sheets: BriefingSheet[] = [
    {
      name: 'Options',
      preamble: head,
      columns: [
        'Option',
        'Sentence',
        'What changes',
        'Judged by',
        'Chance it is better',
        'Chance it is worse',
        'Extra staff cost over the horizon',
        'Cost per extra suspect examined',
        'Cost per extra product delivered',
        'What limits capacity with the option',
      ],
      rows: options.map((o) => [
        printable(o.name),
        printable(o.sentence),
        o.changes.map(printable).join('; '),
        metricTitle(o.lead),
        o.probabilityBetter,
        o.totals[o.lead]?.probabilityWorse ?? null,
        o.cost.total,
        o.cost.perExtraSuspectExamined.mean,
        o.cost.perExtraProductDelivered.mean,
        o.bottleneck.sentence,
      ]),
    },
    {
      name: 'Options compared',
      preamble: head,
      columns: [
        'Option',
        'Measure',
        'Unit',
        'Baseline mean',
        'Option mean',
        'Difference mean',
        'Difference standard error',
        'Difference 5th percentile',
        'Difference median',
        'Difference 95th percentile',
        'Chance it is better',
        'Chance it is worse',
      ],
      rows: options.flatMap((o) =>
        Object.entries(o.totals).map(([name, t]): BriefingCell[] => [
          printable(o.name),
          labelOf(name, roleName),
          unitOf(name),
          t.baseline.mean,
          t.option.mean,
          t.difference.mean,
          t.difference.se,
          t.difference.p05,
          t.difference.p50,
          t.difference.p95,
          t.probabilityBetter,
          t.probabilityWorse,
        ]),
      ),
    },
    {
      name: 'Option costs',
      preamble: head,
      columns: ['Option', ...COST_COLUMNS, 'Months'],
      rows: options.flatMap((o) =>
        o.cost.byYear.map((y): BriefingCell[] => [
          printable(o.name),
          `Year ${y.year}`,
          y.extraPeople,
          y.cost,
          y.months,
        ]),
      ),
    },
  ];
  if (options.some((o) => o.byUnit)) {
    sheets.push({
      name: 'Options by unit',
      preamble: [
        ...head,
        'Who gains: each unit’s totals with the option against the baseline, future by future. A suspect or product counts for the unit it arrived in, whoever worked it.',
      ],
      columns: [
        'Option',
        'Unit',
        'Measure',
        'Unit of measure',
        'Baseline mean',
        'Option mean',
        'Difference mean',
        'Difference 5th percentile',
        'Difference 95th percentile',
        'Chance it is better',
      ],
      rows: options.flatMap((o) =>
        (o.byUnit ?? []).flatMap((u) =>
          Object.entries(u.totals).map(([name, t]): BriefingCell[] => [
            printable(o.name),
            printable(u.name),
            labelOf(name, roleName),
            unitOf(name),
            t.baseline.mean,
            t.option.mean,
            t.difference.mean,
            t.difference.p05,
            t.difference.p95,
            BETTER[name as TotalMetric] === null ? null : t.probabilityBetter,
          ]),
        ),
      ),
    });
  }
  return sheets;
}

/** The pipeline of the run shown and of each option's run, with the limit each names. */
export function bottleneckSheet(
  shown: Bottleneck,
  run: OptionsRun | undefined,
  preamble: readonly string[],
): BriefingSheet {
  const rows = (name: string, b: Bottleneck): BriefingCell[][] =>
    b.roles.map((r) => [
      name,
      printable(r.roleName),
      r.posts,
      r.inPost,
      r.inTraining,
      r.waitingForSeat,
      r.beingHired,
      r.unfilled,
      r.seatsUsedPerYear,
      Number.isFinite(r.seatsPerYear) ? r.seatsPerYear : null,
      r.hiresPerMonth,
      b.sentence,
    ]);
  return {
    name: 'What limits capacity',
    preamble: [
      ...preamble,
      'People in each stage, on average over the final year of the horizon; no training seats a year means no limit.',
    ],
    columns: [
      'Run',
      'Role',
      'Posts',
      'Trained in post',
      'In training',
      'Waiting for a seat',
      'Being hired',
      'No one recruited',
      'Training seats used a year',
      'Training seats a year',
      'Most hires a month',
      'What limits capacity',
    ],
    rows: [
      ...rows('The run shown', shown),
      ...(run?.options ?? []).flatMap((o) => rows(printable(o.name), o.bottleneck)),
    ],
  };
}
