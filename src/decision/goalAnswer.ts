import type { Scenario } from '../scenario/schema.ts';
import { applyLever, leverValue, type Lever } from './levers.ts';

/** One field the answer changes, from and to, as the editor shows it. */
export interface FieldChange {
  path: string;
  from: number | null;
  to: number;
}

/** What setting a lever to a value means for the scenario, and how long it would take. */
export interface AnswerMeaning {
  changes: FieldChange[];
  /** "86 more posts and 146 more trained financial investigators; at 30 seats a year that takes about five years." */
  sentence: string;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "about five years", "about 8 months": a duration read aloud. */
export function aboutDuration(years: number): string {
  if (years * 12 < 1.5) return 'about a month';
  if (years < 1.5) return `about ${Math.round(years * 12)} months`;
  const whole = Math.round(years);
  return `about ${whole <= 10 ? WORDS[whole] : whole} years`;
}

/**
 * The edits a goal-seek answer implies (every one a value the editor takes: applyLever keeps
 * posts above the people who hold them) and a sentence saying what they mean: how many more
 * posts and trained people, and, where people must come through recruitment and training, how
 * long the slower of the hires a month and the training seats takes to bring them.
 */
export function answerMeaning(scenario: Scenario, lever: Lever, value: number): AnswerMeaning {
  const after = applyLever(scenario, lever, value);
  const unitIndex = scenario.units.findIndex((u) => u.id === lever.unit);
  const groupIndex = scenario.units[unitIndex]!.staff.findIndex((g) => g.role === lever.role);
  const roleIndex = scenario.roles.findIndex((r) => r.id === lever.role);
  const before = scenario.units[unitIndex]!.staff[groupIndex]!;
  const now = after.units[unitIndex]!.staff[groupIndex]!;
  const role = scenario.roles[roleIndex]!;
  const people = role.name.toLowerCase();
  const at = `units[${unitIndex}].staff[${groupIndex}]`;
  const changes: FieldChange[] = [];
  const change = (path: string, from: number | null, to: number | null) => {
    if (to === null) return;
    if (from !== to) changes.push({ path, from, to });
  };
  change(`${at}.establishment`, before.establishment, now.establishment);
  change(`${at}.inPost`, before.inPost, now.inPost);
  change(
    `${at}.recruitment.maxHiresPerMonth`,
    before.recruitment.maxHiresPerMonth,
    now.recruitment.maxHiresPerMonth,
  );
  change(`${at}.attritionPerYear`, before.attritionPerYear, now.attritionPerYear);
  change(
    `roles[${roleIndex}].trainingSeatsPerYear`,
    role.trainingSeatsPerYear ?? null,
    after.roles[roleIndex]!.trainingSeatsPerYear ?? null,
  );
  if (changes.length === 0)
    return { changes, sentence: 'The scenario as it is already meets the target.' };

  const from = leverValue(scenario, lever);
  switch (lever.field) {
    case 'inPost':
    case 'establishment': {
      const posts = now.establishment - before.establishment;
      const trained = now.inPost - before.inPost;
      const parts = [
        ...(posts !== 0
          ? [
              count(
                Math.abs(posts),
                `${posts > 0 ? 'more' : 'fewer'} post`,
                `${posts > 0 ? 'more' : 'fewer'} posts`,
              ),
            ]
          : []),
        ...(trained !== 0
          ? [
              count(
                Math.abs(trained),
                `${trained > 0 ? 'more' : 'fewer'} trained ${people}`,
                `${trained > 0 ? 'more' : 'fewer'} trained ${people}s`,
              ),
            ]
          : []),
      ];
      const what = parts.join(' and ');
      if (trained <= 0) return { changes, sentence: `${capital(what)}.` };
      return { changes, sentence: `${capital(what)}; ${pipelineTime(scenario, lever, trained)}.` };
    }
    case 'maxHiresPerMonth':
      return {
        changes,
        sentence: `${capital(count(Math.abs(value - from), value > from ? 'more recruitment' : 'fewer recruitment', value > from ? 'more recruitments' : 'fewer recruitments'))} started a month (${value} in all).`,
      };
    case 'trainingSeatsPerYear':
      return {
        changes,
        sentence: `${capital(count(Math.abs(value - from), value > from ? 'more training seat' : 'fewer training seat', value > from ? 'more training seats' : 'fewer training seats'))} a year (${value} in all).`,
      };
    case 'attritionPerYear':
      return {
        changes,
        sentence: `Leavers held to ${Math.round(value * 100)}% a year (now ${Math.round(from * 100)}%).`,
      };
  }
}

/** How long the pipeline takes to bring `people` more trained staff of the lever's role. */
function pipelineTime(scenario: Scenario, lever: Lever, people: number): string {
  const role = scenario.roles.find((r) => r.id === lever.role)!;
  const groups = scenario.units.flatMap((u) => u.staff.filter((g) => g.role === lever.role));
  const hiring = groups.filter((g) => g.recruitment.mode === 'fill-vacancies');
  if (hiring.length === 0)
    return `no one is recruited in this scenario, so they would have to come from elsewhere`;
  const hiresPerYear = 12 * hiring.reduce((sum, g) => sum + g.recruitment.maxHiresPerMonth, 0);
  const seats = role.trainingSeatsPerYear ?? Infinity;
  const seatsBind = seats < hiresPerYear;
  const rate = Math.min(seats, hiresPerYear);
  if (rate <= 0) return 'no one can start training in this scenario, so they would never arrive';
  const delay =
    (Math.max(...hiring.map((g) => g.recruitment.monthsToHire)) + role.trainingMonths) / 12;
  const years = people / rate + delay;
  const how = seatsBind
    ? `at ${rate} training seats a year`
    : `at ${rate / 12} ${rate / 12 === 1 ? 'hire' : 'hires'} a month`;
  return `${how} that takes ${aboutDuration(years)}, leavers aside`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
