import type { TotalMetric } from '../engine/metrics.ts';
import type { LeverField } from './levers.ts';

/** What each horizon total counts, in the words a planner uses: for menus and sentences. */
export const METRIC_LABELS: Record<TotalMetric, string> = {
  suspectsArrived: 'suspects arriving',
  suspectsExamined: 'suspects examined for assets',
  unexaminedSuspects: 'suspects not examined for assets',
  backlogSuspects: 'suspects still waiting at the end',
  suspectsWithAssets: 'suspects holding assets',
  suspectsWithAssetsExamined: 'suspects holding assets who were examined',
  demandHours: 'hours of work arriving',
  capacityHours: 'hours staff could work',
  hoursWorked: 'hours worked',
  assetsNotInvestigated: 'assets not investigated (£)',
  missedRecovery: 'asset recovery missed (£)',
  missedForceIncome: 'ARIS income foregone (£)',
  recovered: 'assets recovered (£)',
  forceIncome: 'ARIS income to the force (£)',
  productsArrived: 'intelligence products requested',
  productsDelivered: 'intelligence products delivered',
  undeliveredProducts: 'intelligence products not delivered',
  backlogProducts: 'intelligence products still waiting at the end',
};

/** The staff-group figures a goal seek can move, as the Establishment table names them. */
export const LEVER_FIELD_LABELS: Record<LeverField, string> = {
  establishment: 'Posts',
  inPost: 'In post',
  maxHiresPerMonth: 'Most recruits a month',
  attritionPerYear: 'Leavers per year (share)',
};
