#!/usr/bin/env node
// `npm run build:cli`: compiles the command line and its Node worker to JavaScript in build/cli/.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two folders deep, like src/cli, so the paths the command line finds from its own location
 * (package.json, scenarios/) lead to the same files compiled as from source.
 */
export const OUT_DIR = join(ROOT, 'build/cli');

/** The source files the last build read, written beside its output. */
const INPUTS = join(OUT_DIR, 'inputs.json');

/** The files bin/shortfall.js loads (V8's flags first); the commands, loaded by name; the worker a pool starts. */
function entryPoints() {
  const commands = readdirSync(join(ROOT, 'src/cli/commands'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ in: `src/cli/commands/${file}`, out: `commands/${file.slice(0, -3)}` }));
  return [
    { in: 'src/runner/node/inliningBudget.ts', out: 'inliningBudget' },
    { in: 'src/cli/main.ts', out: 'main' },
    { in: 'src/cli/io.ts', out: 'io' },
    ...commands,
    { in: 'workers/node-simulation.worker.ts', out: 'node-simulation.worker' },
  ];
}

/** The flag `prepare` passes: an install without esbuild skips the build rather than fail. */
export const IF_COMPILER = '--if-compiler';

/** What a production install prints instead of compiling. */
export const NOT_BUILT =
  'The command line was not compiled: esbuild, a development dependency, is not installed. ' +
  'Install with development dependencies (npm ci), or run `npm run build:cli` where esbuild is available.';

/**
 * Whether `error`, from loading package `name`, says the package is not installed at all. A
 * package that is there but broken (a file of its own missing, an error as it loads) is not.
 */
export function isPackageMissing(error, name = 'esbuild') {
  return (
    error instanceof Error &&
    /** @type {{ code?: unknown }} */ (error).code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.startsWith(`Cannot find package '${name}'`)
  );
}

/**
 * What to do when loading esbuild failed with `error`: the line to print before ending well when
 * the compiler is simply not installed and the build was asked for only if it is (`args`
 * holding IF_COMPILER, as at install time), else undefined: the failure is real and is thrown.
 */
export function skipBuildReason(error, args) {
  return args.includes(IF_COMPILER) && isPackageMissing(error) ? NOT_BUILT : undefined;
}

/** Compiles the command line afresh, so a removed command leaves no file behind. */
export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entryPoints(),
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    // Packages are loaded from node_modules, where the licence check has looked at them.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(result.metafile.inputs), 'scripts/build-cli.js', 'package.json'];
  writeFileSync(INPUTS, `${JSON.stringify(inputs, null, 2)}\n`);
}

/**
 * Why the compiled command line is out of date, or undefined when it is not: a new command,
 * or a source file changed or gone since the last build.
 */
export function staleReason() {
  if (!existsSync(INPUTS)) return 'not built yet';
  const builtAt = statSync(INPUTS).mtimeMs;
  const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  const expected = entryPoints().map((entry) => entry.in);
  const added = expected.find((file) => !inputs.includes(file));
  if (added) return `${added} is new`;
  for (const file of inputs) {
    const path = join(ROOT, file);
    if (!existsSync(path)) return `${file} is gone`;
    if (statSync(path).mtimeMs > builtAt) return `${file} changed`;
  }
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    await buildCli();
    console.log(`Built the command line in build/cli/ (${Date.now() - started} ms).`);
  } catch (error) {
    const reason = skipBuildReason(error, process.argv.slice(2));
    if (reason === undefined) throw error;
    console.log(reason);
  }
}
