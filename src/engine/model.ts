import type { Scenario } from '../scenario/schema.ts';
import { yearSpans } from '../scenario/financialYear.ts';
import type { UncertainValue } from '../scenario/uncertain.ts';
import { makeLayout, type Layout } from './metrics.ts';
import { copulaR, fromNormal, type HoursValueCopula } from './hoursValue.ts';
import {
  amountSampler,
  constantDraw,
  countSampler,
  drawPlan,
  skipDraw,
  type Sampler,
  type Skip,
} from './random/sampler.ts';
import { triageScale } from './triageScale.ts';

/**
 * A scenario compiled once per run into the flat form the month loop reads: indices instead of
 * ids, monthly rates instead of yearly ones, samplers instead of distribution specs.
 */
export interface Model {
  layout: Layout;
  horizonMonths: number;
  roles: CompiledRole[];
  groups: CompiledGroup[];
  /** One work queue per (pool, role). */
  queueCount: number;
  queueRole: Int32Array;
  streams: CompiledStream[];
  /** True for value triage, false for first-in first-out. */
  triageByValue: boolean;
  /**
   * A suspect's priority score is valueWeight · log10(1 + assets) + valueShift + noiseWeight · ε,
   * with ε standard normal: the standardised log value weighted by triageAccuracy ρ plus noise
   * weighted by √(1 − ρ²), so the score's correlation with the log value is ρ.
   */
  valueWeight: number;
  valueShift: number;
  /** [valueWeight, valueShift, noiseWeight], for loops to read as numbers. */
  triageWeights: Float64Array;
  /** Mean and sd of log10(1 + assets) across expected suspects (see triageScale.ts). */
  triageScale: { mean: number; sd: number };
  noiseWeight: number;
  funnel: CompiledFunnel;
  forceShare: number;
  /** Assumptions drawn once per replication; empty when the scenario gives none. */
  uncertain: UncertainValue[];
  /** The scenario compiled, kept to compile each replication's draws of `uncertain`. */
  scenario: Scenario;
}

/** The recovery funnel (docs/model.md, "Money"), applied to each suspect holding assets. */
export interface CompiledFunnel {
  orderProbability: number;
  /** Order value as a share of the assets; a draw above 1 counts as 1. */
  orderShare: Sampler;
  /** Whole months from examination to receipt. */
  monthsToReceipt: Sampler;
  /**
   * Set when neither orderShare nor monthsToReceipt takes a uniform: their constant draws (the
   * months rounded, as countSampler does), so the funnel need not call them.
   */
  constantDraws: { orderShare: number; monthsToReceipt: number } | null;
  /** orderProbability and, when constantDraws is set, its share and months, as numbers. */
  numbers: Float64Array;
  /** Largest order value of each collection band, the last Infinity. */
  bandUpTo: Float64Array;
  /** Share of an order's value collected, by band. */
  bandCollected: Float64Array;
}

export interface CompiledRole {
  id: string;
  hoursPerMonth: number;
  traineeProductivity: number;
  trainingMonths: number;
  /** Training seats a year, a whole number; Infinity when unlimited. */
  seatsPerYear: number;
  /** Share of trainees who qualify at the end of training; 1 when the file sets none. */
  accreditationRate: number;
}

export interface CompiledGroup {
  /** Names this group's random stream: `staff:<unit>:<role>`. */
  part: string;
  role: number;
  queue: number;
  establishment: number;
  inPost: number;
  inTraining: number;
  /** Recruitments under way at month 0. */
  inRecruitment: number;
  /** Names the random stream of its accreditation draws: `accredit:<unit>:<role>`. */
  accreditPart: string;
  /** 1 − (1 − attritionPerYear)^(1/12). */
  leaveProbabilityPerMonth: number;
  /** Share of hours left for casework: 1 − abstraction. */
  available: number;
  hires: boolean;
  monthsToHire: number;
  maxHiresPerMonth: number;
}

