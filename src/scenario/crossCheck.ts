import { LIMITS } from './limits.ts';
import { correlatable } from './distribution.ts';
import { expectedMean } from './distributionMoments.ts';
import type { Problem } from './problem.ts';
import type { DemandStream, Scenario } from './schema.ts';
import { UNPRINTABLE_CLASS } from './printable.ts';
import type { NumberText } from './strictJson.ts';

/**
 * What the schema cannot see field by field: ids and assumption fields that must be unique,
 * references to roles, people beyond the posts, the size of the work a file asks for, and
 * invisible characters that could disguise a name.
 */
export function crossCheck(scenario: Scenario, numberText: NumberText = new Map()): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  /** A number as the file wrote it (`3e2`, not `300`), where the file was read as text. */
  const written = (path: string, value: number) => numberText.get(path) ?? String(value);

  const roleIds = new Set<string>();
  scenario.roles.forEach((role, r) => {
    if (roleIds.has(role.id))
      add(`roles[${r}].id`, `"${role.id}" is used by another role; give each role its own id.`);
    roleIds.add(role.id);
  });
  const roleRef = (path: string, id: string) => {
    if (!roleIds.has(id)) {
      add(
        path,
        `refers to a role "${id}" that is not in roles; use one of ${[...roleIds].map((x) => `"${x}"`).join(', ')}.`,
      );
    }
  };

  const unitIds = new Set<string>();
  const streamIds = new Set<string>();
  const demand = new DemandTally(scenario.horizonMonths);
  scenario.units.forEach((unit, u) => {
    const at = `units[${u}]`;
    if (unitIds.has(unit.id))
      add(`${at}.id`, `"${unit.id}" is used by another unit; give each unit its own id.`);
    unitIds.add(unit.id);
    const groupRoles = new Set<string>();
    unit.staff.forEach((group, g) => {
      const gat = `${at}.staff[${g}]`;
      roleRef(`${gat}.role`, group.role);
      if (groupRoles.has(group.role)) {
        add(
          `${gat}.role`,
          `the unit already has a staff group for role "${group.role}"; merge the two rows.`,
        );
      }
      groupRoles.add(group.role);
      const people = group.inPost + group.inTraining;
      if (people > group.establishment) {
        add(
          `${gat}.inPost`,
          `${written(`${gat}.inPost`, group.inPost)} in post and ${written(`${gat}.inTraining`, group.inTraining)} in training is more than the ${written(`${gat}.establishment`, group.establishment)} posts; raise the posts or lower the people.`,
        );
      } else if (people + (group.inRecruitment ?? 0) > group.establishment) {
        add(
          `${gat}.inRecruitment`,
          `${written(`${gat}.inRecruitment`, group.inRecruitment ?? 0)} in recruitment with ${people} in post and in training is more than the ${written(`${gat}.establishment`, group.establishment)} posts; recruitments under way fill vacancies, so lower them or raise the posts.`,
        );
      }
    });
    unit.demand.forEach((stream, s) => {
      const sat = `${at}.demand[${s}]`;
      if (streamIds.has(stream.id))
        add(`${sat}.id`, `"${stream.id}" is used by another demand stream; give each its own id.`);
      streamIds.add(stream.id);
      roleRef(`${sat}.role`, stream.role);
      checkSuspectsOnly(sat, stream, add);
      demand.add(sat, stream);
    });
  });
  demand.check(add);
  const stated = new Map<string, number>();
  scenario.assumptions.forEach((assumption, a) => {
    const first = stated.get(assumption.field);
    if (first !== undefined) {
      add(
        `assumptions[${a}].field`,
        `its field already has a note, in assumptions[${first}]; merge the two notes.`,
      );
    } else stated.set(assumption.field, a);
  });
  scanText(scenario, [], add);
  return problems;
}

/**
 * A case limit and a correlation of hours with asset value are about suspects; a copula needs
 * distributions whose quantiles it can compute.
 */
