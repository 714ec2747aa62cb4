import { z } from 'zod';
import { distributionSchema } from './distribution.ts';
import { LIMITS } from './limits.ts';

/**
 * The scenario file, format v1: the single source of truth for its types, its defaults, its
 * validation and the JSON Schema in public/scenario.schema.json. Each field carries a title, a
 * unit and a help text, which the editor, the decision tools, the printed key inputs and the
 * command line all read (through fieldInfo.ts), so a field has the same words everywhere.
 */

export const SCHEMA_VERSION = 1;
export const FORMAT = 'shortfall-scenario';

type FieldInfo = {
  title: string;
  unit?: string;
  description: string;
  /** For a fractional field the decision tools move: the smallest change they make. */
  step?: number;
};
function info<T extends z.ZodType>(schema: T, meta: FieldInfo): T {
  return schema.meta(meta);
}

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: 'use letters, digits, "-", "_" or "." only, starting with a letter or digit',
  });
const name = z.string().min(1).max(LIMITS.nameLength);
const count = z.int().min(0).max(LIMITS.peoplePerGroup);
const probability = z.number().min(0).max(1);
const months = z.int().min(0).max(LIMITS.pipelineMonths);

export const sourceSchema = z.strictObject({
  id: id.optional(),
  title: z.string().min(1).max(LIMITS.textLength),
  url: z.string().max(2048).optional(),
  /** Fields whose values this source supports, as paths such as `units[0].staff[0].inPost`. */
  figures: z.array(z.string().max(300)).max(200).optional(),
});

export const assumptionSchema = z.strictObject({
  field: z.string().min(1).max(300),
  note: z.string().min(1).max(LIMITS.textLength),
});

export const roleSchema = z.strictObject({
  id: info(id, { title: 'Role id', description: 'Short name other fields refer to, e.g. "fi".' }),
  name: info(name, { title: 'Role', description: 'As planners call it.' }),
  productiveHoursPerYear: info(z.number().gt(0).max(LIMITS.hoursPerYear).default(1250), {
    title: 'Productive hours',
    unit: 'hours per person per year',
    description:
      'Hours a fully trained person spends on casework in a year, after leave, training and sickness.',
  }),
  traineeProductivity: info(probability.default(0.25), {
    title: 'Trainee productivity',
    unit: 'fraction of a trained person',
    description: 'Share of a trained person’s casework a trainee does.',
  }),
  trainingMonths: info(months.default(12), {
    title: 'Training',
    unit: 'months',
    description: 'Months from starting training to working unsupervised (accreditation).',
  }),
  trainingSeatsPerYear: info(z.int().min(0).max(LIMITS.trainingSeatsPerYear).optional(), {
    title: 'Training seats',
    unit: 'people per year',
    description:
      'Places on national courses open to this force for this role. Leave empty for no limit.',
  }),
  annualCost: info(z.number().min(0).max(LIMITS.annualCost).default(0), {
    title: 'Cost',
    unit: '£ per person per year',
    description: 'Salary with on-costs, for the value of an extra post.',
  }),
});

export const recruitmentSchema = z.strictObject({
  mode: info(z.enum(['fill-vacancies', 'none']).default('none'), {
    title: 'Recruitment',
    description: '"fill-vacancies" starts recruiting for every vacancy; "none" recruits no one.',
  }),
  monthsToHire: info(months.default(6), {
    title: 'Time to hire',
    unit: 'months',
    description: 'From starting a recruitment to the recruit starting training.',
  }),
  maxHiresPerMonth: info(z.int().min(0).max(LIMITS.hiresPerMonth).default(2), {
    title: 'Most hires a month',
    unit: 'recruitments started per month',
    description: 'How many recruitments the force can start in a month.',
  }),
});

export const staffGroupSchema = z.strictObject({
  role: info(id, { title: 'Role', description: 'The id of a role in this scenario.' }),
  establishment: info(count, {
    title: 'Posts',
    unit: 'people',
    description: 'Funded posts (the establishment).',
  }),
  inPost: info(count, {
    title: 'In post',
    unit: 'people',
    description: 'Trained people in post at the start.',
  }),
  inTraining: info(count.default(0), {
    title: 'In training',
    unit: 'people',
    description: 'People in post but still training at the start.',
  }),
  attritionPerYear: info(probability.default(0.1), {
    title: 'Leavers',
    unit: 'share per year',
    description: 'Share of people who leave the role in a year (0.10 is one in ten).',
    step: 0.01,
  }),
  abstraction: info(probability.default(0), {
    title: 'Abstraction',
    unit: 'share of hours',
    description: 'Share of hours taken by other duties (e.g. missing persons, fugitives).',
  }),
  recruitment: recruitmentSchema.prefault({}),
});