export interface CompiledStream {
  /** Names this stream's random stream: `demand:<unit>:<stream>`. */
  part: string;
  /** Its place in Model.streams. */
  index: number;
  /** Names the random stream of its suspects' funnel draws: `funnel:<unit>:<stream>`. */
  funnelPart: string;
  /** Columns in the totals of its unit's and its own first breakdown metric; -1 when aliased. */
  unitColumn: number;
  streamColumn: number;
  queue: number;
  suspects: boolean;
  cases: Sampler;
  items: Sampler;
  hours: Sampler;
  assetProbability: number;
  assetValue: Sampler;
  /** Takes a suspect's asset value from the stream without computing it, when none is held. */
  skipAssetValue: Skip;
  /**
   * How demand.ts draws items per case, hours and asset value with the generator's state in
   * local variables: drawPlan's [kind, a, b] of each, in that order; then assetProbability, for
   * the loop to read as a number.
   */
  drawPlan: Float64Array;
  windowMonths: number;
  /** Growth factor per month: (1 + growthPerYear)^(1/12). */
  growthPerMonth: number;
  /** growthPerMonth^t for each month t of the horizon, computed once rather than every month. */
  growthByMonth: Float64Array;
  /** Most items of one case that join the queue; Infinity when the file sets no limit. */
  maxPerCase: number;
  /** Cases not referred while the queue is behind; null when none can be (absent or share 0). */
  suppression: CompiledSuppression | null;
  /** Hours and asset value drawn together; null when they are independent (absent or 0). */
  hoursValue: HoursValueCopula | null;
}

export interface CompiledSuppression {
  /** Names its random stream: `suppress:<unit>:<stream>`. */
  part: string;
  backlogMonths: number;
  share: number;
}

/** Where each metric sits in a replication's results: all a run's aggregate needs to know. */
export function modelLayout(scenario: Scenario): Layout {
  return makeLayout(
    scenario.horizonMonths,
    scenario.roles.map((r) => r.id),
    scenario.units.map((u) => ({ id: u.id, streams: u.demand.map((s) => s.id) })),
    yearSpans(scenario.horizonMonths, scenario.startMonth)[0]?.months ?? 12,
    (scenario.uncertain ?? []).map((u) => u.path),
  );
}

/**
 * `central`: for one replication's draws of uncertain assumptions, the model of the scenario
 * at its central values, whose layout and triage scale it keeps: triage is calibrated on what a
 * force expects, not on each future's unknown values.
 */
