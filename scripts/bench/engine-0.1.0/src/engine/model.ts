import type { Scenario } from '../scenario/schema.ts';
import { makeLayout, type Layout } from './metrics.ts';
import { amountSampler, countSampler, type Sampler } from './random/sampler.ts';
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
  noiseWeight: number;
  recoveryRate: number;
  forceShare: number;
}

export interface CompiledRole {
  id: string;
  hoursPerMonth: number;
  traineeProductivity: number;
  trainingMonths: number;
  /** Training seats a year, a whole number; Infinity when unlimited. */
  seatsPerYear: number;
}

export interface CompiledGroup {
  /** Names this group's random stream: `staff:<unit>:<role>`. */
  part: string;
  role: number;
  queue: number;
  establishment: number;
  inPost: number;
  inTraining: number;
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
  queue: number;
  suspects: boolean;
  cases: Sampler;
  items: Sampler;
  hours: Sampler;
  assetProbability: number;
  assetValue: Sampler;
  windowMonths: number;
  /** Growth factor per month: (1 + growthPerYear)^(1/12). */
  growthPerMonth: number;
  /** growthPerMonth^t for each month t of the horizon, computed once rather than every month. */
  growthByMonth: Float64Array;
}

/** Where each metric sits in a replication's results: all a run's aggregate needs to know. */
export function modelLayout(scenario: Scenario): Layout {
  return makeLayout(
    scenario.horizonMonths,
    scenario.roles.map((r) => r.id),
  );
}

export function compileModel(scenario: Scenario): Model {
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
  for (const unit of scenario.units) {
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
        queue: queueOf(pool, roleIndex.get(s.role)!),
        suspects: s.kind === 'suspects',
        cases: countSampler(s.casesPerMonth),
        items: countSampler(s.itemsPerCase),
        hours: amountSampler(s.hoursPerItem),
        assetProbability: s.assetProbability,
        assetValue: amountSampler(s.assetValue),
        windowMonths: s.windowMonths,
        growthPerMonth,
        growthByMonth: Float64Array.from({ length: scenario.horizonMonths }, (_, t) =>
          Math.pow(growthPerMonth, t),
        ),
      });
    }
  }
  const accuracy = scenario.policy.triageAccuracy;
  const scale = triageScale(scenario.units.flatMap((u) => u.demand));
  return {
    layout: modelLayout(scenario),
    horizonMonths: scenario.horizonMonths,
    roles: scenario.roles.map((r) => ({
      id: r.id,
      hoursPerMonth: r.productiveHoursPerYear / 12,
      traineeProductivity: r.traineeProductivity,
      trainingMonths: r.trainingMonths,
      seatsPerYear: r.trainingSeatsPerYear ?? Infinity,
    })),
    groups,
    queueCount: queueRole.length,
    queueRole: Int32Array.from(queueRole),
    streams,
    triageByValue: scenario.policy.triage === 'value',
    valueWeight: accuracy / scale.sd,
    valueShift: (-accuracy * scale.mean) / scale.sd,
    noiseWeight: Math.sqrt(1 - accuracy * accuracy),
    recoveryRate: scenario.finance.recoveryRate,
    forceShare: scenario.finance.forceShare,
  };
}
