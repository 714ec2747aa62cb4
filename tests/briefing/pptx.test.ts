import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { briefingContent } from '../../src/briefing/content.ts';
import { briefingPptx } from '../../src/briefing/pptx.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { smallBriefingInput, smallOptionsBriefingInput } from './smallBriefing.ts';

/** Text of the slides' XML, in slide order, with XML escapes undone. */
async function slideTexts(zip: JSZip, folder: 'slides' | 'notesSlides'): Promise<string[]> {
  const prefix = folder === 'slides' ? 'slide' : 'notesSlide';
  const names = Object.keys(zip.files)
    .filter((n) => new RegExp(`^ppt/${folder}/${prefix}\\d+\\.xml$`).test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    names.map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) =>
          m[1]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        )
        .join(' '),
    ),
  );
}

// Writing a pack zips a few hundred kilobytes: seconds on a busy two-core machine.
const WRITE_TIMEOUT = 30_000;
const withBaseline = smallBriefingInput();
const alone = { ...withBaseline, comparisons: [] };

describe('briefingPptx', () => {
  it(
    'writes a zip whose slides hold the scenario name, the headlines and the comparison',
    async () => {
      const input = withBaseline;
      const pack = briefingContent(input);
      const zip = await JSZip.loadAsync(await briefingPptx(pack));
      expect(zip.file('[Content_Types].xml')).not.toBeNull();
      expect(zip.file('ppt/presentation.xml')).not.toBeNull();
      const slides = await slideTexts(zip, 'slides');
      expect(slides).toHaveLength(pack.slides.length);
      expect(slides[0]).toContain(input.scenario.name);
      for (const h of input.headlines) expect(slides[1]).toContain(h.sentence);
      const at = pack.slides.findIndex((s) => s.kind === 'comparison');
      const comparison = pack.slides[at]!;
      if (comparison.kind !== 'comparison') throw new Error('no comparison slide');
      expect(slides[at]).toContain(comparison.title);
      for (const sentence of comparison.sentences) expect(slides[at]).toContain(sentence);
      expect(slides.at(-1)).toContain('Method');
    },
    WRITE_TIMEOUT,
  );

  it(
    'puts each slide’s speaker notes, with the seed and version, in the notes pages',
    async () => {
      const pack = briefingContent(withBaseline);
      const zip = await JSZip.loadAsync(await briefingPptx(pack));
      const notes = await slideTexts(zip, 'notesSlides');
      expect(notes).toHaveLength(pack.slides.length);
      for (const n of notes) expect(n).toMatch(/seed “test” · 40 replications · Shortfall 9\.9\.9/);
      const at = pack.slides.findIndex((s) => s.kind === 'comparison');
      expect(notes[at]).toMatch(/difference mean −[\d,]+/);
    },
    WRITE_TIMEOUT,
  );

  it(
    'draws the key charts as PowerPoint charts holding the figures, and no pictures',
    async () => {
      const input = alone;
      const pack = briefingContent(input);
      const zip = await JSZip.loadAsync(await briefingPptx(pack));
      const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
      expect(charts.length).toBe(pack.slides.filter((s) => s.kind === 'chart').length);
      expect(
        Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/')),
      ).toEqual([]);
      const first = await zip.file(charts.sort()[0]!)!.async('string');
      const median = input.summary.monthly.unexaminedSuspects.at(-1)!.p50;
      expect(first).toContain('Median');
      expect(first).toContain(`<c:v>${median}</c:v>`);
    },
    WRITE_TIMEOUT,
  );

  it(
    'writes each option’s name and sentence, the options side by side and the bottleneck',
    async () => {
      const input = await smallOptionsBriefingInput();
      const pack = briefingContent(input);
      const zip = await JSZip.loadAsync(await briefingPptx(pack));
      const slides = await slideTexts(zip, 'slides');
      const notes = await slideTexts(zip, 'notesSlides');
      expect(slides).toHaveLength(pack.slides.length);
      const titled = (title: string) => slides.findIndex((s) => s.startsWith(`${title} `));
      const bottleneck = findBottleneck(input.scenario, input.summary);
      const limit = titled('What limits capacity');
      expect(slides[limit]).toContain(bottleneck.sentence);
      const side = titled('The options side by side');
      expect(side).toBeGreaterThan(limit);
      for (const option of input.options!.options) {
        // The summary slide, then the option's own slide, hold its name and its sentence.
        expect(slides[side]).toContain(option.name);
        expect(slides[side]).toContain(option.sentence);
        const own = titled(option.name);
        expect(own).toBeGreaterThan(side);
        expect(slides[own]).toContain(option.sentence);
        expect(slides[own]).toContain(option.bottleneck.sentence);
        expect(notes[own]).toMatch(/Seed “test”, 40 replications for the baseline and each option/);
        expect(notes[own]).toMatch(/Shortfall 9\.9\.9/);
      }
      // The overlay chart draws every run's median in its own colour.
      const chart = Object.keys(zip.files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!;
      const xml = await zip.file(chart)!.async('string');
      for (const name of ['Baseline', ...input.options!.options.map((o) => o.name)])
        expect(xml).toContain(`<c:v>${name}</c:v>`);
    },
    WRITE_TIMEOUT * 2,
  );

  it('gives the library no picture, sound or film, the only things it would load from an address', () => {
    const source = readFileSync(new URL('../../src/briefing/pptx.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\.(addImage|addMedia)\(|\bpath\s*:/);
  });
});