export const demandStreamSchema = z.strictObject({
  id: info(id, { title: 'Stream id', description: 'Short name, unique in the scenario.' }),
  name: info(name, { title: 'Demand', description: 'What arrives, e.g. "Drug supply arrests".' }),
  kind: info(z.enum(['suspects', 'products']), {
    title: 'Kind',
    description:
      '"suspects" to be examined for criminal assets, or analytical "products" to be delivered.',
  }),
  role: info(id, { title: 'Worked by', description: 'The id of the role that does this work.' }),
  casesPerMonth: info(distributionSchema, {
    title: 'Cases per month',
    unit: 'cases',
    description: 'Cases that need this role each month, at the start of the horizon.',
  }),
  itemsPerCase: info(distributionSchema.default(1), {
    title: 'Per case',
    unit: 'suspects or products per case',
    description: 'Suspects (or products) each case brings.',
  }),
  hoursPerItem: info(distributionSchema, {
    title: 'Hours per suspect or product',
    unit: 'hours',
    description: 'Hours to examine one suspect (or deliver one product).',
  }),
  assetProbability: info(probability.default(0), {
    title: 'Share holding assets',
    unit: 'share of suspects',
    description: 'Share of suspects who hold recoverable criminal assets.',
  }),
  assetValue: info(distributionSchema.default(0), {
    title: 'Asset value',
    unit: '£ per suspect holding assets',
    description: 'Value of a suspect’s recoverable assets.',
  }),
  windowMonths: info(z.int().min(0).max(LIMITS.horizonMonths).default(3), {
    title: 'Window',
    unit: 'months',
    description: 'Months an item can wait before it is too late (0: only in the month it arrives).',
  }),
  growthPerYear: info(z.number().min(-0.9).max(10).default(0), {
    title: 'Growth',
    unit: 'share per year',
    description: 'Yearly growth in cases (0.03 is 3% a year; negative for a fall).',
  }),
});

export const unitSchema = z.strictObject({
  id: info(id, { title: 'Unit id', description: 'Short name, unique in the scenario.' }),
  name: info(name, { title: 'Unit', description: 'Force, command or team.' }),
  pool: info(id.optional(), {
    title: 'Pool',
    description: 'Units with the same pool share one queue and their staff. Empty: on its own.',
  }),
  staff: z.array(staffGroupSchema).min(1).max(LIMITS.staffGroupsPerUnit),
  demand: z.array(demandStreamSchema).max(LIMITS.demandStreamsPerUnit).default([]),
});

export const policySchema = z.strictObject({
  triage: info(z.enum(['value', 'fifo']).default('value'), {
    title: 'Triage',
    description:
      '"value": the most promising suspects first; "fifo": oldest first, as they arrive.',
  }),
  triageAccuracy: info(probability.default(0.6), {
    title: 'Triage accuracy',
    unit: '0 (random) to 1 (perfect)',
    description: 'How well the order of work follows the true value of suspects’ assets.',
  }),
});

export const financeSchema = z.strictObject({
  recoveryRate: info(probability.default(0.45), {
    title: 'Recovery rate',
    unit: 'share of assets',
    description: 'Share of an examined suspect’s assets recovered (45% of orders were collected).',
  }),
  forceShare: info(probability.default(0.1875), {
    title: 'Force share (ARIS)',
    unit: 'share of recovery',
    description: 'Share of recovery returned to the investigating force under ARIS (18.75%).',
  }),
});

export const scenarioSchema = z.strictObject({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: info(name, { title: 'Scenario name', description: 'Shown on every chart and export.' }),
  description: z.string().max(LIMITS.textLength).default(''),
  sources: z.array(sourceSchema).max(LIMITS.sources).default([]),
  assumptions: z.array(assumptionSchema).max(500).default([]),
  horizonMonths: info(z.int().min(1).max(LIMITS.horizonMonths).default(48), {
    title: 'Horizon',
    unit: 'months',
    description: 'Months simulated; 48 is the four years of a Force Management Statement.',
  }),
  seed: info(z.string().min(1).max(LIMITS.nameLength).default('shortfall'), {
    title: 'Seed',
    description: 'Any text. The same seed gives the same results on any machine.',
  }),
  replications: info(z.int().min(1).max(LIMITS.replications).default(10_000), {
    title: 'Replications',
    unit: 'runs',
    description: 'Simulated futures. More give steadier answers and take longer.',
  }),
  roles: z.array(roleSchema).min(1).max(LIMITS.roles),
  units: z.array(unitSchema).min(1).max(LIMITS.units),
  policy: policySchema.prefault({}),
  finance: financeSchema.prefault({}),
});

/** A scenario as written in a file: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with every default filled in: what the engine reads. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Role = Scenario['roles'][number];
export type Unit = Scenario['units'][number];
export type StaffGroup = Unit['staff'][number];
export type DemandStream = Unit['demand'][number];
