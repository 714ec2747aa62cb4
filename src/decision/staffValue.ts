import { formatPoundsExact } from '../results/format.ts';
import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import { addStaff } from './levers.ts';
import { pairedDifference } from './pairedDifference.ts';

/** An effect per extra person per year: the mean, its standard error and a 90% range. */
export interface EffectPerYear {
  mean: number;
  se: number;
  /** 5th and 95th percentiles of the replication-by-replication differences. */
  p05: number;
  p95: number;
}

export interface StaffValue {
  unit: string;
  unitName: string;
  role: string;
  roleName: string;
  /** How many extra people the estimate is based on; effects are per person. */
  extra: number;
  suspectsExaminedPerYear: EffectPerYear;
  recoveryPerYear: EffectPerYear;
  forceIncomePerYear: EffectPerYear;
  /** £ per person per year, from the role's annualCost. */
  costPerYear: number;
  /** £ of recovery, and of force income, per £ of cost; null when the role has no cost. */
  recoveryPerPound: number | null;
  forceIncomePerPound: number | null;
  /** Recovery a year each person must bring for the force's ARIS share to cover their cost. */
  breakEvenRecoveryPerYear: number | null;
  /** True when expected force income covers the cost. */
  paysForItself: boolean;
  sentence: string;
}

export interface StaffValueOptions {
  seed: string;
  replications: number;
  /**
   * Extra people added at once. One answers the question as asked; five (the default) moves the
   * results further from zero than chance does, and dividing by five gives a steadier estimate
   * per person where the effect is close to linear.
   */
  extra?: number;
}

function perYear(
  changed: RunAggregate,
  base: RunAggregate,
  name: string,
  per: number,
): EffectPerYear {
  const s = pairedDifference(changed.values(name), base.values(name), per);
  return { mean: s.mean, se: s.se, p05: s.p05, p95: s.p95 };
}

const pounds = (x: number) => formatPoundsExact(x);

/**
 * What one more person in post, in a new funded post, is worth in each staff group: the
 * change in suspects examined, recovery and force income per year, from paired runs on one seed.
 */
export async function staffValue(
  scenario: Scenario,
  options: StaffValueOptions,
  evaluate: Evaluate,
): Promise<StaffValue[]> {
  const extra = options.extra ?? 5;
  const { seed, replications } = options;
  const years = scenario.horizonMonths / 12;
  const base = await evaluate(scenario, seed, replications);
  const out: StaffValue[] = [];
  for (const unit of scenario.units) {
    for (const group of unit.staff) {
      const role = scenario.roles.find((r) => r.id === group.role)!;
      const changed = await evaluate(
        addStaff(scenario, unit.id, group.role, extra),
        seed,
        replications,
      );
      const per = extra * years;
      const recoveryPerYear = perYear(changed, base, 'recovered', per);
      const forceIncomePerYear = perYear(changed, base, 'forceIncome', per);
      const cost = role.annualCost;
      const share = scenario.finance.forceShare;
      out.push({
        unit: unit.id,
        unitName: unit.name,
        role: role.id,
        roleName: role.name,
        extra,
        suspectsExaminedPerYear: perYear(changed, base, 'suspectsExamined', per),
        recoveryPerYear,
        forceIncomePerYear,
        costPerYear: cost,
        recoveryPerPound: cost > 0 ? recoveryPerYear.mean / cost : null,
        forceIncomePerPound: cost > 0 ? forceIncomePerYear.mean / cost : null,
        breakEvenRecoveryPerYear: share > 0 ? cost / share : null,
        paysForItself: forceIncomePerYear.mean >= cost,
        sentence:
          `Each additional ${role.name.toLowerCase()} in ${unit.name} is expected to bring in ` +
          `${pounds(recoveryPerYear.mean)} of recovery a year, ${pounds(forceIncomePerYear.mean)} of it ` +
          `to the force, against a cost of ${pounds(cost)}.`,
      });
    }
  }
  return out;
}
