#!/usr/bin/env node
// Fails naming every package installed with the app whose licence is not on the allowed list, or
// that does not come from the npm registry with a sha512 integrity hash.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** SPDX identifiers that let the app be used, changed and shared without further terms. */
export const ALLOWED_LICENCES = [
  '0BSD',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'MIT',
  // zlib's licence (pako, the zip compressor inside the PowerPoint writer) asks only that
  // altered copies say so and that its notice stays in the source.
  'Zlib',
];

/** The only registry packages may come from. */
export const REGISTRY = 'https://registry.npmjs.org/';

/**
 * Whether an SPDX expression such as `MIT`, `(MIT OR Apache-2.0)` or `ISC AND MIT` allows use:
 * one allowed side of an OR is enough; every side of an AND must be allowed.
 *
 * @param {string | undefined} expression
 * @param {readonly string[]} allowed
 * @returns {boolean}
 */
export function licenceAllowed(expression, allowed = ALLOWED_LICENCES) {
  if (typeof expression !== 'string' || expression.trim() === '') return false;
  const bare = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/[()]/.test(bare)) return false; // nested expressions are rare enough to review by hand
  return bare
    .split(/\s+OR\s+/)
    .some((side) => side.split(/\s+AND\s+/).every((id) => allowed.includes(id.trim())));
}

/**
 * Where Node would find `name` when required from the package installed at `from`: its own
 * node_modules first, then each enclosing one up to the project's.
 *
 * @param {Record<string, object>} packages the lockfile's `packages` map
 * @param {string} from a key of `packages` ('' for the project)
 * @param {string} name
 * @returns {string | undefined}
 */
function resolveFrom(packages, from, name) {
  let base = from;
  for (;;) {
    const key = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (key in packages) return key;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * The packages a production install brings, found by walking the dependency tree from the
 * project's `dependencies`, with the optional and peer dependencies of each package reached
 * (a platform's optional binary absent from the lockfile is not an error).
 *
 * @param {{ packages: Record<string, any> }} lockfile a package-lock.json, version 2 or 3
 * @returns {{ runtime: string[], missing: string[] }} lockfile keys reached, and required
 *   dependencies the lockfile does not hold
 */
export function runtimePackages(lockfile) {
  const { packages } = lockfile;
  const root = packages[''] ?? {};
  const seen = new Set();
  const missing = [];
  const queue = [['', root]];
  while (queue.length > 0) {
    const [from, entry] = queue.shift();
    const required = Object.keys(entry.dependencies ?? {});
    const optional = [
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}),
    ];
    for (const name of [...required, ...optional]) {
      const key = resolveFrom(packages, from, name);
      if (key === undefined) {
        if (required.includes(name)) missing.push(`${from || '(project)'} -> ${name}`);
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push([key, packages[key]]);
    }
  }
  return { runtime: [...seen].sort(), missing };
}

/** `node_modules/a/node_modules/@s/b` -> `@s/b`. */
function packageName(key) {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/**
 * Every reason the runtime dependencies of `lockfile` may not ship, one line each naming the
 * package; empty when they all may.
 *
 * @param {{ packages: Record<string, any> }} lockfile
 * @param {readonly string[]} allowed
 * @returns {{ checked: { name: string, version: string, license: string }[], problems: string[] }}
 */
export function checkLicences(lockfile, allowed = ALLOWED_LICENCES) {
  const { runtime, missing } = runtimePackages(lockfile);
  const problems = missing.map((edge) => `${edge}: required but not in package-lock.json`);
  const checked = [];
  for (const key of runtime) {
    const entry = lockfile.packages[key];
    const id = `${packageName(key)}@${entry.version ?? '?'}`;
    if (entry.link) {
      problems.push(`${id}: linked from ${entry.resolved}, not installed from the registry`);
      continue;
    }
    if (!licenceAllowed(entry.license, allowed)) {
      problems.push(`${id}: licence ${JSON.stringify(entry.license ?? null)} is not allowed`);
    }
    // npm leaves `resolved` out of the lockfile for the default registry when
    // omit-lockfile-registry-resolved is set; anything it does record must be that registry.
    if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) {
      problems.push(`${id}: resolved from ${entry.resolved}, not ${REGISTRY}`);
    }
    if (typeof entry.integrity !== 'string' || !entry.integrity.startsWith('sha512-')) {
      problems.push(`${id}: no sha512 integrity hash`);
    }
    checked.push({ name: packageName(key), version: entry.version, license: entry.license });
  }
  return { checked, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lockfile = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const { checked, problems } = checkLicences(lockfile);
  for (const { name, version, license } of checked) console.log(`${name}@${version}  ${license}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} runtime dependency problem(s):`);
    for (const problem of problems) console.error(`  ${problem}`);
    console.error(`Allowed licences: ${ALLOWED_LICENCES.join(', ')}.`);
    process.exit(1);
  }
  console.log(`\n${checked.length} runtime packages: allowed licences, registry, sha512 hashes.`);
}
