import { inThreadEvaluate, type Evaluate } from '../decision/evaluate.ts';
import { fmsTable, type FmsTable } from '../decision/fmsTable.ts';
import { defaultRange, goalSeek, type GoalSeekResult } from '../decision/goalSeek.ts';
import { LEVER_FIELDS, leverLabel, type Lever } from '../decision/levers.ts';
import { pipelineLevers, type PipelineOutcome } from '../decision/pipelineLevers.ts';
import { rankImportanceSteps, type RankImportance } from '../decision/rankImportance.ts';
import { staffValue, type StaffValue } from '../decision/staffValue.ts';
import { tornado, type Tornado, type TornadoSwing } from '../decision/tornado.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { METRIC_LABELS } from '../results/metricInfo.ts';
import { RunCancelled } from '../runner/runner.ts';
import { START_MONTH_PATTERN } from '../scenario/financialYear.ts';
import type { Scenario } from '../scenario/schema.ts';
import { inSlices, untilAborted } from './inSlices.ts';
import { version } from '../../package.json';

type Task = 'tornado' | 'rank' | 'goal' | 'staff' | 'pipeline' | 'fms';

/** The Decisions tab: settings the planner edits and the results of each tool, replaced whole. */
export class DecisionState {
  metric = $state<TotalMetric>('unexaminedSuspects');
  replications = $state(500);
  /** The most replications a run of the tornado or goal seek may take: each stops once settled. */
  most = $state(1600);
  /** How the tornado moves its inputs, as the planner chose; null for the default (`swing`). */
  swingChoice = $state<TornadoSwing | null>(null);
  lever = $state<Lever>({ field: 'inPost', unit: '', role: '' });
  below = $state(1000);
  confidence = $state(0.9);
  /** The goal seek's range; null searches the lever's default range. */
  from = $state<number | null>(null);
  to = $state<number | null>(null);
  busy = $state<Task | null>(null);
  /** Runs the task under way has finished. */
  runsDone = $state(0);
  error = $state<string | null>(null);
  /** How the last task ended when it did not simply finish (cancelled). */
  notice = $state<string | null>(null);
  private controller: AbortController | undefined;

  tornado = $state.raw<Tornado | null>(null);
  rank = $state.raw<RankImportance | null>(null);
  goal = $state.raw<GoalSeekResult | null>(null);
  staff = $state.raw<StaffValue[] | null>(null);
  pipeline = $state.raw<PipelineOutcome[] | null>(null);
  fms = $state.raw<FmsTable | null>(null);
  /**
   * The calendar month the horizon starts (`2026-10`), for the FMS table by financial year;
   * empty for years of the horizon. Starts as the scenario's own startMonth.
   */
  fmsStartMonth = $state('');

  readonly leverFields = LEVER_FIELDS;
  /** The results a tool can be asked about, for the metric picker. */
  readonly metrics = TOTAL_METRICS;

  constructor(
    private readonly input: () => { scenario: Scenario; seed: string; evaluate?: Evaluate },
  ) {
    this.fmsStartMonth = input().scenario.startMonth ?? '';
    const first = input().scenario.units[0];
    this.lever = { field: 'inPost', unit: first?.id ?? '', role: first?.staff[0]?.role ?? '' };
  }

  get scenario(): Scenario {
    return this.input().scenario;
  }

  private roleName(id: string): string {
    return this.scenario.roles.find((r) => r.id === id)?.name ?? id;
  }

  /**
   * Units with staff, for the lever's first picker. Unit and role are picked apart, so a
   * scenario of a hundred units of twenty roles lists 120 choices, not 2,000.
   */
  get leverUnits(): { id: string; name: string }[] {
    return this.scenario.units
      .filter((u) => u.staff.length > 0)
      .map(({ id, name }) => ({ id, name }));
  }

  /** The roles with a staff group in the lever's unit, for its second picker. */
  get leverRoles(): { id: string; name: string }[] {
    const unit = this.scenario.units.find((u) => u.id === this.lever.unit);
    return (unit?.staff ?? []).map((g) => ({ id: g.role, name: this.roleName(g.role) }));
  }

  /** Moves the lever to another unit, keeping its role where the unit has staff in it. */
  chooseLeverUnit(unitId: string): void {
    const staff = this.scenario.units.find((u) => u.id === unitId)?.staff ?? [];
    const role = staff.some((g) => g.role === this.lever.role)
      ? this.lever.role
      : (staff[0]?.role ?? '');
    this.chooseLever({ ...this.lever, unit: unitId, role });
  }

  /** Whether the scenario gives any assumption a range, for the tornado to move across. */
  get hasRanges(): boolean {
    return (this.scenario.uncertain?.length ?? 0) > 0;
  }