export function compileModel(scenario: Scenario, central?: Model): Model {
  const roleIndex = new Map(scenario.roles.map((r, i) => [r.id, i]));
  const queues = new Map<string, number>();
  const queueRole: number[] = [];
  const queueOf = (pool: string, role: number): number => {
    const key = `${pool}\u0000${role}`;
    let q = queues.get(key);
    if (q === undefined) {
      q = queueRole.length;
      queues.set(key, q);
      queueRole.push(role);
    }
    return q;
  };
  const groups: CompiledGroup[] = [];
  const streams: CompiledStream[] = [];
  const layout = modelLayout(scenario);
  for (const [unitIndex, unit] of scenario.units.entries()) {
    const pool = unit.pool ?? unit.id;
    for (const g of unit.staff) {
      const role = roleIndex.get(g.role)!;
      groups.push({
        part: `staff:${unit.id}:${g.role}`,
        role,
        queue: queueOf(pool, role),
        establishment: g.establishment,
        inPost: g.inPost,
        inTraining: g.inTraining,
        inRecruitment: g.inRecruitment ?? 0,
        accreditPart: `accredit:${unit.id}:${g.role}`,
        leaveProbabilityPerMonth: 1 - Math.pow(1 - g.attritionPerYear, 1 / 12),
        available: 1 - g.abstraction,
        hires: g.recruitment.mode === 'fill-vacancies',
        monthsToHire: g.recruitment.monthsToHire,
        maxHiresPerMonth: g.recruitment.maxHiresPerMonth,
      });
    }
    for (const s of unit.demand) {
      const growthPerMonth = Math.pow(1 + s.growthPerYear, 1 / 12);
      streams.push({
        part: `demand:${unit.id}:${s.id}`,
        index: streams.length,
        funnelPart: `funnel:${unit.id}:${s.id}`,
        unitColumn: layout.unitColumns[unitIndex]!,
        streamColumn: layout.streamColumns[streams.length]!,
        queue: queueOf(pool, roleIndex.get(s.role)!),
        suspects: s.kind === 'suspects',
        cases: countSampler(s.casesPerMonth),
        items: countSampler(s.itemsPerCase),
        hours: amountSampler(s.hoursPerItem),
        assetProbability: s.assetProbability,
        assetValue: amountSampler(s.assetValue),
        skipAssetValue: skipDraw(s.assetValue),
        drawPlan: Float64Array.from([
          ...drawPlan(s.itemsPerCase, true),
          ...drawPlan(s.hoursPerItem, false),
          ...drawPlan(s.assetValue, false),
          s.assetProbability,
        ]),
        windowMonths: s.windowMonths,
        growthPerMonth,
        growthByMonth: Float64Array.from({ length: scenario.horizonMonths }, (_, t) =>
          Math.pow(growthPerMonth, t),
        ),
        maxPerCase: (s.kind === 'suspects' && s.maxExaminedPerCase) || Infinity,
        suppression:
          s.suppression && s.suppression.share > 0
            ? {
                part: `suppress:${unit.id}:${s.id}`,
                backlogMonths: s.suppression.backlogMonths,
                share: s.suppression.share,
              }
            : null,
        hoursValue:
          s.hoursValueCorrelation && s.kind === 'suspects'
            ? {
                part: `hours-value:${unit.id}:${s.id}`,
                r: copulaR(s.hoursValueCorrelation),
                hours: fromNormal(s.hoursPerItem),
                value: fromNormal(s.assetValue),
              }
            : null,
      });
    }
  }
  const accuracy = scenario.policy.triageAccuracy;
  const scale = central?.triageScale ?? triageScale(scenario.units.flatMap((u) => u.demand));
  return {
    layout: central?.layout ?? layout,
    horizonMonths: scenario.horizonMonths,
    roles: scenario.roles.map((r) => ({
      id: r.id,
      hoursPerMonth: r.productiveHoursPerYear / 12,
      traineeProductivity: r.traineeProductivity,
      trainingMonths: r.trainingMonths,
      seatsPerYear: r.trainingSeatsPerYear ?? Infinity,
      accreditationRate: accreditationRate(r.accreditationRate),
    })),
    groups,
    queueCount: queueRole.length,
    queueRole: Int32Array.from(queueRole),
    streams,
    triageByValue: scenario.policy.triage === 'value',
    triageScale: scale,
    valueWeight: accuracy / scale.sd,
    valueShift: (-accuracy * scale.mean) / scale.sd,
    noiseWeight: Math.sqrt(1 - accuracy * accuracy),
    triageWeights: Float64Array.of(
      accuracy / scale.sd,
      (-accuracy * scale.mean) / scale.sd,
      Math.sqrt(1 - accuracy * accuracy),
    ),
    funnel: compileFunnel(scenario.finance),
    forceShare: scenario.finance.forceShare,
    uncertain: scenario.uncertain ?? [],
    scenario,
  };
}

/**
 * A role's accreditation rate as the staff flows use it: 1 when the file sets none, and 0 for a
 * rate so small that 1 − rate rounds to 1, where the binomial's waiting times would never end.
 */
function accreditationRate(rate: number | undefined): number {
  if (rate === undefined) return 1;
  return 1 - rate === 1 ? 0 : rate;
}

function compileFunnel(finance: Scenario['finance']): CompiledFunnel {
  const share = constantDraw(finance.orderShare);
  const months = constantDraw(finance.monthsToReceipt);
  return {
    orderProbability: finance.orderProbability,
    orderShare: amountSampler(finance.orderShare),
    monthsToReceipt: countSampler(finance.monthsToReceipt),
    constantDraws:
      share === null || months === null
        ? null
        : { orderShare: share, monthsToReceipt: Math.round(months) },
    numbers: Float64Array.of(
      finance.orderProbability,
      share ?? 0,
      months === null ? 0 : Math.round(months),
    ),
    bandUpTo: Float64Array.from(finance.collection, (b) => b.upTo ?? Infinity),
    bandCollected: Float64Array.from(finance.collection, (b) => b.collected),
  };
}
