import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAfresh, scanBundle, scanIndexHtml, scanSources } from '../../scripts/scan-bundle.ts';

const root = join(import.meta.dirname, '../..');

describe('nothing leaves the planner’s machine', () => {
  // Built from the current sources for this run: a dist/ left from an older build could hide
  // an address added since.
  let bundle: ReturnType<typeof buildAfresh> | undefined;
  beforeAll(() => {
    bundle = buildAfresh();
  }, 180_000);
  afterAll(() => bundle?.remove());

  it('the app’s sources and workers make no network call', () => {
    expect(scanSources([join(root, 'src'), join(root, 'workers')])).toEqual([]);
  });

  it('the built bundle holds no address of another host', () => {
    const dir = bundle!.dir;
    // A scan of an empty or failed build would find nothing too.
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readdirSync(join(dir, 'assets')).some((name) => name.endsWith('.js'))).toBe(true);
    expect(scanBundle(dir)).toEqual([]);
  });

  it('index.html loads nothing from another host and carries the content security policy', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(scanIndexHtml(html)).toEqual([]);
    expect(html).toContain("default-src 'self'; script-src 'self'");
    expect(html).toContain("connect-src 'self'");
  });

  it('finds an address of another host in a built file, but not a cited source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(
      join(dir, 'a.js'),
      'const a = "https://collector.example/t"; const b = "https://www.crestadvisory.com/";',
    );
    expect(scanBundle(dir).map((f) => f.match)).toEqual(['https://collector.example/t']);
  });

  it('finds what it is meant to find', () => {
    expect(scanIndexHtml('<script src="https://cdn.example/x.js"></script>')).toHaveLength(1);
    expect(scanIndexHtml('<link href="//fonts.example/a.css">')).toHaveLength(1);
    expect(scanIndexHtml('<script src="/src/app/main.ts"></script>')).toEqual([]);
  });
});
