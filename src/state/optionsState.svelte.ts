import type { Evaluate } from '../decision/evaluate.ts';
import { baselineOf } from '../options/applyOption.ts';
import { runOptions, type OptionsRun } from '../options/compareOptions.ts';
import { optionCharts, type OverlaySpec } from '../options/optionCharts.ts';
import { describeOption, editsBetween, withoutOption } from '../options/optionChanges.ts';
import { RunCancelled } from '../runner/runner.ts';
import { validateScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioOption } from '../scenario/schema.ts';
import { problemInWords } from './problemWords.ts';
import type { ScenarioDraft } from './scenarioDraft.svelte.ts';

/** What the options need from the app: the scenario being edited and how to run it. */
export interface OptionsHost {
  readonly draft: ScenarioDraft;
  readonly evaluate: Evaluate;
  readonly seed: string;
  readonly replications: { ok: true; value: number } | { ok: false; message: string };
}

/**
 * The scenario's options in the app: "Add option" turns the edits made since the scenario was
 * opened or saved into a named option and puts the scenario back to its baseline; "Run options"
 * runs the baseline and every option on one seed and keeps the comparison.
 */
export class OptionsState {
  /** The scenario edits are measured from: as opened, saved or last turned into an option. */
  base = $state.raw<Scenario | undefined>();
  /** The name typed for the next option. */
  name = $state('');
  /** Why the last "Add option" was refused, for the message beside the name. */
  problem = $state<string | undefined>();
  result = $state.raw<OptionsRun | undefined>();
  /** The draft revision the result was run from: any later edit makes it out of date. */
  resultRevision = $state(-1);
  running = $state(false);
  /** For the live region: which run is under way, or how the last ended. */
  status = $state('');
  error = $state<string | undefined>();
  private controller: AbortController | undefined;

  constructor(private readonly host: OptionsHost) {
    this.rebase();
  }

  /** The scenario as it stands is the new baseline for edits (it was opened or saved). */
  rebase(): void {
    const scenario = this.host.draft.scenario;
    this.base = scenario ? baselineOf(scenario) : undefined;
    this.problem = undefined;
  }

  /** The options the scenario holds now. */
  get options(): ScenarioOption[] {
    return this.host.draft.scenario?.options ?? [];
  }

  /** The edits since the baseline that an option can hold, and those it cannot. */
  get edits(): { changes: ScenarioOption['changes']; words: string[]; leftOut: string[] } {
    const current = this.host.draft.scenario;
    if (!current || !this.base) return { changes: [], words: [], leftOut: [] };
    const { changes, leftOut } = editsBetween(this.base, current);
    const words = changes.length > 0 ? describeOption(this.base, { name: 'edits', changes }) : [];
    return { changes, words, leftOut };
  }

  /** Each option's changes in the editor's words. */
  describe(option: ScenarioOption): string[] {
    const scenario = this.host.draft.scenario;
    return scenario ? describeOption(scenario, option) : [];
  }

  /**
   * Keeps the edits as an option called `name` and puts the roles, units, policy and finance
   * back as they were in the baseline; edits an option cannot hold (the seed, the name) stay.
   * Returns false, with `problem` set, when it cannot.
   */
  addOption(): boolean {
    const current = this.host.draft.scenario;
    const base = this.base;
    const name = this.name.trim();
    const refuse = (message: string) => {
      this.problem = message;
      return false;
    };
    if (!current || !base) return refuse('Fix the problems in the scenario first.');
    const { changes } = editsBetween(base, current);
    if (changes.length === 0) {
      return refuse(
        'There are no edits to keep yet: change the establishment, demand or policy first, then add them as an option.',
      );
    }
    if (name === '') return refuse('Give the option a name, for example “Fill the 60 vacancies”.');
    if (this.options.some((o) => o.name.trim().toLowerCase() === name.toLowerCase())) {
      return refuse(`Another option is called “${name}”; give this one its own name.`);
    }
    const next: Scenario = {
      ...current,
      roles: base.roles,
      units: base.units,
      policy: base.policy,
      finance: base.finance,
      options: [...this.options, { name, changes }],
    };
    const checked = validateScenario(next);
    if (!checked.ok) return refuse(problemInWords(checked.problems[0]!, next));
    this.host.draft.load(checked.value);
    this.name = '';
    this.problem = undefined;
    this.status = `Added the option “${name}”. The scenario is back to its baseline.`;
    return true;
  }

  removeOption(name: string): void {
    const current = this.host.draft.scenario;
    if (!current) return;
    this.host.draft.load(withoutOption(current, name));
    this.status = `Removed the option “${name}”.`;
  }

  /** Whether the options shown were run from the scenario as it now stands. */
  get outOfDate(): boolean {
    return this.result !== undefined && this.resultRevision !== this.host.draft.revision;
  }

  get charts(): OverlaySpec[] {
    return this.result && this.result.options.length > 0 ? optionCharts(this.result) : [];
  }

  /** Why "Run options" cannot start, or undefined when it can. */
  get runBlockedBy(): string | undefined {
    if (!this.host.draft.scenario) return 'Fix the problems in the scenario first.';
    if (this.options.length === 0) return 'Add an option first.';
    if (!this.host.replications.ok) return this.host.replications.message;
    return undefined;
  }

  async runAll(): Promise<void> {
    const scenario = this.host.draft.scenario;
    const replications = this.host.replications;
    if (this.running || !scenario || !replications.ok || this.runBlockedBy) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = true;
    this.error = undefined;
    const revision = this.host.draft.revision;
    const total = (scenario.options?.length ?? 0) + 1;
    try {
      const evaluate: Evaluate = (s, seed, n) => this.host.evaluate(s, seed, n, controller.signal);
      this.result = await runOptions(
        scenario,
        scenario.options ?? [],
        evaluate,
        { seed: this.host.seed, replications: replications.value },
        (i, name) => (this.status = `Running ${i + 1} of ${total}: ${name}…`),
      );
      this.resultRevision = revision;
      this.status = `Finished: the baseline and ${total - 1} ${total === 2 ? 'option' : 'options'} on seed “${this.host.seed}”.`;
    } catch (error) {
      if (error instanceof RunCancelled) this.status = 'Cancelled. Results shown before are kept.';
      else {
        this.error = error instanceof Error ? error.message : String(error);
        this.status = 'The options could not be run.';
      }
    } finally {
      this.running = false;
      this.controller = undefined;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
