/**
 * Checks that the app cannot send a planner's data anywhere: no network call in the app's own
 * sources, and no address of another host in the built bundle or loaded by index.html, apart
 * from the XML namespaces SVG needs and the licence comments of bundled libraries. Run with
 * `npx tsx scripts/scan-bundle.ts`: it builds the app afresh into a temporary folder, so what it
 * scans is always the current sources and never an old dist/, and exits non-zero on a finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  file: string;
  match: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A production build of the current sources, in a new temporary folder; `remove` deletes it. */
export function buildAfresh(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shortfall-bundle-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const build = spawnSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) {
    remove();
    throw new Error(`vite build failed: ${build.stderr || build.error?.message}`);
  }
  return { dir, remove };
}

/** Addresses that are identifiers, never fetched. */
const ALLOWED_URLS = [
  /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|XML\/1998\/namespace|2000\/xmlns\/?)$/,
  /^https?:\/\/json-schema\.org\/draft[-/][\w/-]+schema#?$/,
  // The schema library's URL check builds an address from text it is given; it fetches nothing.
  /^http:\/\/\[\$\{\w\}\]$/,
  // Svelte's runtime names the help page for an error inside the error's message text.
  /^https:\/\/svelte\.dev\/e\/[a-z_]+$/,
  // Office Open XML names its parts' namespaces and relationship types by these; none is fetched.
  /^http:\/\/schemas\.openxmlformats\.org\/[\w./-]+$/,
  /^http:\/\/schemas\.microsoft\.com\/office\/[\w./-]+$/,
  /^http:\/\/purl\.org\/dc\/(elements\/1\.1|terms|dcmitype)\/$/,
  /^http:\/\/www\.w3\.org\/2001\/XMLSchema-instance$/,
  // The PowerPoint writer, its zip library and the bundler's require shim name help pages, or
  // an example address, in the text of their error messages.
  /^https:\/\/gitbrent\.github\.io\/PptxGenJS\/docs\/[\w-]+\.html$/,
  /^https:\/\/stuk\.github\.io\/jszip\/documentation\/[\w/.-]+$/,
  /^https:\/\/github\.com$/,
  /^https:\/\/rolldown\.rs\/in-depth\/bundling-cjs#require-external-modules$/,
];

/** Network APIs the app's own code must never use: data stays on the planner's machine. */
const NETWORK_CALLS =
  /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|navigator\.sendBeacon|importScripts\s*\(\s*['"`]https?:)/;

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.includes(extname(name)) ? [path] : [];
  });
}

/** Strips block and line comments, where licence headers and documentation links live. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/[^\n]*/g, '$1');
}

/**
 * Addresses the built-in scenarios cite as their sources. They are data the app shows as text
 * (a planner can read where a figure comes from), never requested.
 */
function citedSources(): Set<string> {
  const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
  const urls = new Set<string>();
  for (const file of filesUnder(dir, ['.json'])) {
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { sources?: { url?: string }[] };
    for (const source of scenario.sources ?? []) if (source.url) urls.add(source.url);
  }
  return urls;
}

/** http(s) addresses in the built files other than namespaces and licence comments. */
export function scanBundle(distDir: string): Finding[] {
  const cited = citedSources();
  const findings: Finding[] = [];
  for (const file of filesUnder(distDir, ['.js', '.mjs', '.html', '.css', '.json', '.svg'])) {
    const text = readFileSync(file, 'utf8');
    const code = extname(file) === '.js' || extname(file) === '.mjs' ? withoutComments(text) : text;
    for (const [url] of code.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) {
      if (!cited.has(url) && !ALLOWED_URLS.some((allowed) => allowed.test(url))) {
        findings.push({ file: relative(distDir, file), match: url });
      }
    }
  }
  return findings;
}

/** Network calls in the app's own sources (libraries are covered by the bundle's URL scan). */
export function scanSources(dirs: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir, ['.ts', '.js', '.svelte'])) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      const match = NETWORK_CALLS.exec(code);
      if (match) findings.push({ file, match: match[0] });
    }
  }
  return findings;
}

/** Scripts, styles, images or frames that index.html would load from another host. */
export function scanIndexHtml(html: string): Finding[] {
  const findings: Finding[] = [];
  for (const [, attribute, value] of html.matchAll(
    /\b(src|href|action|data)\s*=\s*["']([^"']*)["']/gi,
  )) {
    if (/^(https?:)?\/\//i.test(value!)) {
      findings.push({ file: 'index.html', match: `${attribute}="${value}"` });
    }
  }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = buildAfresh();
  let findings: Finding[];
  try {
    findings = [
      ...scanBundle(bundle.dir),
      ...scanSources([join(ROOT, 'src'), join(ROOT, 'workers')]),
      ...scanIndexHtml(readFileSync(join(ROOT, 'index.html'), 'utf8')),
    ];
  } finally {
    bundle.remove();
  }
  for (const f of findings) console.log(`${f.file}: ${f.match}`);
  console.log(findings.length === 0 ? 'No external addresses or network calls.' : '');
  process.exitCode = findings.length === 0 ? 0 : 1;
}
