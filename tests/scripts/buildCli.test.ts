import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, staleReason } from '../../scripts/build-cli.js';

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
