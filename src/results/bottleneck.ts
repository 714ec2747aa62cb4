import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { Stat } from '../engine/aggregate/statistic.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatCount, formatPercent } from './format.ts';

/** What limits capacity: one of the pipeline's stages, or nothing. */
export type BottleneckKind =
  | 'trainingSeats'
  | 'recruitmentRate'
  | 'noRecruitment'
  | 'timeToHire'
  | 'accreditation'
  | 'abstraction'
  | 'posts'
  | 'none';

/** Where one role's posts stand, each a mean over the final year of the horizon. */
export interface RolePipeline {
  role: string;
  roleName: string;
  posts: number;
  inPost: number;
  /** Posts with no one in post, training or recruitment: recruitment could not start for them. */
  unfilled: number;
  /** Recruits still being hired (not yet waiting for a seat). */
  beingHired: number;
  waitingForSeat: number;
  inTraining: number;
  /** Seats taken a year, and offered (Infinity with no limit). */
  seatsUsedPerYear: number;
  seatsPerYear: number;
  /** Most recruitments started a month, summed over the role's groups; 0 when none recruits. */
  hiresPerMonth: number;
  monthsToHire: number;
  trainingMonths: number;
  /** Share of hours taken by other work, weighted by posts. */
  abstraction: number;
  /** Productive hours a year of one trained person. */
  hoursPerYear: number;
}

export interface Bottleneck {
  kind: BottleneckKind;
  /** The role named, when the limit is one role's. */
  role?: string;
  /** One sentence a chief officer can read aloud. */
  sentence: string;
  /** Every role's pipeline, for tables and the JSON output. */
  roles: RolePipeline[];
}

/** A post counts as empty in the comparison below only when at least this many are, on average. */
const AT_LEAST_ONE = 1;

/** Mean over the final year of the horizon (all of it when shorter) of a monthly series' means. */
function finalYear(stats: readonly Stat[] | undefined): number {
  if (!stats || stats.length === 0) return 0;
  const from = Math.max(0, stats.length - 12);
  let sum = 0;
  for (let m = from; m < stats.length; m++) sum += stats[m]!.mean;
  return sum / (stats.length - from);
}

/** "about 14", rounded to two significant figures as sentences are. */
function about(value: number): string {
  if (value < 1) return formatCount(value);
  const digits = Math.floor(Math.log10(value)) + 1;
  const unit = 10 ** Math.max(0, digits - 2);
  return formatCount(Math.round(value / unit) * unit);
}

const plural = (n: number, one: string, many: string) => (Math.round(n) === 1 ? one : many);

/** Each role's pipeline from a run's summary, over the final year. */
export function rolePipelines(scenario: Scenario, summary: Summary): RolePipeline[] {
  return scenario.roles.flatMap((role) => {
    const groups = scenario.units.flatMap((u) => u.staff.filter((g) => g.role === role.id));
    if (groups.length === 0) return [];
    const posts = groups.reduce((sum, g) => sum + g.establishment, 0);
    const series = (name: keyof Summary['monthly']) =>
      finalYear((summary.monthly[name] as Record<string, Stat[]> | undefined)?.[role.id]);
    const inPost = series('inPost');
    const inTraining = series('inTraining');
    const inRecruitment = series('inRecruitment');
    const waitingForSeat = series('waitingForSeat');
    const hiring = groups.filter((g) => g.recruitment.mode === 'fill-vacancies');
    const weight = posts > 0 ? posts : groups.length;
    return [
      {
        role: role.id,
        roleName: role.name,
        posts,
        inPost,
        unfilled: Math.max(0, posts - inPost - inTraining - inRecruitment),
        beingHired: Math.max(0, inRecruitment - waitingForSeat),
        waitingForSeat,
        inTraining,
        seatsUsedPerYear: series('seatsUsed') * 12,
        seatsPerYear: role.trainingSeatsPerYear ?? Infinity,
        hiresPerMonth: hiring.reduce((sum, g) => sum + g.recruitment.maxHiresPerMonth, 0),
        monthsToHire: Math.max(0, ...hiring.map((g) => g.recruitment.monthsToHire)),
        trainingMonths: role.trainingMonths,
        hoursPerYear: role.productiveHoursPerYear,
        abstraction:
          groups.reduce((sum, g) => sum + g.abstraction * (posts > 0 ? g.establishment : 1), 0) /
          weight,
      },
    ];
  });
}

/**
 * What limits capacity, named from the pipeline. With no shortfall (no suspect unexamined and
 * no product undelivered in the average future), nothing does. Otherwise the role with the
 * most posts not yet filled by trained people (unfilled, being hired, waiting for a seat, in
 * training) is named by the stage that limits it (see pipelineLimit). With no more than one
 * such post on average, the posts are full: abstraction is named when the hours it takes would
 * alone cover the hours of demand not met, else posts. docs/decision-tools.md gives the rule.
 */
