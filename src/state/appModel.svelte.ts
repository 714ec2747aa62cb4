import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../files/builtInScenarios.ts';
import { diffScenarios } from '../files/diff.ts';
import { downloadText } from '../files/download.ts';
import { DraftStore, memoryStorage, RECOVERY_NOTE, type StorageLike } from '../files/drafts.ts';
import { scenarioFileName } from '../files/fileName.ts';
import { serializeScenario } from '../files/serialize.ts';
import { decodeShareFragment, hasShareFragment } from '../files/shareLink.ts';
import { migrate } from '../scenario/migrate.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { resultChartBuilders, type ChartSpec } from '../results/charts.ts';
import { compareRuns, type ComparedMetric } from '../results/compare.ts';
import { headlines, type Headline } from '../results/headlines.ts';
import { evaluateWith, type Evaluate } from '../decision/evaluate.ts';
import { createBrowserRunner } from '../runner/browserRunner.ts';
import type { Runner } from '../runner/runner.ts';
import { Baseline } from './baseline.svelte.ts';
import { LiveRerun, type LiveRequest } from './liveRerun.svelte.ts';
import { Presentation } from './presentation.svelte.ts';
import { OptionsState } from './optionsState.svelte.ts';
import { RunController, type ShownRun } from './runController.svelte.ts';
import { RunQueue } from './runQueue.ts';
import { problemInWords, problemsInWords } from './problemWords.ts';
import { parseReplications, seedProblem } from './runSettings.ts';
import type { RestoredDraft } from './restoredDraft.ts';
import { LastSaved } from './lastSaved.ts';
import { ScenarioDraft } from './scenarioDraft.svelte.ts';
import { TEMPLATES } from './templates.ts';
import { restoredText, UnsavedWork } from './unsavedWork.svelte.ts';

