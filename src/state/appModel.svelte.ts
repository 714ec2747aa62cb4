import { Autosave, RECOVERY_NOTE, type StorageLike } from '../files/autosave.ts';
import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../files/builtInScenarios.ts';
import { decodeShareFragment, describeLinkProblems, hasShareFragment } from '../files/shareLink.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { resultChartBuilders, type ChartSpec } from '../results/charts.ts';
import { compareRuns, type ComparedMetric } from '../results/compare.ts';
import { headlines, type Headline } from '../results/headlines.ts';
import { evaluateWith, type Evaluate } from '../decision/evaluate.ts';
import { createBrowserRunner } from '../runner/browserRunner.ts';
import type { Runner } from '../runner/runner.ts';
import { Baseline } from './baseline.svelte.ts';
import { Presentation } from './presentation.svelte.ts';
import { RunController } from './runController.svelte.ts';
import { RunQueue } from './runQueue.ts';
import { parseReplications, seedProblem } from './runSettings.ts';
import { ScenarioDraft } from './scenarioDraft.svelte.ts';

export const TABS = ['establishment', 'demand', 'results', 'compare', 'decisions'] as const;
export type Tab = (typeof TABS)[number];

/** The app as a whole: what is being edited, what was run, what is compared and shown. */
export class AppModel {
  readonly draft = new ScenarioDraft(loadBuiltIn(BUILT_IN_SCENARIOS[0]!.id));
  /**
   * The page's one worker pool, for results and decision tools alike: a second pool would double
   * the workers competing for the same cores. Its runs take turns.
   */
  private readonly pool = new RunQueue(() => this.createRunner());
  readonly runs = new RunController(this.pool);
  /** Runs a scenario for the decision tools, on the same workers as the results. */
  readonly evaluate: Evaluate = evaluateWith(this.pool);
  readonly baseline = new Baseline();
  readonly presentation = new Presentation();
  tab = $state<Tab>('establishment');
  builtInId = $state<string>(BUILT_IN_SCENARIOS[0]!.id);
  seed = $state('');
  replicationsText = $state('');
  /** Where the scenario came from and any notes from reading it. */
  notice = $state<{ text: string; warnings: string[] } | undefined>();

  /** Where the scenario being edited began: a file name, a built-in scenario or a share link. */
  origin = $state(BUILT_IN_SCENARIOS[0]!.title);
  /**
   * Settles once `connect` has opened the scenario the page starts with: one carried in the
   * link (read asynchronously), a draft restored from storage, or the built-in one.
   */
  opened: Promise<void> = Promise.resolve();
  /** The draft revision last saved to a file or loaded whole; edits after it are unsaved. */
  private savedRevision = $state(this.draft.revision);
  readonly unsaved = $derived(this.draft.revision !== this.savedRevision);

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

  /** Each results chart as a function that prepares it, so charts can be built one at a time. */
  readonly chartBuilders: (() => ChartSpec)[] = $derived(
    this.runs.summary && this.runs.aggregate && this.runs.shown
      ? resultChartBuilders(this.runs.summary, this.runs.aggregate, this.runs.shown.scenario)
      : [],
  );

  readonly charts: ChartSpec[] = $derived(this.chartBuilders.map((build) => build()));

  readonly sameSeedAsBaseline = $derived(
    this.baseline.kept !== undefined && this.runs.shown?.seed === this.baseline.kept.run.seed,
  );

  readonly comparisons: ComparedMetric[] = $derived.by(() => {
    const kept = this.baseline.kept;
    const aggregate = this.runs.aggregate;
    if (!kept || !aggregate || !this.runs.summary) return [];
    return compareRuns(kept.aggregate, aggregate, this.headlines, this.sameSeedAsBaseline);
  });

  /** `createRunner` makes the pool when it is first needed; by default, of Web Workers. */
  constructor(private readonly createRunner: () => Runner = () => createBrowserRunner()) {
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
    this.markSaved(entry.title);
    this.notice = { text: `Loaded the built-in scenario “${entry.title}”.`, warnings: [] };
  }

