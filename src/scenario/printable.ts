/**
 * Characters that would act on a terminal rather than show (controls, line and paragraph
 * separators, escape sequences) or change what the text around them looks like or hide in it
 * (format characters such as bidi and zero-width marks, tags and soft hyphens, and the blank
 * Hangul fillers and the grapheme joiner, which show as nothing).
 */
export const UNPRINTABLE_CLASS =
  '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u034F\\u115F\\u1160\\u3164\\uFFA0]';
const UNPRINTABLE = new RegExp(UNPRINTABLE_CLASS, 'gu');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The escape printed for one unprintable character: `\n`, `\u001B`, `\u{E0001}`. */
function escape(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** Text from a file or a flag as it may be printed: each unprintable character as an escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** Several lines as they may be printed: each line made printable, the line breaks kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

const UNPRINTABLE_IN_JSON = new RegExp(`(?!\\n)${UNPRINTABLE_CLASS}`, 'gu');

/**
 * JSON text as it may be printed: JSON.stringify leaves C1 controls, format characters and
 * separators raw inside strings, so each is written as its `\uXXXX` escape (a surrogate pair
 * above U+FFFF), which any JSON reader turns back into the same string. Line breaks outside
 * strings are the layout and stay.
 */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE_IN_JSON, (c) =>
    Array.from({ length: c.length }, (_, i) => c.charCodeAt(i))
      .map((u) => `\\u${u.toString(16).toUpperCase().padStart(4, '0')}`)
      .join(''),
  );
}
