import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLicences, licenceAllowed, runtimePackages } from '../../scripts/check-licences.js';

const HASH = 'sha512-AAAA';

/** A lockfile (version 3) whose project depends on `app` and, for development, on `tool`. */
function lockfile(extra: Record<string, object> = {}) {
  return {
    lockfileVersion: 3,
    packages: {
      '': {
        name: 'project',
        dependencies: { app: '^1.0.0' },
        devDependencies: { tool: '^1.0.0' },
      },
      'node_modules/app': {
        version: '1.0.0',
        integrity: HASH,
        license: 'MIT',
        dependencies: { util: '^2.0.0' },
        optionalDependencies: { '@app/linux-x64': '1.0.0', '@app/win32-x64': '1.0.0' },
      },
      'node_modules/app/node_modules/util': { version: '2.0.0', integrity: HASH, license: 'ISC' },
      'node_modules/util': { version: '1.0.0', dev: true, integrity: HASH, license: 'GPL-3.0' },
      'node_modules/@app/linux-x64': {
        version: '1.0.0',
        optional: true,
        integrity: HASH,
        license: 'MIT',
      },
      'node_modules/tool': {
        version: '1.0.0',
        dev: true,
        integrity: HASH,
        license: 'GPL-3.0',
        dependencies: { util: '^1.0.0' },
      },
      ...extra,
    },
  };
}

describe('licenceAllowed', () => {
  it('allows a listed identifier and refuses an unlisted or missing one', () => {
    expect(licenceAllowed('MIT')).toBe(true);
    expect(licenceAllowed('ISC')).toBe(true);
    expect(licenceAllowed('GPL-3.0')).toBe(false);
    expect(licenceAllowed('UNLICENSED')).toBe(false);
    expect(licenceAllowed(undefined)).toBe(false);
    expect(licenceAllowed('')).toBe(false);
  });

  it('needs one allowed side of an OR and every side of an AND', () => {
    expect(licenceAllowed('(MIT OR GPL-3.0)')).toBe(true);
    expect(licenceAllowed('GPL-3.0 OR LGPL-2.1')).toBe(false);
    expect(licenceAllowed('MIT AND ISC')).toBe(true);
    expect(licenceAllowed('(MIT AND GPL-3.0)')).toBe(false);
  });

  it('refuses nested expressions, which need a person to read them', () => {
    expect(licenceAllowed('MIT OR (ISC AND BSD-3-Clause)')).toBe(false);
  });
});

describe('runtimePackages', () => {
  it('walks dependencies from the project, resolving nested copies first', () => {
    expect(runtimePackages(lockfile())).toEqual({
      runtime: [
        'node_modules/@app/linux-x64',
        'node_modules/app',
        'node_modules/app/node_modules/util',
      ],
      missing: [],
    });
  });

  it('names a required dependency the lockfile does not hold', () => {
    const lock = lockfile();
    delete (lock.packages as Record<string, object>)['node_modules/app/node_modules/util'];
    delete (lock.packages as Record<string, object>)['node_modules/util'];
    expect(runtimePackages(lock).missing).toEqual(['node_modules/app -> util']);
  });

  it("reaches exactly the packages npm marks as not dev in the project's lockfile", () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const notDev = Object.keys(lock.packages).filter(
      (key) => key !== '' && !lock.packages[key]!.dev,
    );
    expect(runtimePackages(lock).runtime).toEqual(notDev.sort());
  });
});

describe('checkLicences', () => {
  it('passes runtime packages with allowed licences from the registry, ignoring dev ones', () => {
    const { checked, problems } = checkLicences(lockfile());
    expect(problems).toEqual([]);
    expect(checked.map((p) => `${p.name}@${p.version} ${p.license}`)).toEqual([
      '@app/linux-x64@1.0.0 MIT',
      'app@1.0.0 MIT',
      'util@2.0.0 ISC',
    ]);
  });

  it('names each runtime package with a disallowed or missing licence', () => {
    const { problems } = checkLicences(
      lockfile({
        'node_modules/app/node_modules/util': {
          version: '2.0.0',
          integrity: HASH,
          license: 'GPL-3.0',
        },
        'node_modules/@app/linux-x64': { version: '1.0.0', optional: true, integrity: HASH },
      }),
    );
    expect(problems).toEqual([
      '@app/linux-x64@1.0.0: licence null is not allowed',
      'util@2.0.0: licence "GPL-3.0" is not allowed',
    ]);
  });

  it('names a package from elsewhere than the registry or without a sha512 hash', () => {
    const { problems } = checkLicences(
      lockfile({
        'node_modules/app/node_modules/util': {
          version: '2.0.0',
          resolved: 'git+ssh://git@example.com/util.git#abc',
          license: 'ISC',
        },
        'node_modules/@app/linux-x64': {
          version: '1.0.0',
          resolved: 'https://registry.npmjs.org/@app/linux-x64/-/linux-x64-1.0.0.tgz',
          integrity: 'sha1-AAAA',
          license: 'MIT',
        },
      }),
    );
    expect(problems).toEqual([
      '@app/linux-x64@1.0.0: no sha512 integrity hash',
      'util@2.0.0: resolved from git+ssh://git@example.com/util.git#abc, not https://registry.npmjs.org/',
      'util@2.0.0: no sha512 integrity hash',
    ]);
  });

  it('accepts an allowed list of its own', () => {
    expect(checkLicences(lockfile(), ['MIT']).problems).toEqual([
      'util@2.0.0: licence "ISC" is not allowed',
    ]);
  });
});
