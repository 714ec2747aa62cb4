import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanBundle, scanIndexHtml, scanSources } from '../../scripts/scan-bundle.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');

describe('nothing leaves the planner’s machine', () => {
  beforeAll(() => {
    if (existsSync(join(dist, 'index.html'))) return;
    const build = spawnSync(
      join(root, 'node_modules/.bin/vite'),
      ['build', '--logLevel', 'error'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(build.stderr);
  }, 120_000);

  it('the app’s sources and workers make no network call', () => {
    expect(scanSources([join(root, 'src'), join(root, 'workers')])).toEqual([]);
  });

  it('the built bundle holds no address of another host', () => {
    expect(scanBundle(dist)).toEqual([]);
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
