import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../files/builtInScenarios.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { resultCharts, type ChartSpec } from '../results/charts.ts';
import { compareRuns, type ComparedMetric } from '../results/compare.ts';
import { headlines, type Headline } from '../results/headlines.ts';
import type { Runner } from '../runner/runner.ts';
import { Baseline } from './baseline.svelte.ts';
import { Presentation } from './presentation.svelte.ts';
import { RunController } from './runController.svelte.ts';
import { parseReplications, seedProblem } from './runSettings.ts';
import { ScenarioDraft } from './scenarioDraft.svelte.ts';

export const TABS = ['establishment', 'demand', 'results', 'compare', 'decisions'] as const;
export type Tab = (typeof TABS)[number];

/** The app as a whole: what is being edited, what was run, what is compared and shown. */
export class AppModel {
  readonly draft = new ScenarioDraft(loadBuiltIn(BUILT_IN_SCENARIOS[0]!.id));
  readonly runs: RunController = new RunController(() => this.createRunner());
  readonly baseline = new Baseline();
  readonly presentation = new Presentation();
  tab = $state<Tab>('establishment');
  builtInId = $state<string>(BUILT_IN_SCENARIOS[0]!.id);
  seed = $state('');
  replicationsText = $state('');
  /** Where the scenario came from and any notes from reading it. */
  notice = $state<{ text: string; warnings: string[] } | undefined>();

  readonly replications = $derived(parseReplications(this.replicationsText));
  readonly seedMessage = $derived(seedProblem(this.seed));

  /** Why Run is disabled, or undefined when it is enabled. */
  readonly runBlockedBy: string | undefined = $derived.by(() => {
    if (this.draft.problems.length > 0) {
      const n = this.draft.problems.length;
      return `The scenario has ${n} ${n === 1 ? 'problem' : 'problems'} to fix first: ${this.draft.problems[0]!.path}: ${this.draft.problems[0]!.message}`;
    }
    if (!this.replications.ok) return this.replications.message;
    if (this.seedMessage) return this.seedMessage;
    return undefined;
  });

  readonly outOfDate = $derived(this.runs.isOutOfDate(this.draft.revision));

  readonly headlines: Headline[] = $derived(
    this.runs.summary && this.runs.shown
      ? headlines(this.runs.summary, this.runs.shown.scenario)
      : [],
  );

  readonly charts: ChartSpec[] = $derived(
    this.runs.summary && this.runs.aggregate && this.runs.shown
      ? resultCharts(this.runs.summary, this.runs.aggregate, this.runs.shown.scenario)
      : [],
  );

  readonly sameSeedAsBaseline = $derived(
    this.baseline.kept !== undefined && this.runs.shown?.seed === this.baseline.kept.run.seed,
  );

  readonly comparisons: ComparedMetric[] = $derived.by(() => {
    const kept = this.baseline.kept;
    const aggregate = this.runs.aggregate;
    if (!kept || !aggregate || !this.runs.summary) return [];
    return compareRuns(kept.aggregate, aggregate, this.headlines, this.sameSeedAsBaseline);
  });

  constructor(private readonly createRunner: () => Runner) {
    this.takeRunSettings(this.draft.input);
  }

  private takeRunSettings(scenario: Scenario | ScenarioInput): void {
    this.seed = scenario.seed ?? 'shortfall';
    this.replicationsText = String(scenario.replications ?? 2000);
  }

  chooseBuiltIn(id: string): void {
    const entry = BUILT_IN_SCENARIOS.find((s) => s.id === id);
    if (!entry) return;
    this.builtInId = id;
    const scenario = loadBuiltIn(id);
    this.draft.load(scenario);
    this.takeRunSettings(scenario);
    this.notice = { text: `Loaded the built-in scenario “${entry.title}”.`, warnings: [] };
  }

  /** A scenario opened from a file or a link. */
  open(scenario: Scenario, origin: string, warnings: string[]): void {
    this.draft.load(scenario);
    this.takeRunSettings(scenario);
    this.builtInId = '';
    this.notice = { text: `Opened ${origin}.`, warnings };
  }

  run(): void {
    const scenario = this.draft.scenario;
    if (!scenario || this.runBlockedBy || !this.replications.ok) return;
    void this.runs.run(
      scenario,
      { seed: this.seed, replications: this.replications.value },
      this.draft.revision,
    );
  }

  keepBaseline(): void {
    const { shown, summary, aggregate } = this.runs;
    if (shown && summary && aggregate) this.baseline.keep(shown, summary, aggregate);
  }
}
