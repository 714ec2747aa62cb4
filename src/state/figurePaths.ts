import type { ScenarioInput } from '../scenario/schema.ts';

/**
 * Sources and assumptions name figures by place (`units[2].staff[0].inPost`), so when a list is
 * reordered or an item removed, the paths into it must follow or they would point at another
 * unit's figures. `list` is the list's own path (`units`, `units[2].staff`); `moved` gives each
 * old index its new one, or undefined for an item that is gone (its paths go with it).
 */
export function remapFigurePaths(
  input: ScenarioInput,
  list: string,
  moved: (oldIndex: number) => number | undefined,
): ScenarioInput {
  const remap = (path: string): string | undefined => {
    if (!path.startsWith(`${list}[`)) return path;
    const match = /^\[(\d+)\]/.exec(path.slice(list.length));
    if (!match) return path;
    const to = moved(Number(match[1]));
    return to === undefined
      ? undefined
      : `${list}[${to}]${path.slice(list.length + match[0].length)}`;
  };
  const sources = input.sources?.map((source) =>
    source.figures ? { ...source, figures: source.figures.flatMap((f) => remap(f) ?? []) } : source,
  );
  const assumptions = input.assumptions?.flatMap((a) => {
    const field = remap(a.field);
    return field === undefined ? [] : [{ ...a, field }];
  });
  return {
    ...input,
    ...(sources ? { sources } : {}),
    ...(assumptions ? { assumptions } : {}),
  };
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
