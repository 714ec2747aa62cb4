import { LIMITS } from './limits.ts';
import type { Problem } from './problem.ts';

/** Files that are plainly not scenarios, told apart by their first bytes. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive, such as an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls or .doc)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

const EXPORT_HINT = 'Open the scenario file (.json) that Shortfall saved instead.';

/**
 * Turns a file's bytes into text: accepts UTF-8 with or without a byte-order mark and UTF-16
 * with one (as Windows Notepad saves); refuses anything else with a message saying what the
 * file seems to be.
 */
export function decodeFile(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  const refuse = (message: string) => ({
    ok: false as const,
    problem: { path: '(file)', message },
  });
  if (bytes.length === 0)
    return refuse('The file is empty. Choose a scenario file saved by Shortfall.');
  if (bytes.length > LIMITS.fileBytes) return refuse(tooLarge(bytes.length));
  for (const { bytes: signature, what } of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      return refuse(`This file is ${what}, not a scenario. ${EXPORT_HINT}`);
    }
  }
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(start),
    );
    if (text.includes('\u0000')) {
      return refuse(`This file holds binary data, not a scenario. ${EXPORT_HINT}`);
    }
    return { ok: true, text };
  } catch {
    return refuse(
      `This file is not readable text (it is not valid UTF-8). ${EXPORT_HINT} If you edited it, save it as UTF-8.`,
    );
  }
}

export function tooLarge(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `The file is ${mb(bytes)}; a scenario file is at most ${mb(LIMITS.fileBytes)}. Check that this is a scenario file.`;
}