export const TABS = [
  'scenario',
  'establishment',
  'demand',
  'assumptions',
  'evidence',
  'results',
  'compare',
  'decisions',
  'present',
] as const;
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
  /** Reruns the results after each edit, once there are results to follow it. */
  readonly live = new LiveRerun(this.runs, () => this.liveRequest());
  /** Runs a scenario for the decision tools, on the same workers as the results. */
  readonly evaluate: Evaluate = evaluateWith(this.pool);
  readonly baseline = new Baseline();
  readonly presentation = new Presentation();
  /** Asks before unsaved changes are replaced and keeps them in browser storage meanwhile. */
  readonly work: UnsavedWork = new UnsavedWork(this);
  /** The scenario's options: made from edits, run side by side with the baseline. */
  readonly options: OptionsState = new OptionsState(this);
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
  /** Seed and replications as last saved or loaded whole: the file holds them too. */
  private savedRunSettings = $state.raw<readonly [string, string]>(['', '']);
  readonly unsaved = $derived(
    this.draft.revision !== this.savedRevision ||
      this.seed !== this.savedRunSettings[0] ||
      this.replicationsText !== this.savedRunSettings[1],
  );

  readonly replications = $derived(parseReplications(this.replicationsText));
  readonly seedMessage = $derived(seedProblem(this.seed));
  /**
   * The scenario as saved and shared: with the seed and replications of the run settings, so
   * whoever opens the file or the link gets the same numbers.
   */
  readonly fileScenario: ScenarioInput = $derived({
    ...this.draft.input,
    seed: this.seedMessage ? this.draft.input.seed : this.seed,
    replications: this.replications.ok ? this.replications.value : this.draft.input.replications,
  });
  /** The scenario as last saved or loaded whole, for "what changed". */
  private savedScenario = $state.raw<Scenario | undefined>(this.draft.scenario);
  /** The scenario last saved or opened in this tab, shown again after a reload. */
  private lastSaved = new LastSaved();

  /** Why Run is disabled, or undefined when it is enabled. */
  readonly runBlockedBy: string | undefined = $derived.by(() => {
    if (this.draft.problems.length > 0) {
      const n = this.draft.problems.length;
      const first = this.draft.problems[0]!;
      return `The scenario has ${n} ${n === 1 ? 'problem' : 'problems'} to fix first: ${problemInWords(first, this.draft.input)}`;
    }
    if (!this.replications.ok) return this.replications.message;
    if (this.seedMessage) return this.seedMessage;
    return undefined;
  });

  /**
   * The results shown when Run was pressed, while the new run's first results are awaited; null
   * when nothing is awaited. Choosing a tab meanwhile gives up the wait.
   */
  private resultsAwaited = $state.raw<{ before: ShownRun | undefined } | null>(null);
  /**
   * True once the run started by Run has results on screen and they have not yet been brought
   * into focus: the results view then focuses the first headline and calls `resultsFocused`.
   */
  readonly focusResults = $derived(
    this.resultsAwaited !== null &&
      this.tab === 'results' &&
      this.runs.shown !== undefined &&
      this.runs.shown !== this.resultsAwaited.before,
  );

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
    this.savedRunSettings = [this.seed, this.replicationsText];
  }

  /** Loads a built-in scenario once unsaved changes may be replaced; false when they stay. */
  async chooseBuiltIn(id: string): Promise<boolean> {
    const entry = BUILT_IN_SCENARIOS.find((s) => s.id === id);
    if (!entry) return false;
    if (!(await this.work.mayReplace(`the built-in scenario “${entry.title}”`))) return false;
    this.builtInId = id;
    const scenario = loadBuiltIn(id);
    this.draft.load(scenario);
    this.takeRunSettings(scenario);
    this.markSaved(entry.title);
    this.lastSaved.forget();
    this.notice = { text: `Loaded the built-in scenario “${entry.title}”.`, warnings: [] };
    return true;
  }

  /** Starts a new scenario from a template, once unsaved changes may be replaced. */
  async newScenario(templateId: string): Promise<boolean> {
    const template = TEMPLATES.find((t) => t.id === templateId);
    if (!template) return false;
    if (!(await this.work.mayReplace(`a new scenario (${template.title})`))) return false;
    const scenario = template.make();
    this.draft.load(scenario);
    this.takeRunSettings(scenario);
    this.builtInId = '';
    this.markSaved('a new scenario');
    this.lastSaved.forget();
    this.notice = { text: `Started a new scenario: ${template.title}.`, warnings: [] };
    this.tab = 'scenario';
    return true;
  }

  /** A scenario opened from a file or a link, once unsaved changes may be replaced. */
  async open(scenario: Scenario, origin: string, warnings: string[]): Promise<boolean> {
    if (!(await this.work.mayReplace(origin))) return false;
    this.draft.loadValid(scenario);
    this.takeRunSettings(scenario);
    this.builtInId = '';
    this.markSaved(origin);
    this.notice = { text: `Opened ${origin}.`, warnings };
    return true;
  }

  /** The scenario now matches a file (or a built-in one): nothing is left to recover. */
  markSaved(origin = this.origin): void {
    this.origin = origin;
    this.savedRevision = this.draft.revision;
    this.savedRunSettings = [this.seed, this.replicationsText];
    this.savedScenario = this.draft.scenario;
    this.work.saved();
    this.lastSaved.keep(this.fileScenario, origin);
    this.options.rebase();
  }

  /**
   * What changed since the scenario was last saved or loaded, one line per change in the
   * planner's words; empty while the scenario has problems. Worked out when asked, as a large
   * scenario takes a while to compare.
   */
  changesSinceSaved(): string[] {
    const now = this.draft.scenario;
    return this.savedScenario && now ? diffScenarios(this.savedScenario, now) : [];
  }

  /** Saves the scenario being edited to a file (the browser's download). */
  saveFile(): void {
    const input = this.fileScenario;
    downloadText(serializeScenario(input), scenarioFileName(input.name ?? ''));
    this.markSaved();
  }

  /**
   * Connects the app to the browser: opens a scenario carried in the link, otherwise restores a
   * draft this tab left unsaved; then keeps each edit in storage (debounced) and warns before
   * the page is closed with unsaved changes. `session` holds the tab's id, so each tab keeps
   * its own draft. Returns the disconnect.
   */
  connect(
    win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'history'> & {
      location: Pick<Location, 'hash' | 'pathname' | 'search'>;
    },
    storage: StorageLike,
    debounceMs = 300,
    session: StorageLike = memoryStorage(),
  ): () => void {
    // The workers start once the scenario the planner will run is known, and warm up on it.
    let connected = true;
    const warm = () => {
      if (connected) this.runs.warm(this.draft.scenario);
    };
    const hash = win.location.hash;
    this.lastSaved.attach(session);
    const restored = this.work.attach(new DraftStore(storage, session), {
      startsOnLink: hasShareFragment(hash),
    });
    if (hasShareFragment(hash)) {
      // A link that cannot be read is reported in the notice; the page goes on either way.
      this.opened = this.openShareLink(hash, win)
        .catch(() => {})
        .then(warm);
    } else {
      if (restored) this.restore(restored);
      else this.reopenLastSaved();
      warm();
      this.opened = Promise.resolve();
    }

    const stopSaving = this.work.keep(debounceMs);
    const stopFollowing = this.live.follow(() => [
      this.draft.revision,
      this.seed,
      this.replicationsText,
    ]);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.unsaved) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    win.addEventListener('beforeunload', beforeUnload);
    return () => {
      connected = false;
      stopSaving();
      stopFollowing();
      win.removeEventListener('beforeunload', beforeUnload);
    };
  }

  /** After a reload, shows the scenario this tab last saved or opened, not a built-in one. */
  private reopenLastSaved(): void {
    const last = this.lastSaved.read();
    if (!last) return;
    this.draft.loadValid(last.scenario);
    this.takeRunSettings(last.scenario);
    this.builtInId = '';
    this.origin = last.origin;
    this.savedRevision = this.draft.revision;
    this.notice = { text: `Showing “${last.scenario.name}” as last saved.`, warnings: [] };
  }

  /** Shows a draft recovered from browser storage; it stays unsaved until saved to a file. */
  restore(draft: RestoredDraft): void {
    // A draft kept with a value half typed shows that problem at its field, as before; one kept
    // by an older version is brought up to this one, so the editor shows the fields it now has.
    const kept: unknown = draft.scenario;
    const migrated =
      kept !== null && typeof kept === 'object' && !Array.isArray(kept)
        ? migrate(kept as Record<string, unknown>)
        : undefined;
    this.draft.load(migrated?.ok ? (migrated.file as ScenarioInput) : draft.scenario);
    this.takeRunSettings(draft.scenario);
    this.builtInId = '';
    this.origin = draft.origin;
    this.notice = { text: restoredText(draft), warnings: [RECOVERY_NOTE] };
    this.options.rebase();
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
      await this.open(result.value, 'a share link', []);
      this.notice = {
        text: 'Opened from a share link. Save the scenario to keep a copy.',
        warnings: [],
      };
    } else {
      this.notice = {
        text: 'The share link could not be opened; the built-in scenario is shown instead.',
        warnings: problemsInWords(result.problems, result.file),
      };
    }
  }

  /** Shows a tab chosen by the planner, who then no longer waits to be taken to the results. */
  selectTab(tab: Tab): void {
    this.tab = tab;
    this.resultsAwaited = null;
  }

  /** The results the run was started for are on screen and in focus: the wait is over. */
  resultsFocused(): void {
    this.resultsAwaited = null;
  }

  /**
   * Runs the scenario and shows the Results tab, from whichever tab Run was pressed on: Run is
   * the main run, and its results are what the planner pressed it to see. A run under way
   * finishes or is cancelled first.
   */
  run(): void {
    const scenario = this.draft.scenario;
    if (!scenario || this.runBlockedBy || !this.replications.ok || this.runs.running) return;
    this.live.stopWaiting();
    this.tab = 'results';
    this.resultsAwaited = { before: this.runs.shown };
    void this.runs.run(
      scenario,
      { seed: this.seed, replications: this.replications.value },
      this.draft.revision,
    );
  }

  /** What an update after an edit would run now, or why it cannot. */
  private liveRequest(): LiveRequest {
    const scenario = this.draft.scenario;
    if (!scenario || this.runBlockedBy || !this.replications.ok)
      return { blocked: this.runBlockedBy ?? 'The scenario has a problem to fix first.' };
    return {
      scenario,
      settings: { seed: this.seed, replications: this.replications.value },
      revision: this.draft.revision,
    };
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
