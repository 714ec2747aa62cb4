import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  IF_COMPILER,
  NOT_BUILT,
  OUT_DIR,
  skipBuildReason,
  staleReason,
} from '../../scripts/build-cli.js';

/** The package a bare import specifier names: `@scope/name/x` -> `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** Every file under `dir`, as paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the compiled command line', () => {
  it('is up to date with its sources once the tests start', () => {
    expect(staleReason()).toBeUndefined();
  });

  it('imports only Node built-ins and runtime dependencies, never a compiler', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packages = new Set<string>();
    for (const file of filesUnder(OUT_DIR)) {
      const code = readFileSync(file, 'utf8');
      for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*"([^"./][^"]*)"/g)) {
        packages.add(packageOf(specifier!));
      }
    }
    const builtins = new Set(builtinModules);
    const outside = [...packages].filter(
      (name) => !name.startsWith('node:') && !builtins.has(name) && !(name in dependencies),
    );
    expect(packages.size).toBeGreaterThan(2);
    expect(outside).toEqual([]);
    expect(Object.keys(dependencies)).not.toContain('esbuild');
    expect(Object.keys(dependencies)).not.toContain('tsx');
  });
});

/** An error shaped as Node's when an import fails to resolve. */
function notFound(message: string): Error {
  return Object.assign(new Error(message), { code: 'ERR_MODULE_NOT_FOUND' });
}

describe('the build at install time', () => {
  const missing = notFound("Cannot find package 'esbuild' imported from /app/scripts/build-cli.js");

  it('is skipped with one line when esbuild is not installed and the build is asked for only if it is', () => {
    expect(skipBuildReason(missing, [IF_COMPILER])).toBe(NOT_BUILT);
    expect(NOT_BUILT).not.toContain('\n');
    expect(NOT_BUILT).toContain('npm run build:cli');
  });

  it('fails on a missing esbuild when the build was asked for outright', () => {
    expect(skipBuildReason(missing, [])).toBeUndefined();
  });

  it('fails on a real build error, a broken esbuild or another missing package', () => {
    const errors = [
      new Error('Build failed with 1 error: src/cli/main.ts:1:0: ERROR: Unexpected "}"'),
      notFound("Cannot find module '/app/node_modules/esbuild/lib/main.js'"),
      notFound("Cannot find package 'esbuild-wasm' imported from /app/scripts/build-cli.js"),
      new TypeError("Cannot read properties of undefined (reading 'inputs')"),
    ];
    for (const error of errors) expect(skipBuildReason(error, [IF_COMPILER])).toBeUndefined();
  });

  describe('run where no esbuild can be found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cli-'));
    mkdirSync(join(dir, 'scripts'));
    const script = join(dir, 'scripts', 'build-cli.js');
    copyFileSync('scripts/build-cli.js', script);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

    it('prints why the command line was not compiled and ends well, as `prepare` runs it', () => {
      const { status, stdout, stderr } = run(IF_COMPILER);
      expect(stdout).toBe(`${NOT_BUILT}\n`);
      expect(stderr).toBe('');
      expect(status).toBe(0);
    });

    it('fails when asked to build outright', () => {
      const { status, stderr } = run();
      expect(stderr).toContain("Cannot find package 'esbuild'");
      expect(status).toBe(1);
    });
  });
});
