import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import { scenarioInputs } from '../decision/assumptionsRegister.ts';
import type { Scenario } from '../scenario/schema.ts';
import { KIND_PARAMETERS } from './distributionPreview.ts';

/** An uncertain assumption's path in words: "Unit, Drug supply: Cases per month (average)". */
export function uncertainLabel(scenario: Scenario, path: string): string {
  return uncertainLabeller(scenario)(path);
}

/**
 * `uncertainLabel` for many paths of one scenario: its inputs are listed once, so naming every
 * field of a large file does not list them again for each.
 */
export function uncertainLabeller(scenario: Scenario): (path: string) => string {
  const inputs = scenarioInputs(scenario);
  const byField = new Map(inputs.map((i) => [i.field, i.label]));
  return (path) => {
    const field = byField.get(path);
    if (field !== undefined) return field;
    // A distribution's parameter: the field is the path less its last key.
    const dot = path.lastIndexOf('.');
    const owner = dot > 0 ? byField.get(path.slice(0, dot)) : undefined;
    if (owner === undefined) return path;
    const key = path.slice(dot + 1);
    const words = Object.values(KIND_PARAMETERS)
      .flat()
      .find((p) => p.key === key)?.label;
    return `${owner} (${(words ?? key).toLowerCase()})`;
  };
}

/** A share as a reader hears it: to the nearest 5%, never "about 0%". */
function about(share: number): string {
  const rounded = Math.round(share * 20) * 5;
  return rounded === 0 ? 'under 5%' : `about ${rounded}%`;
}

/**
 * Where a result's range comes from, in a sentence: the assumptions that explain at least 5%
 * of its variance, largest first, then chance (with any interaction between assumptions).
 * Undefined when the scenario has no uncertain assumptions.
 */
export function uncertaintySentence(
  summary: Summary,
  scenario: Scenario,
  metric: TotalMetric,
): string | undefined {
  const u = summary.uncertainty?.[metric];
  if (!u) return undefined;
  const ranked = Object.entries(u.shares)
    .filter(([, share]) => share >= 0.025)
    .sort((a, b) => b[1] - a[1]);
  const label = uncertainLabeller(scenario);
  const named = ranked.map(([path, share]) => ({ label: label(path), share }));
  const chance = `chance adds ${about(u.chance)}`;
  if (named.length === 0) {
    return `Almost all of this range is chance: no uncertain assumption explains as much as 5% of it.`;
  }
  const [top, ...rest] = named;
  const lead =
    top!.share >= 0.5
      ? `Most of this range comes from not knowing ${top!.label} (${about(top!.share)})`
      : `Of this range, ${about(top!.share)} comes from not knowing ${top!.label}`;
  const others = rest.map((r) => `${about(r.share)} from ${r.label}`);
  return `${[lead, ...others].join(', ')}; ${chance}.`;
}
