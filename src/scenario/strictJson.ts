import { LIMITS } from './limits.ts';
import { formatPath, type Problem } from './problem.ts';

/**
 * A JSON parser that refuses, with a message a planner can act on, what `JSON.parse` accepts
 * silently or reports obscurely: duplicate keys (JSON.parse keeps the last), the keys
 * `__proto__`, `constructor` and `prototype`, nesting deeper than LIMITS.jsonDepth, numbers
 * too large for a double (1e400), and the non-JSON that hand-edited files carry (comments,
 * trailing commas, NaN, Infinity, single quotes). Objects are built with a null prototype, so
 * no key in a file can reach Object.prototype.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

class JsonError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * Each number's own text where it differs from what the number prints as (`1e-400` read as 0,
 * `9007199254740993` read as 9007199254740992, `1.50`), keyed by its path as formatPath
 * writes it, so a message can quote the file rather than the rounded value.
 */
export type NumberText = ReadonlyMap<string, string>;

export function parseStrictJson(
  text: string,
): { ok: true; value: JsonValue; numberText: NumberText } | { ok: false; problem: Problem } {
  const parser = new Parser(text);
  try {
    parser.skipSpace();
    if (parser.atEnd())
      return { ok: false, problem: { path: '(file)', message: 'The file is empty.' } };
    const value = parser.value([], 0);
    parser.skipSpace();
    if (!parser.atEnd()) parser.fail([], 'unexpected text after the end of the scenario');
    return { ok: true, value, numberText: parser.numberText };
  } catch (error) {
    if (error instanceof JsonError) return { ok: false, problem: error.problem };
    throw error;
  }
}

class Parser {
  private i = 0;
  readonly numberText = new Map<string, string>();
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.i >= this.text.length;
  }

  fail(path: PropertyKey[], what: string): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    const column = this.i - before.lastIndexOf('\n');
    throw new JsonError({
      path: formatPath(path),
      message: `Not valid JSON at line ${line}, column ${column}: ${what}.`,
    });
  }

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else if (c === 47 && (t[this.i + 1] === '/' || t[this.i + 1] === '*')) {
        this.fail([], 'comments are not allowed in a scenario file; delete them');
      } else return;
    }
  }

  value(path: PropertyKey[], depth: number): JsonValue {
    if (depth > LIMITS.jsonDepth) {
      // The path of a runaway nesting is as long as the nesting; the file is what is wrong.
      this.fail(
        [],
        `nested more than ${LIMITS.jsonDepth} levels deep; this is not a scenario file`,
      );
    }
    const c = this.text[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string(path);
    if (c === 't' && this.text.startsWith('true', this.i)) return ((this.i += 4), true);
    if (c === 'f' && this.text.startsWith('false', this.i)) return ((this.i += 5), false);
    if (c === 'n' && this.text.startsWith('null', this.i)) return ((this.i += 4), null);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(path);
    if (
      this.text.startsWith('NaN', this.i) ||
      /^-?Infinity/.test(this.text.slice(this.i, this.i + 9))
    ) {
      this.fail(path, 'NaN and Infinity are not numbers in JSON; write a number');
    }
    if (c === "'") this.fail(path, 'text must be in double quotes (") in JSON');
    if (c === undefined) this.fail(path, 'the file ends too soon; it may have been cut off');
    if (c === '}' || c === ']') this.fail(path, 'a value is missing (is there a trailing comma?)');
    this.fail(path, `unexpected ${describeChar(c)}`);
  }

  object(path: PropertyKey[], depth: number): JsonValue {
    this.i++;
    const out: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
    this.skipSpace();
    if (this.text[this.i] === '}') return (this.i++, out);
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === '}')
        this.fail(path, 'a comma before "}" (trailing commas are not allowed in JSON)');
      if (this.text[this.i] !== '"') {
        if (this.atEnd()) this.fail(path, 'the file ends too soon; it may have been cut off');
        this.fail(path, 'expected a field name in double quotes');
      }
      const key = this.string(path);
      const keyPath = [...path, key];
      if (FORBIDDEN_KEYS.has(key)) {
        this.fail(keyPath, `"${key}" is not allowed as a field name; remove it`);
      }
      if (Object.hasOwn(out, key)) {
        this.fail(keyPath, `"${key}" appears twice in the same object; keep one`);
      }
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail(keyPath, 'expected ":" after the field name');
      this.i++;
      this.skipSpace();
      out[key] = this.value(keyPath, depth + 1);
      this.skipSpace();
      const c = this.text[this.i++];
      if (c === '}') return out;
      if (c !== ',') {
        this.i--;
        if (this.atEnd()) this.fail(path, 'the file ends too soon; it may have been cut off');
        this.fail(path, 'expected "," or "}"');
      }
    }
  }

  array(path: PropertyKey[], depth: number): JsonValue {
    this.i++;
    const out: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.i] === ']') return (this.i++, out);
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === ']')
        this.fail(path, 'a comma before "]" (trailing commas are not allowed in JSON)');
      out.push(this.value([...path, out.length], depth + 1));
      this.skipSpace();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        if (this.atEnd()) this.fail(path, 'the file ends too soon; it may have been cut off');
        this.fail(path, 'expected "," or "]"');
      }
    }
  }

  string(path: PropertyKey[]): string {
    const start = this.i;
    const t = this.text;
    let i = this.i + 1;
    let simple = true;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.i = start;
        this.fail(path, 'a text value is not closed with "; the file may have been cut off');
      }
      if (c === 34) break;
      if (c === 92) {
        simple = false;
        i += 2;
        continue;
      }
      if (c < 32) {
        this.i = i;
        this.fail(
          path,
          'a line break or control character inside text; write it as an escape such as \\n',
        );
      }
      i++;
    }
    this.i = i + 1;
    const raw = t.slice(start, i + 1);
    if (simple) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      this.i = start;
      return this.fail(path, 'a text value holds an invalid escape sequence');
    }
  }

  number(path: PropertyKey[]): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.i, this.i + 400),
    );
    if (!match) this.fail(path, 'a malformed number');
    this.i += match[0].length;
    const n = Number(match[0]);
    if (!Number.isFinite(n)) this.fail(path, `${match[0]} is too large to be a real figure`);
    if (String(n) !== match[0]) this.numberText.set(formatPath(path), match[0]);
    return n;
  }
}

function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code < 32 || code === 0xfffd) return 'binary data (this does not look like a text file)';
  return `"${c}"`;
}