  /** A scenario opened from a file or a link. */
  open(scenario: Scenario, origin: string, warnings: string[]): void {
    this.draft.load(scenario);
    this.takeRunSettings(scenario);
    this.builtInId = '';
    this.markSaved(origin);
    this.notice = { text: `Opened ${origin}.`, warnings };
  }

  /** The scenario now matches a file (or a built-in one): nothing is left to recover. */
  markSaved(origin = this.origin): void {
    this.origin = origin;
    this.savedRevision = this.draft.revision;
    this.recovery?.clear();
  }

  private recovery: Autosave | undefined;

  /**
   * Connects the app to the browser: opens a scenario carried in the link, otherwise restores a
   * draft left unsaved; then keeps each edit in storage (debounced) and warns before the page
   * is closed with unsaved changes. Returns the disconnect.
   */
  connect(
    win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'history'> & {
      location: Pick<Location, 'hash' | 'pathname' | 'search'>;
    },
    storage: StorageLike,
    debounceMs = 300,
  ): () => void {
    this.recovery = new Autosave(storage);
    // The workers start once the scenario the planner will run is known, and warm up on it.
    let connected = true;
    const warm = () => {
      if (connected) this.runs.warm(this.draft.scenario);
    };
    const hash = win.location.hash;
    if (hasShareFragment(hash)) {
      // A link that cannot be read is reported in the notice; the page goes on either way.
      this.opened = this.openShareLink(hash, win)
        .catch(() => {})
        .then(warm);
    } else {
      this.restoreDraft();
      warm();
      this.opened = Promise.resolve();
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopSaving = $effect.root(() => {
      $effect(() => {
        const input = this.draft.input;
        const origin = this.origin;
        // A save still waiting when the scenario is saved to a file must not write it back.
        clearTimeout(timer);
        if (!this.unsaved) return;
        timer = setTimeout(() => this.recovery?.save(input, origin), debounceMs);
      });
    });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.unsaved) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    win.addEventListener('beforeunload', beforeUnload);
    return () => {
      connected = false;
      clearTimeout(timer);
      stopSaving();
      win.removeEventListener('beforeunload', beforeUnload);
    };
  }

  private restoreDraft(): void {
    const draft = this.recovery?.restore();
    if (!draft) return;
    // The stored copy is what was typed, valid or not; the draft shows its problems as usual.
    this.draft.load(draft.scenario);
    this.takeRunSettings(draft.scenario);
    this.builtInId = '';
    this.origin = draft.origin;
    const at = draft.savedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    this.notice = {
      text: `Restored unsaved changes to “${draft.scenario.name ?? 'the scenario'}” from ${at} (begun from ${draft.origin}).`,
      warnings: [RECOVERY_NOTE],
    };
  }

  private async openShareLink(
    hash: string,
    win: {
      history: Pick<History, 'replaceState'>;
      location: Pick<Location, 'pathname' | 'search'>;
    },
  ): Promise<void> {
    const result = await decodeShareFragment(hash);
    // The fragment has been read; dropping it keeps a reload from overwriting later edits.
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
    if (result.ok) {
      this.open(result.value, 'a share link', []);
      this.notice = {
        text: 'Opened from a share link. Save the scenario to keep a copy.',
        warnings: [],
      };
    } else {
      this.notice = {
        text: 'The share link could not be opened; the built-in scenario is shown instead.',
        warnings: describeLinkProblems(result.problems),
      };
    }
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

  /** Stops any run and ends the pool's workers. */
  dispose(): void {
    this.runs.cancel();
    this.pool.dispose();
  }

  keepBaseline(): void {
    const { shown, summary, aggregate } = this.runs;
    if (shown && summary && aggregate) this.baseline.keep(shown, summary, aggregate);
  }
}
