import PptxGenJS from 'pptxgenjs';
import { PALETTE } from '../charts/palette.ts';
import type { Briefing, BriefingSlide, BriefingTable } from './content.ts';

/** PptxGenJS names colours without the hash. */
const colour = (hex: string) => hex.replace('#', '');
const INK = colour(PALETTE.text);
const MUTED = colour(PALETTE.muted);
const RULE = colour(PALETTE.grid);
/** A face every copy of PowerPoint has, so the pack looks the same on the meeting room's PC. */
const FACE = 'Arial';
/** Slide size of PptxGenJS's 16:9 wide layout, in inches. */
const WIDTH = 13.333;
const MARGIN = 0.5;
const BODY_WIDTH = WIDTH - 2 * MARGIN;

type Slide = ReturnType<PptxGenJS['addSlide']>;

function heading(slide: Slide, text: string): void {
  slide.addText(text, {
    x: MARGIN,
    y: 0.3,
    w: BODY_WIDTH,
    h: 1,
    fontFace: FACE,
    // A chart's finding can run to three lines at 28 points: smaller type keeps it in its box.
    fontSize: text.length > 110 ? 20 : text.length > 70 ? 24 : 28,
    bold: true,
    color: INK,
    valign: 'top',
    fit: 'shrink',
  });
}

function footer(slide: Slide, stamp: string): void {
  slide.addText(stamp, {
    x: MARGIN,
    y: 7.0,
    w: BODY_WIDTH,
    h: 0.35,
    fontFace: FACE,
    fontSize: 10,
    color: MUTED,
  });
}

function bullets(slide: Slide, lines: readonly string[], y: number, h: number, size: number) {
  slide.addText(
    lines.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    {
      x: MARGIN,
      y,
      w: BODY_WIDTH,
      h,
      fontFace: FACE,
      fontSize: size,
      color: INK,
      valign: 'top',
      paraSpaceAfter: 6,
      fit: 'shrink',
    },
  );
}

/** Small print under a table: how the figures were made, what changed. */
function note(slide: Slide, text: string, y: number, h: number): void {
  slide.addText(text, {
    x: MARGIN,
    y,
    w: BODY_WIDTH,
    h,
    fontFace: FACE,
    fontSize: 11,
    color: MUTED,
    valign: 'top',
    fit: 'shrink',
  });
}

/**
 * The cost against what the option brings in, and beside it the cost year by year: labels bold,
 * no rules, as the small print of the slide.
 */
function costTable(
  slide: Slide,
  money: readonly [string, string][],
  years: readonly [string, string][],
  y: number,
): void {
  const rows = Array.from({ length: Math.max(money.length, years.length) }, (_, i) =>
    [money[i], years[i]].flatMap((pair) =>
      pair
        ? [{ text: pair[0], options: { bold: true } }, { text: pair[1] }]
        : [{ text: '' }, { text: '' }],
    ),
  );
  if (rows.length === 0) return;
  slide.addTable(rows, {
    x: MARGIN,
    y,
    w: BODY_WIDTH,
    colW: [2.9, 4.5, 2.3, BODY_WIDTH - 9.7],
    rowH: 0.22,
    fontFace: FACE,
    fontSize: 10,
    color: INK,
    valign: 'top',
    margin: 0.02,
  });
}

function table(slide: Slide, t: BriefingTable, y: number, fontSize: number, colW?: number[]): void {
  const header = t.columns.map((text) => ({
    text,
    options: { bold: true, color: INK, fill: { color: RULE } },
  }));
  const rows = t.rows.map((r) => r.map((text) => ({ text })));
  slide.addTable([header, ...rows], {
    x: MARGIN,
    y,
    w: BODY_WIDTH,
    ...(colW ? { colW } : {}),
    fontFace: FACE,
    fontSize,
    color: INK,
    border: { type: 'solid', pt: 0.75, color: RULE },
    valign: 'middle',
  });
}