  /**
   * How the tornado moves its inputs: as chosen, or across the ranges when the scenario gives
   * any and ±20% when not; never ranges the scenario (since edited) no longer gives.
   */
  get swing(): TornadoSwing {
    if (!this.hasRanges) return 'relative';
    return this.swingChoice ?? 'ranges';
  }

  set swing(value: TornadoSwing) {
    this.swingChoice = value;
  }

  get metricLabel(): string {
    return METRIC_LABELS[this.metric];
  }

  /** The lever in words, e.g. "In post, Metropolitan Police: Financial investigator". */
  get leverLabel(): string {
    const unit = this.scenario.units.find((u) => u.id === this.lever.unit);
    return `${leverLabel(this.lever.field)}, ${unit?.name ?? this.lever.unit}: ${this.roleName(this.lever.role)}`;
  }

  /** The range searched when none is given, for the range fields' placeholders. */
  get defaultRange(): [number, number] {
    try {
      return defaultRange(this.scenario, this.lever);
    } catch {
      return [0, 0];
    }
  }

  /** Moves the goal seek to another lever; a range typed for the old one no longer applies. */
  chooseLever(lever: Lever): void {
    this.lever = lever;
    this.from = null;
    this.to = null;
  }

  private async task(
    name: Task,
    work: (
      s: Scenario,
      seed: string,
      evaluate: Evaluate,
      /** Work done in slices after the runs: stops with a RunCancelled once cancelled. */
      slices: <T>(steps: Iterator<unknown, T>) => Promise<T>,
    ) => Promise<void>,
  ) {
    if (this.busy) return;
    const { scenario, seed, evaluate = inThreadEvaluate() } = this.input();
    const controller = new AbortController();
    this.controller = controller;
    this.busy = name;
    this.runsDone = 0;
    this.error = null;
    this.notice = null;
    // Every run of the task can be cancelled, and counts towards its progress.
    const counted: Evaluate = async (s, runSeed, replications, _signal, start) => {
      const aggregate = await evaluate(s, runSeed, replications, controller.signal, start);
      this.runsDone++;
      return aggregate;
    };
    try {
      const slices = <T>(steps: Iterator<unknown, T>) =>
        inSlices(untilAborted(steps, controller.signal, () => new RunCancelled()));
      await work(scenario, seed, counted, slices);
    } catch (e) {
      if (e instanceof RunCancelled) this.notice = 'Cancelled. Results shown before are kept.';
      else this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = null;
      this.controller = undefined;
    }
  }

  /** Stops the task under way; what it had shown before it began stays. */
  cancel = (): void => {
    this.controller?.abort();
  };

  runTornado = () =>
    this.task('tornado', async (s, seed, evaluate) => {
      this.tornado = await tornado(
        s,
        { metric: this.metric, seed, replications: this.most, swing: this.swing },
        evaluate,
      );
    });

  runRank = () =>
    this.task('rank', async (s, seed, evaluate, slices) => {
      const aggregate = await evaluate(s, seed, this.replications);
      // Ranking a long run's replications is long work: in slices, not one task.
      this.rank = await slices(rankImportanceSteps(aggregate, this.metric, s));
    });

  runGoal = () =>
    this.task('goal', async (s, seed, evaluate) => {
      this.goal = await goalSeek(
        s,
        {
          lever: { ...this.lever },
          metric: this.metric,
          below: this.below,
          confidence: this.confidence,
          ...(typeof this.from === 'number' ? { min: this.from } : {}),
          ...(typeof this.to === 'number' ? { max: this.to } : {}),
          seed,
          replications: this.most,
          curvePoints: 3,
        },
        evaluate,
      );
    });

  runStaff = () =>
    this.task('staff', async (s, seed, evaluate) => {
      this.staff = await staffValue(s, { seed, replications: this.replications }, evaluate);
    });

  runPipeline = () =>
    this.task('pipeline', async (s, seed, evaluate) => {
      this.pipeline = await pipelineLevers(s, { seed, replications: this.replications }, evaluate);
    });

  /** Why the FMS start month cannot be used, or undefined when it can (or is empty). */
  get fmsStartMonthProblem(): string | undefined {
    const text = this.fmsStartMonth.trim();
    if (text === '' || START_MONTH_PATTERN.test(text)) return undefined;
    return `Write the year and month as 2026-04 (April 2026), not “${text}”; leave it empty for years of the horizon.`;
  }

  runFms = (): Promise<void> => {
    if (this.fmsStartMonthProblem) return Promise.resolve();
    const startMonth = this.fmsStartMonth.trim() || undefined;
    return this.task('fms', async (scenario, seed, evaluate, slices) => {
      const s = { ...scenario, startMonth };
      const aggregate = await evaluate(s, seed, this.replications);
      // Every monthly cell's percentiles: in slices, as live results are, not in one long task.
      await slices(aggregate.refresh());
      this.fms = fmsTable(s, aggregate.latestSummary(), seed, version);
    });
  };
}
