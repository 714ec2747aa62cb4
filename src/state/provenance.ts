import type { ScenarioInput } from '../scenario/schema.ts';

/** Where a figure comes from: a published source, or the planner's assumption. */
export type Provenance =
  { kind: 'published'; source: string; url?: string } | { kind: 'assumption'; note?: string };

/**
 * A field is published when a source lists its path (or a parent path) under `figures`;
 * otherwise it is an assumption, with the register's note when there is one.
 */
export function provenanceOf(scenario: ScenarioInput, path: string): Provenance {
  const covers = (figure: string) =>
    path === figure || path.startsWith(`${figure}.`) || path.startsWith(`${figure}[`);
  for (const source of scenario.sources ?? []) {
    if ((source.figures ?? []).some(covers)) {
      return {
        kind: 'published',
        source: source.title,
        ...(source.url ? { url: source.url } : {}),
      };
    }
  }
  const assumption = (scenario.assumptions ?? []).find((a) => covers(a.field));
  return assumption ? { kind: 'assumption', note: assumption.note } : { kind: 'assumption' };
}