function addSlide(pptx: PptxGenJS, content: BriefingSlide, stamp: string): void {
  const slide = pptx.addSlide();
  slide.background = { color: colour(PALETTE.background) };
  slide.addNotes(content.notes);
  switch (content.kind) {
    case 'title':
      slide.addText(content.title, {
        x: MARGIN,
        y: 2.2,
        w: BODY_WIDTH,
        h: 1.6,
        fontFace: FACE,
        fontSize: 40,
        bold: true,
        color: INK,
        fit: 'shrink',
      });
      slide.addText(content.subtitle, {
        x: MARGIN,
        y: 3.9,
        w: BODY_WIDTH,
        h: 0.8,
        fontFace: FACE,
        fontSize: 22,
        color: MUTED,
      });
      break;
    case 'bullets':
      heading(slide, content.title);
      slide.addText(
        content.bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
        {
          x: MARGIN,
          y: 1.4,
          w: BODY_WIDTH,
          h: 5.4,
          fontFace: FACE,
          fontSize: 20,
          color: INK,
          valign: 'top',
          paraSpaceAfter: 10,
          fit: 'shrink',
        },
      );
      break;
    case 'comparison':
      heading(slide, content.title);
      slide.addText(
        content.sentences.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
        {
          x: MARGIN,
          y: 1.2,
          w: BODY_WIDTH,
          h: 2.2,
          fontFace: FACE,
          fontSize: 18,
          color: INK,
          valign: 'top',
          fit: 'shrink',
        },
      );
      table(slide, content.table, 3.5, 12);
      slide.addText(
        [
          content.method,
          content.changes.length > 0 ? `What changed: ${content.changes.join('; ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        {
          x: MARGIN,
          y: 6.0,
          w: BODY_WIDTH,
          h: 0.95,
          fontFace: FACE,
          fontSize: 11,
          color: MUTED,
          valign: 'top',
          fit: 'shrink',
        },
      );
      break;
    case 'options':
      heading(slide, content.title);
      bullets(slide, content.sentences, 1.2, 2.3, 18);
      table(slide, content.table, 3.6, 11, [2.6, 1.5, 1.9, 1.2, 1.9, BODY_WIDTH - 9.1]);
      note(slide, content.method, 6.45, 0.5);
      break;
    case 'option': {
      heading(slide, content.title);
      slide.addText(
        [
          { text: content.sentence, options: { bold: true, breakLine: true } },
          { text: content.chance, options: { color: MUTED, fontSize: 14 } },
        ],
        {
          x: MARGIN,
          y: 1.1,
          w: BODY_WIDTH,
          h: 1.2,
          fontFace: FACE,
          fontSize: 18,
          color: INK,
          valign: 'top',
          fit: 'shrink',
        },
      );
      table(slide, content.table, 2.35, 11, [3.6, 1.6, 1.6, 1.6, 2.8, BODY_WIDTH - 11.2]);
      costTable(slide, content.money, content.years, 4.75);
      note(
        slide,
        [
          content.limit,
          content.changes.length > 0 ? `What changes: ${content.changes.join('; ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        6.25,
        0.7,
      );
      break;
    }
    case 'bottleneck':
      heading(slide, content.title);
      slide.addText(content.sentence, {
        x: MARGIN,
        y: 1.2,
        w: BODY_WIDTH,
        h: 1.2,
        fontFace: FACE,
        fontSize: 22,
        bold: true,
        color: INK,
        valign: 'top',
        fit: 'shrink',
      });
      table(slide, content.table, 2.5, 12);
      note(slide, content.caption, 4.4, 0.5);
      if (content.others.length > 0) bullets(slide, content.others, 4.95, 2.0, 14);
      break;
    case 'chart': {
      heading(slide, content.title);
      const { chart } = content;
      const fanColours = [PALETTE.sky, PALETTE.blue, PALETTE.sky, PALETTE.vermillion];
      const lineColours = chart.series.map((s, i) => colour(s.colour ?? fanColours[i % 4]!));
      const options = {
        x: MARGIN,
        y: 1.3,
        w: BODY_WIDTH,
        h: 4.9,
        chartColors: lineColours,
        lineDataSymbol: 'none' as const,
        lineSize: 3,
        showLegend: true,
        legendPos: 'b' as const,
        legendFontSize: 16,
        legendFontFace: FACE,
        catAxisLabelFontSize: 14,
        valAxisLabelFontSize: 14,
        catAxisLabelFontFace: FACE,
        valAxisLabelFontFace: FACE,
        showCatAxisTitle: true,
        catAxisTitle: chart.xLabel,
        catAxisTitleFontSize: 14,
        showValAxisTitle: true,
        valAxisTitle: chart.yLabel,
        valAxisTitleFontSize: 14,
        valGridLine: { color: RULE, size: 0.75 },
        catAxisLabelFrequency: String(Math.max(1, Math.ceil(chart.labels.length / 12))),
      };
      const data = chart.series.map((s) => ({
        name: s.name,
        labels: chart.labels,
        values: s.values,
      }));
      if (chart.series.some((s) => s.dash || s.marker)) {
        // A line group a run, so each run keeps its own dash and marker: PowerPoint's line
        // charts style dashes and markers by group, not by line.
        slide.addChart(
          chart.series.map((s, i) => ({
            type: 'line' as const,
            data: [data[i]!],
            options: {
              chartColors: [lineColours[i]!],
              lineDash: s.dash ?? 'solid',
              lineDataSymbol: s.marker ?? 'none',
              lineDataSymbolSize: 4,
              lineSize: 2.5,
            },
          })),
          // A chart of several groups takes its options in place of its data.
          options as unknown as unknown[],
        );
      } else slide.addChart('line', data, options);
      slide.addText(chart.description, {
        x: MARGIN,
        y: 6.25,
        w: BODY_WIDTH,
        h: 0.7,
        fontFace: FACE,
        fontSize: 12,
        color: MUTED,
        valign: 'top',
        fit: 'shrink',
      });
      break;
    }
    case 'table':
      heading(slide, content.title);
      // The register's values are short and its notes long; other tables share the width.
      table(
        slide,
        content.table,
        1.3,
        11,
        content.table.columns.length === 3 ? [4.3, 2.2, BODY_WIDTH - 6.5] : undefined,
      );
      break;
    case 'text':
      heading(slide, content.title);
      slide.addText(
        content.paragraphs.map((text) => ({ text, options: { breakLine: true } })),
        {
          x: MARGIN,
          y: 1.4,
          w: BODY_WIDTH,
          h: 5.4,
          fontFace: FACE,
          fontSize: 16,
          color: INK,
          valign: 'top',
          paraSpaceAfter: 8,
          fit: 'shrink',
        },
      );
      break;
  }
  if (content.kind !== 'title') footer(slide, stamp);
}

/**
 * The briefing as a PowerPoint file. Charts are PowerPoint's own, drawn from the figures, so
 * the pack holds no picture for the library to load: it never reads a file or an address.
 */
export async function briefingPptx(briefing: Briefing): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = briefing.title;
  pptx.author = 'Shortfall';
  pptx.subject = briefing.stamp;
  for (const slide of briefing.slides) addSlide(pptx, slide, briefing.stamp);
  const data = await pptx.write({ outputType: 'uint8array' });
  return data as Uint8Array;
}