export function findBottleneck(scenario: Scenario, summary: Summary): Bottleneck {
  const roles = rolePipelines(scenario, summary);
  const t = summary.totals;
  const unmet = t.unexaminedSuspects.mean + t.undeliveredProducts.mean;
  if (!(unmet >= AT_LEAST_ONE) || roles.length === 0) {
    return {
      kind: 'none',
      roles,
      sentence:
        'Nothing limits capacity: in the average future every suspect is examined and every product delivered.',
    };
  }
  const empty = (r: RolePipeline) => r.unfilled + r.beingHired + r.waitingForSeat + r.inTraining;
  const worst = roles.reduce((a, b) => (empty(b) > empty(a) ? b : a));
  const shortfall =
    t.unexaminedSuspects.mean >= AT_LEAST_ONE
      ? `${about(t.unexaminedSuspects.mean)} suspects still go unexamined`
      : `${about(t.undeliveredProducts.mean)} products still go undelivered`;
  const hoursShort = Math.max(0, t.demandHours.mean - t.hoursWorked.mean);
  if (empty(worst) >= AT_LEAST_ONE) {
    const limit = pipelineLimit(worst);
    // A delay that empties fewer hours than demand leaves unmet is not what limits: posts are.
    const delay = limit.kind === 'timeToHire' || limit.kind === 'accreditation';
    if (!delay || emptyHours(worst, summary.horizonMonths) >= hoursShort)
      return { ...limit, roles };
  }
  // Posts (nearly) full: would the hours abstraction takes cover the hours of demand not met?
  const mostAbstracted = roles.reduce((x, y) => (y.abstraction > x.abstraction ? y : x));
  const a = mostAbstracted.abstraction;
  const abstracted = a < 1 ? (t.capacityHours.mean * a) / (1 - a) : Infinity;
  if (a > 0 && abstracted >= hoursShort) {
    return {
      kind: 'abstraction',
      role: mostAbstracted.role,
      roles,
      sentence: `Abstraction is the limit: ${formatPercent(a)} of ${mostAbstracted.roleName.toLowerCase()} hours go to other work, enough on their own to examine what is left; about ${shortfall}.`,
    };
  }
  const filled = worst.posts - empty(worst);
  return {
    kind: 'posts',
    role: worst.role,
    roles,
    sentence: `Posts are the limit: about ${about(Math.max(0, filled))} of ${formatCount(worst.posts)} ${worst.roleName.toLowerCase()} posts are filled by trained people and about ${shortfall}; more posts would help.`,
  };
}

/** Hours a year the role's posts not filled by trained people would work, over the horizon. */
function emptyHours(r: RolePipeline, horizonMonths: number): number {
  const empty = r.unfilled + r.beingHired + r.waitingForSeat + r.inTraining;
  return empty * r.hoursPerYear * (1 - r.abstraction) * (horizonMonths / 12);
}

/** Seats count as all used when at least this share of those offered are taken. */
const SEATS_FULL = 0.95;

/**
 * The stage that limits a role whose posts are not all filled. A stage is saturated when it
 * runs at its most and people queue before it: seats when nearly all are taken and recruits
 * wait for one; the hires a month when posts are left with no recruitment started. When both
 * are, the one that lets fewer people through a year binds (more of the other would only
 * lengthen the queue before it). With neither, posts wait on the pipeline's delays: time to
 * hire or accreditation, whichever holds more of them.
 */
function pipelineLimit(r: RolePipeline): { kind: BottleneckKind; role: string; sentence: string } {
  const seatsSaturated =
    Number.isFinite(r.seatsPerYear) &&
    r.seatsUsedPerYear >= SEATS_FULL * r.seatsPerYear &&
    r.waitingForSeat >= AT_LEAST_ONE;
  const hiresSaturated = r.hiresPerMonth > 0 && r.unfilled >= AT_LEAST_ONE;
  let kind: BottleneckKind;
  if (seatsSaturated && (!hiresSaturated || r.seatsPerYear <= 12 * r.hiresPerMonth))
    kind = 'trainingSeats';
  else if (hiresSaturated) kind = 'recruitmentRate';
  else if (r.hiresPerMonth === 0 && r.unfilled >= AT_LEAST_ONE) kind = 'noRecruitment';
  else kind = r.beingHired + r.waitingForSeat >= r.inTraining ? 'timeToHire' : 'accreditation';
  return { kind, role: r.role, sentence: stageSentence(kind, r) };
}

function stageSentence(kind: BottleneckKind, r: RolePipeline): string {
  const people = r.roleName.toLowerCase();
  switch (kind) {
    case 'trainingSeats': {
      const all =
        r.seatsPerYear === 1
          ? 'the one seat a year is used'
          : `all ${formatCount(r.seatsPerYear)} a year are used`;
      const used =
        r.seatsUsedPerYear >= r.seatsPerYear - 0.5
          ? all
          : `${about(r.seatsUsedPerYear)} of ${formatCount(r.seatsPerYear)} a year are used`;
      return `Training seats are the limit: ${used} and about ${about(r.waitingForSeat)} ${plural(r.waitingForSeat, 'recruit waits', 'recruits wait')} for a seat; more posts change nothing until seats rise.`;
    }
    case 'recruitmentRate':
      return `Recruitment is the limit: at most ${formatCount(r.hiresPerMonth)} ${plural(r.hiresPerMonth, 'hire', 'hires')} a month ${plural(r.hiresPerMonth, 'leaves', 'leave')} about ${about(r.unfilled)} ${people} ${plural(r.unfilled, 'post', 'posts')} with no one recruited; more posts change nothing until hires a month rise.`;
    case 'noRecruitment':
      return `Recruitment is the limit: no one is recruited, so about ${about(r.unfilled)} ${people} ${plural(r.unfilled, 'post stays', 'posts stay')} empty; more posts change nothing unless recruitment starts.`;
    case 'timeToHire':
      return `Time to hire is the limit: about ${about(r.beingHired)} ${people} ${plural(r.beingHired, 'post waits', 'posts wait')} on a recruit still being hired (${formatCount(r.monthsToHire)} months each); hiring quicker fills them sooner.`;
    case 'accreditation':
      return `Accreditation is the limit: about ${about(r.inTraining)} ${plural(r.inTraining, 'person is', 'people are')} still training (${formatCount(r.trainingMonths)} months before working unsupervised) and ${plural(r.inTraining, 'does', 'do')} only part of a trained person's work; more posts add hours only once their holders qualify.`;
    default:
      return '';
  }
}
