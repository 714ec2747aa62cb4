import { validateScenario } from '../scenario/parse.ts';
import { inlineUncertain } from '../scenario/uncertain.ts';
import type { Problem, Result } from '../scenario/problem.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { EditHistory } from './editHistory.svelte.ts';
import { fieldLabel } from './fieldLabel.ts';
import { getAt, pathText, setAt, type FieldPath } from './path.ts';
import { messageInWords } from './problemWords.ts';
import { afterFigureEdit } from './publishedFigure.ts';

/**
 * The scenario as the planner is editing it. It holds exactly what was typed, valid or not, so
 * nothing is lost; every change is validated and the problems are kept by field path.
 */
export class ScenarioDraft {
  input = $state.raw<ScenarioInput>() as ScenarioInput;
  /** Counts edits and loads, so results can tell whether they still match the scenario. */
  revision = $state(0);
  /**
   * A scenario that has just passed validation, as read from a file: validating it again would
   * give it back unchanged, and for a large file would take as long as reading it did.
   */
  #valid: Scenario | undefined = undefined;
  readonly validation: Result<Scenario> = $derived(
    this.input === this.#valid
      ? { ok: true, value: this.#valid, warnings: [] }
      : validateScenario(this.input),
  );
  readonly problems: Problem[] = $derived(this.validation.ok ? [] : this.validation.problems);
  readonly scenario: Scenario | undefined = $derived(
    this.validation.ok ? this.validation.value : undefined,
  );
  readonly problemsByPath: ReadonlyMap<string, string[]> = $derived(groupByPath(this.problems));

  /** Every edit since the scenario was loaded, for Undo and Redo. */
  readonly history = new EditHistory<ScenarioInput>();

  constructor(input: ScenarioInput) {
    this.input = input;
  }

  /** Replaces the whole scenario (a built-in scenario or an opened file). */
  load(input: ScenarioInput): void {
    this.history.clear();
    // Uncertain assumptions are edited where the file holds them, not at their central values.
    this.input = inlineUncertain(input);
    this.revision++;
  }

  /** Replaces the whole scenario with one that has passed validation (an opened file). */
  loadValid(scenario: Scenario): void {
    if (!scenario.uncertain?.length) this.#valid = scenario;
    this.load(scenario);
  }

  get(path: FieldPath): unknown {
    return getAt(this.input, path);
  }

  set(path: FieldPath, value: unknown): void {
    const before = getAt(this.input, path);
    if (Object.is(before, value)) return;
    const key = pathText(path);
    this.history.record(this.input, `change ${fieldLabel(this.input, path)}`, key);
    this.input = afterFigureEdit(setAt(this.input, path, value), key, before);
    this.revision++;
  }

  /**
   * A change to the whole scenario (a unit added, a role removed), undone as one step; edits
   * with the same `key` in a row count as one.
   */
  edit(label: string, change: (input: ScenarioInput) => ScenarioInput, key?: string): void {
    const next = change(this.input);
    if (next === this.input) return;
    this.history.record(this.input, label, key);
    // Without a key, the edit stands alone; with one, typing into one note joins as one step.
    if (key === undefined) this.history.seal();
    this.input = next;
    this.revision++;
  }

  undo(): void {
    const before = this.history.undo(this.input);
    if (before === undefined) return;
    this.input = before;
    this.revision++;
  }

  redo(): void {
    const after = this.history.redo(this.input);
    if (after === undefined) return;
    this.input = after;
    this.revision++;
  }

  /** Messages for the field at `path`, and for anything inside it (a distribution's parameters). */
  problemsAt(path: FieldPath): string[] {
    const key = pathText(path);
    const out: string[] = [];
    const words = (m: string) => messageInWords(m, this.input);
    for (const [at, messages] of this.problemsByPath) {
      if (at === key) out.push(...messages.map(words));
      else if (at.startsWith(`${key}.`) || at.startsWith(`${key}[`)) {
        // A part of the field (a distribution's average) is named as the field's own label goes on.
        const whole = fieldLabel(this.input, key);
        const inner = fieldLabel(this.input, at);
        const part = inner.startsWith(`${whole} · `) ? inner.slice(whole.length + 3) : inner;
        out.push(...messages.map((m) => `${part}: ${words(m)}`));
      }
    }
    return out;
  }
}

function groupByPath(problems: readonly Problem[]): Map<string, string[]> {
  // Built afresh inside a $derived and never mutated afterwards, so it needs no reactivity.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const map = new Map<string, string[]>();
  for (const { path, message } of problems) {
    const list = map.get(path) ?? [];
    list.push(message);
    map.set(path, list);
  }
  return map;
}
