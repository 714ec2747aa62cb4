import type { ScenarioInput } from '../scenario/schema.ts';

/**
 * Sources, assumptions and options' changes name figures by place (`units[2].staff[0].inPost`),
 * so when a list is reordered or an item removed, the paths into it must follow or they would
 * point at another unit's figures. `list` is the list's own path (`units`, `units[2].staff`);
 * `moved` gives each old index its new one, or undefined for an item that is gone (its paths
 * go with it, and an option left with no change goes too).
 */
export function remapFigurePaths(
  input: ScenarioInput,
  list: string,
  moved: (oldIndex: number) => number | undefined,
): ScenarioInput {
  const remap = (path: string): string | undefined => {
    const index = indexIn(path, list);
    if (index === undefined) return path;
    const to = moved(index.at);
    return to === undefined ? undefined : `${list}[${to}]${path.slice(index.end)}`;
  };
  const sources = input.sources?.map((source) =>
    source.figures ? { ...source, figures: source.figures.flatMap((f) => remap(f) ?? []) } : source,
  );
  const assumptions = input.assumptions?.flatMap((a) => {
    const field = remap(a.field);
    return field === undefined ? [] : [{ ...a, field }];
  });
  const options = input.options?.flatMap((option) => {
    const changes = option.changes.flatMap((c) => {
      const field = remap(c.field);
      return field === undefined ? [] : [{ ...c, field }];
    });
    return changes.length === 0 ? [] : [{ ...option, changes }];
  });
  const out: ScenarioInput = {
    ...input,
    ...(sources ? { sources } : {}),
    ...(assumptions ? { assumptions } : {}),
    ...(options ? { options } : {}),
  };
  // A scenario with no options leaves the field out, as one that never had any does.
  if (options?.length === 0) delete out.options;
  return out;
}

/** The index `path` takes in the list at `list`, and where that index ends in the path. */
function indexIn(path: string, list: string): { at: number; end: number } | undefined {
  if (!path.startsWith(`${list}[`)) return undefined;
  const match = /^\[(\d+)\]/.exec(path.slice(list.length));
  if (!match) return undefined;
  return { at: Number(match[1]), end: list.length + match[0].length };
}

/** True when `path` is `item` or a field inside it (`units[0]` holds `units[0].staff[1]`). */
export function isWithin(path: string, item: string): boolean {
  return (
    path === item ||
    (path.startsWith(item) && (path[item.length] === '.' || path[item.length] === '['))
  );
}

/** Moves the item at `from` to `to` in a list, as an index map for remapFigurePaths. */
export function moveMap(from: number, to: number): (i: number) => number {
  return (i) => {
    if (i === from) return to;
    if (from < to && i > from && i <= to) return i - 1;
    if (to < from && i >= to && i < from) return i + 1;
    return i;
  };
}

/** Removes the items in `gone` from a list, as an index map for remapFigurePaths. */
export function removeMap(gone: ReadonlySet<number>): (i: number) => number | undefined {
  return (i) => {
    if (gone.has(i)) return undefined;
    let before = 0;
    for (const g of gone) if (g < i) before++;
    return i - before;
  };
}
