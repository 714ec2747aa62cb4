import { scenarioSchema, type ScenarioInput } from '../scenario/schema.ts';
import { getAt, parsePath, pathText, setAt } from './path.ts';
import { withAssumption } from './structure.ts';

/**
 * A published figure the planner changes stops being published at once: its source no longer
 * lists it, and the register gains a note that keeps the published value and its source, so
 * "Restore published figure" can put both back, even after the file is saved and opened again.
 */

const NOTE = /^Published figure was (\S+) in “([\s\S]*?)”\.(?: ([\s\S]*))?$/;
/** Fields that name or place things rather than state a figure: editing them keeps provenance. */
const NOT_FIGURES = new Set(['name', 'id', 'pool', 'description', 'seed', 'replications']);

const covers = (cover: string, path: string) =>
  path === cover || path.startsWith(`${cover}.`) || path.startsWith(`${cover}[`);

/** The published value kept for `path`, with its source's title and the planner's reason. */
export function publishedBefore(
  input: ScenarioInput,
  path: string,
): { value: unknown; source: string; why: string } | undefined {
  const note = (input.assumptions ?? []).find((a) => a.field === path)?.note;
  const match = note === undefined ? null : NOTE.exec(note);
  if (!match) return undefined;
  try {
    return { value: JSON.parse(match[1]!), source: match[2]!, why: match[3] ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * `input` after the figure at `path` was changed from `before`: when a source listed it, the
 * source lets go of it and the register keeps what it was. Anything else is returned as it is.
 */
export function afterFigureEdit(
  input: ScenarioInput,
  path: string,
  before: unknown,
): ScenarioInput {
  const last = parsePath(path).at(-1);
  if (typeof last === 'string' && NOT_FIGURES.has(last)) return input;
  const sources = input.sources ?? [];
  const s = sources.findIndex((source) => (source.figures ?? []).some((f) => covers(f, path)));
  if (s < 0) return input;
  const source = sources[s]!;
  const full = scenarioSchema.safeParse(input);
  const filled: unknown = full.success ? full.data : input;
  const figures = (source.figures ?? []).flatMap((f) =>
    covers(f, path) ? leavesUnder(filled, f).filter((leaf) => leaf !== path) : [f],
  );
  const nextSources = sources.map((x, i) => (i === s ? { ...x, figures } : x));
  return withAssumption(
    { ...input, sources: nextSources },
    path,
    `Published figure was ${JSON.stringify(before)} in “${source.title}”.`,
  );
}

/** Puts the published value back at `path`, with its source listing it again. */
export function restorePublished(input: ScenarioInput, path: string): ScenarioInput {
  const kept = publishedBefore(input, path);
  if (!kept) return input;
  const sources = input.sources ?? [];
  const s = sources.findIndex((x) => x.title === kept.source);
  const restored = setAt(input, parsePath(path), kept.value);
  return {
    ...restored,
    sources:
      s < 0
        ? sources
        : sources.map((x, i) =>
            i === s ? { ...x, figures: inFileOrder(restored, x.figures ?? [], path) } : x,
          ),
    assumptions: (input.assumptions ?? []).filter((a) => a.field !== path),
  };
}

/** The planner's reason for a changed published figure, kept after the published value. */
export function withReason(input: ScenarioInput, path: string, why: string): ScenarioInput {
  const note = (input.assumptions ?? []).find((a) => a.field === path)?.note ?? '';
  const match = NOTE.exec(note);
  const text = match
    ? `Published figure was ${match[1]} in “${match[2]}”.${why.trim() ? ` ${why.trim()}` : ''}`
    : why;
  return withAssumption(input, path, text);
}

/**
 * `figures` with `path` put back before the first figure that comes after it in the file, so
 * that restoring what was published gives back the source as it was listed.
 */
function inFileOrder(input: ScenarioInput, figures: readonly string[], path: string): string[] {
  const order = leavesUnder(input, '');
  const place = (figure: string) => order.findIndex((leaf) => covers(figure, leaf));
  const at = place(path);
  const next = figures.findIndex((f) => place(f) > at);
  return next < 0 ? [...figures, path] : [...figures.slice(0, next), path, ...figures.slice(next)];
}

/** Paths of every figure inside `cover` (itself when it is one), as sources list them. */
function leavesUnder(root: unknown, cover: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, keys: (string | number)[]) => {
    const isDistribution =
      value !== null && typeof value === 'object' && 'dist' in (value as object);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...keys, i]));
    else if (value !== null && typeof value === 'object' && !isDistribution) {
      for (const [k, v] of Object.entries(value)) if (!NOT_FIGURES.has(k)) walk(v, [...keys, k]);
    } else out.push(pathText(keys));
  };
  walk(getAt(root, parsePath(cover)), parsePath(cover));
  return out;
}
