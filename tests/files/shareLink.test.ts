import { describe, expect, it } from 'vitest';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import {
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
  SHARE_LIMITS,
} from '../../src/files/shareLink.ts';
import { problemsInWords } from '../../src/state/problemWords.ts';

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const base64Url = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('base64')
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const fragmentOf = async (text: string) =>
  `#s=${base64Url(await deflateRaw(new TextEncoder().encode(text)))}`;

describe('share links', () => {
  it('carry a scenario in the fragment and give back the same scenario', async () => {
    const scenario = loadBuiltIn('london-regional-siu-pooled');
    const encoded = await encodeShareFragment(scenario);
    if (!encoded.ok) throw new Error(encoded.problem.message);
    expect(encoded.fragment).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(hasShareFragment(encoded.fragment)).toBe(true);
    const decoded = await decodeShareFragment(encoded.fragment);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
    expect(decoded.value).toEqual(scenario);
  });

  it('are short enough to paste for every built-in scenario', async () => {
    const encoded = await encodeShareFragment(loadBuiltIn('mps-financial-investigators'));
    expect(encoded.ok && encoded.fragment.length).toBeLessThan(4000);
  });

  it('read a link through the same validation as a file, all or nothing', async () => {
    const scenario = structuredClone(loadBuiltIn('mps-analysts')) as Record<string, unknown>;
    scenario.horizonMonths = 10_000;
    const decoded = await decodeShareFragment(await fragmentOf(JSON.stringify(scenario)));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problems[0]).toMatchObject({ path: 'horizonMonths' });

    const polluted = await decodeShareFragment(await fragmentOf('{"__proto__":{"x":1}}'));
    expect(!polluted.ok && polluted.problems[0]!.message).toContain('"__proto__" is not allowed');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('name the field of each problem in words, one a line, as a file’s problems do', async () => {
    const scenario = structuredClone(loadBuiltIn('mps-analysts')) as Record<string, unknown>;
    scenario.horizonMonths = 10_000;
    scenario.name = 'Analysts\u200b';
    const decoded = await decodeShareFragment(await fragmentOf(JSON.stringify(scenario)));
    if (decoded.ok) throw new Error('a spoiled link was opened');
    const lines = problemsInWords(decoded.problems, decoded.file);
    expect(lines).toHaveLength(decoded.problems.length);
    expect(lines[0]).toMatch(/^Horizon: must be at most 240/);
    for (const line of lines) expect(line).not.toMatch(/[a-z]\[\d+\]|[a-z]\.[a-z]/i);

    const damaged = await decodeShareFragment('#s=!!');
    expect(!damaged.ok && problemsInWords(damaged.problems, damaged.file)).toEqual([
      'This link is damaged (it may have been cut short when copied). Ask for it again.',
    ]);
  });

  it('stop expanding a zip bomb as soon as it passes the size cap', async () => {
    const bomb = await deflateRaw(new Uint8Array(SHARE_LIMITS.jsonBytes + 1024).fill(0x20));
    const fragment = `#s=${base64Url(bomb)}`;
    expect(fragment.length).toBeLessThan(SHARE_LIMITS.fragmentChars);
    const decoded = await decodeShareFragment(fragment);
    expect(decoded).toEqual({
      ok: false,
      problems: [{ path: '(link)', message: expect.stringContaining('expands to more') as string }],
    });
  });

  it('refuse an over-long link before decompressing it', async () => {
    const decoded = await decodeShareFragment(`#s=${'A'.repeat(SHARE_LIMITS.fragmentChars)}`);
    expect(!decoded.ok && decoded.problems[0]!.message).toContain('too long');
  });

  it.each([
    ['#s=', 'damaged'],
    ['#s=not*base64', 'damaged'],
    ['#s=AAAA', 'damaged'],
    ['#x=1', 'does not hold a scenario'],
  ])('refuse the damaged link %j with a message', async (hash, message) => {
    const decoded = await decodeShareFragment(hash);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problems[0]!.message).toContain(message);
  });

  it('refuse a link cut short when copied', async () => {
    const encoded = await encodeShareFragment(loadBuiltIn('mps-organised-crime-hub'));
    if (!encoded.ok) throw new Error(encoded.problem.message);
    const decoded = await decodeShareFragment(encoded.fragment.slice(0, -40));
    expect(decoded.ok).toBe(false);
  });

  it('refuse to make a link for a scenario too large to carry', async () => {
    const scenario = structuredClone(loadBuiltIn('mps-analysts'));
    // Pseudo-random letters, which deflate cannot shrink much below 5 bits each.
    let x = 1;
    const noise = (length: number) =>
      Array.from({ length }, () => {
        x = (x * 48271) % 2147483647;
        return String.fromCharCode(97 + (x % 26));
      }).join('');
    scenario.assumptions = Array.from({ length: 15 }, () => ({ field: 'name', note: noise(8000) }));
    const encoded = await encodeShareFragment(scenario);
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.problem.message).toContain('Save it as a file');
  });
});
