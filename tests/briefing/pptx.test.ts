import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { briefingContent } from '../../src/briefing/content.ts';
import { briefingPptx } from '../../src/briefing/pptx.ts';
import { smallBriefingInput } from './smallBriefing.ts';

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
      const comparison = pack.slides[2]!;
      if (comparison.kind !== 'comparison') throw new Error('no comparison slide');
      expect(slides[2]).toContain(comparison.title);
      for (const sentence of comparison.sentences) expect(slides[2]).toContain(sentence);
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
      expect(notes[2]).toMatch(/difference mean −[\d,]+/);
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

  it('gives the library no picture, sound or film, the only things it would load from an address', () => {
    const source = readFileSync(new URL('../../src/briefing/pptx.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\.(addImage|addMedia)\(|\bpath\s*:/);
  });
});