function checkSuspectsOnly(
  at: string,
  stream: DemandStream,
  add: (path: string, message: string) => void,
): void {
  if (stream.kind === 'products') {
    if (stream.maxExaminedPerCase !== undefined) {
      add(
        `${at}.maxExaminedPerCase`,
        'a case limit applies to suspects; remove it from this products stream.',
      );
    }
    if (stream.hoursValueCorrelation) {
      add(
        `${at}.hoursValueCorrelation`,
        'products hold no assets to correlate with hours; remove it from this products stream.',
      );
    }
    return;
  }
  if (!stream.hoursValueCorrelation) return;
  for (const field of ['hoursPerItem', 'assetValue'] as const) {
    const d = stream[field];
    if (!correlatable(d)) {
      add(
        `${at}.hoursValueCorrelation`,
        `needs ${field === 'hoursPerItem' ? 'hours' : 'asset values'} drawn from a fixed, lognormal, uniform, triangular or normal distribution, not ${typeof d === 'number' ? 'a number' : d.dist}; change that distribution or set the correlation to 0.`,
      );
    }
  }
}

// Control characters (other than tab and line breaks), format characters (the bidirectional
// marks, overrides and isolates that can make text display in a different order from the one
// it is stored in, zero-width characters, soft hyphens and tags that make two different ids look
// the same), line and paragraph separators, and the fillers that show as nothing.
// The characters a terminal would not print as they are (printable.ts), less tab and line breaks.
const HIDDEN = new RegExp(`(?![\\t\\n\\r])${UNPRINTABLE_CLASS}`, 'u');

function scanText(
  value: unknown,
  path: (string | number)[],
  add: (path: string, message: string) => void,
): void {
  if (typeof value === 'string') {
    const match = HIDDEN.exec(value);
    if (match) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      add(
        formatPathLoose(path),
        `holds an invisible control character (U+${code}) that can disguise text; retype it.`,
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scanText(v, [...path, i], add));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) scanText(v, [...path, k], add);
  }
}

function formatPathLoose(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A stream's expected cases or items over the horizon, and where the file sets them. */
interface Heaviest {
  path: string;
  amount: number;
}

/**
 * Adds up the cases and items the demand streams are expected to bring in one replication, and
 * refuses a file whose total passes a limit, naming the stream that brings the most. Every
 * comparison is written `!(total <= limit)` so that a total that is not a number refuses too.
 */
class DemandTally {
  private cases = 0;
  private items = 0;
  private heaviestCases: Heaviest = { path: 'units', amount: -Infinity };
  private heaviestItems: Heaviest = { path: 'units', amount: -Infinity };

  constructor(private readonly horizonMonths: number) {}

  add(at: string, stream: DemandStream): void {
    const H = this.horizonMonths;
    const cases =
      expectedMean(stream.casesPerMonth) * H * Math.pow(1 + stream.growthPerYear, H / 12);
    const items = cases * expectedMean(stream.itemsPerCase);
    this.cases += cases;
    this.items += items;
    if (!(cases <= this.heaviestCases.amount))
      this.heaviestCases = { path: `${at}.casesPerMonth`, amount: cases };
    if (!(items <= this.heaviestItems.amount))
      this.heaviestItems = { path: `${at}.casesPerMonth`, amount: items };
  }

  get heaviestItemsPath(): string {
    return this.heaviestItems.path;
  }

  check(add: (path: string, message: string) => void): void {
    if (!(this.cases <= LIMITS.casesPerReplication)) {
      add(
        this.heaviestCases.path,
        `the demand adds up to ${about(this.cases)} cases in one replication, more than the ${LIMITS.casesPerReplication.toLocaleString('en-GB')} a run can draw; lower the cases per month.`,
      );
    } else if (!(this.items <= LIMITS.itemsPerReplication)) {
      add(
        this.heaviestItems.path,
        `the demand adds up to ${about(this.items)} suspects and products in one replication, more than the ${LIMITS.itemsPerReplication.toLocaleString('en-GB')} a run can hold; check cases per month and items per case.`,
      );
    }
  }
}

/**
 * Where the file sets the demand stream expected to bring the most suspects and products: the
 * field to name when a replication holds more items than a run can.
 */
export function heaviestDemandField(scenario: Scenario): string {
  const tally = new DemandTally(scenario.horizonMonths);
  scenario.units.forEach((unit, u) =>
    unit.demand.forEach((stream, s) => tally.add(`units[${u}].demand[${s}]`, stream)),
  );
  return tally.heaviestItemsPath;
}

function about(amount: number): string {
  return Number.isFinite(amount)
    ? `about ${Math.round(amount).toLocaleString('en-GB')}`
    : 'more than can be counted';
}
