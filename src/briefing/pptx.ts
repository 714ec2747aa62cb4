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
    fontSize: 28,
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
    case 'chart': {
      heading(slide, content.title);
      const { chart } = content;
      const lineColours = [PALETTE.sky, PALETTE.blue, PALETTE.sky, PALETTE.vermillion].map(colour);
      slide.addChart(
        'line',
        chart.series.map((s) => ({ name: s.name, labels: chart.labels, values: s.values })),
        {
          x: MARGIN,
          y: 1.3,
          w: BODY_WIDTH,
          h: 4.9,
          chartColors: lineColours.slice(0, chart.series.length),
          lineDataSymbol: 'none',
          lineSize: 3,
          showLegend: true,
          legendPos: 'b',
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
        },
      );
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
      // The register's values are short and its notes long.
      table(slide, content.table, 1.3, 11, [4.3, 2.2, BODY_WIDTH - 6.5]);
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
