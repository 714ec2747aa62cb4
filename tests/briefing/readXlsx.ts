import JSZip from 'jszip';

export type ReadCell = string | number | null;

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Column letters to a 0-based index: A → 0, AA → 26. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/**
 * Reads an .xlsx back into rows of cells by sheet name, as Excel would show them: shared and
 * inline strings as text, numbers as numbers. Enough of the format for the workbook's tests.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Map<string, ReadCell[][]>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    ([, si]) =>
      unescapeXml([...si!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('')),
  );
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const sheets = new Map<string, ReadCell[][]>();
  for (const [, attributes] of workbook.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(attributes!)![1]!);
    const rid = /r:id="([^"]*)"/.exec(attributes!)![1]!;
    const target = new RegExp(
      `Id="${rid}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${rid}"`,
    ).exec(rels)!;
    const path = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
    const xml = await text(path);
    const rows: ReadCell[][] = [];
    for (const [, r, body] of xml.matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const row: ReadCell[] = [];
      for (const [, ref, type, inner] of (body ?? '').matchAll(
        /<c r="([A-Z]+\d+)"(?:[^>]*?t="(\w+)")?[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g,
      )) {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner ?? '')?.[1];
        const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner ?? '')?.[1];
        let value: ReadCell = null;
        if (type === 's') value = shared[Number(v)] ?? null;
        else if (type === 'inlineStr') value = unescapeXml(inline ?? '');
        else if (type === 'str') value = unescapeXml(v ?? '');
        else if (v !== undefined) value = Number(v);
        row[columnIndex(ref!)] = value;
      }
      rows[Number(r) - 1] = Array.from(row, (c) => c ?? null);
    }
    sheets.set(
      name,
      Array.from(rows, (row) => row ?? []),
    );
  }
  return sheets;
}
