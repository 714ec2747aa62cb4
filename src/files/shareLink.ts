import { LIMITS } from '../scenario/limits.ts';
import { parseScenarioBytes } from '../scenario/parse.ts';
import { type Problem, type Result } from '../scenario/problem.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { serializeCompact } from './serialize.ts';

/**
 * A scenario carried in a link's fragment: `#s=<base64url(deflate-raw(JSON))>`. Browsers never
 * send the fragment to a server, so the scenario stays between the sender and the reader. A
 * link is read through the same validation as a file, all or nothing, and is size-capped before
 * and after decompression so a crafted link cannot expand into gigabytes (a zip bomb).
 */
export const SHARE_LIMITS = {
  /** Longest encoded fragment read or written, in characters: links this long still paste. */
  fragmentChars: 64 * 1024,
  /** Largest decompressed scenario, in bytes: the same as a file. */
  jsonBytes: LIMITS.fileBytes,
} as const;

const PREFIX = 's=';

export type EncodeResult = { ok: true; fragment: string } | { ok: false; problem: Problem };

export async function encodeShareFragment(
  scenario: Scenario | ScenarioInput,
): Promise<EncodeResult> {
  const json = new TextEncoder().encode(serializeCompact(scenario));
  const compressed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
  const fragment = `#${PREFIX}${toBase64Url(compressed ?? new Uint8Array())}`;
  if (fragment.length > SHARE_LIMITS.fragmentChars) {
    return {
      ok: false,
      problem: {
        path: '(link)',
        message: `This scenario is too large for a link (${fragment.length.toLocaleString('en-GB')} characters). Save it as a file and send the file instead.`,
      },
    };
  }
  return { ok: true, fragment };
}

/** Whether a location hash holds a shared scenario. */
export function hasShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(PREFIX);
}

export async function decodeShareFragment(hash: string): Promise<Result<Scenario>> {
  const refuse = (message: string): Result<Scenario> => ({
    ok: false,
    problems: [{ path: '(link)', message }],
  });
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return refuse('This link does not hold a scenario.');
  const encoded = body.slice(PREFIX.length);
  if (encoded.length + PREFIX.length + 1 > SHARE_LIMITS.fragmentChars) {
    return refuse('This link is too long to be a Shortfall scenario link.');
  }
  const compressed = fromBase64Url(encoded);
  if (!compressed || compressed.length === 0) {
    return refuse(
      'This link is damaged (it may have been cut short when copied). Ask for it again.',
    );
  }
  let json: Uint8Array | null;
  try {
    json = await pipe(compressed, new DecompressionStream('deflate-raw'), SHARE_LIMITS.jsonBytes);
  } catch {
    return refuse(
      'This link is damaged (it may have been cut short when copied). Ask for it again.',
    );
  }
  if (!json)
    return refuse('This link expands to more than a scenario can hold; it was not opened.');
  const parsed = parseScenarioBytes(json);
  return parsed;
}

/**
 * Runs bytes through a (de)compression stream, giving up with null as soon as the output passes
 * maxBytes: the rest of a zip bomb is never produced.
 */
async function pipe(
  input: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Failures surface through the reader; these catches keep them from being reported twice.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
