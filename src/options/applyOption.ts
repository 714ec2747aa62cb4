import { crossCheck } from '../scenario/crossCheck.ts';
import { issuesToProblems } from '../scenario/issueMessage.ts';
import type { Problem, Result } from '../scenario/problem.ts';
import { scenarioSchema, type Scenario, type ScenarioOption } from '../scenario/schema.ts';
import { getAt, parsePath, setAt } from '../state/path.ts';

/**
 * Top-level fields an option may not change. The horizon, seed and replications must be the
 * baseline's for the option's run to be paired with it; the rest describe the file, not the force.
 */
export const FIELDS_OPTIONS_KEEP = [
  'format',
  'schemaVersion',
  'name',
  'description',
  'sources',
  'assumptions',
  'horizonMonths',
  'startMonth',
  'seed',
  'replications',
  'options',
] as const;

/** The scenario without its options: what every option is compared against. */
export function baselineOf(scenario: Scenario): Scenario {
  const { options: _options, ...baseline } = scenario;
  return baseline;
}

/**
 * The baseline with one option's changes made, checked as a whole scenario. Problems name the
 * option (`options[1]`) and the field in the words of the file check, so a planner can find both.
 */
export function applyOption(
  scenario: Scenario,
  option: ScenarioOption,
  index = (scenario.options ?? []).indexOf(option),
): Result<Scenario> {
  const at = `options[${Math.max(0, index)}]`;
  const refuse = (path: string, message: string): Result<Scenario> => ({
    ok: false,
    problems: [{ path, message: `option “${option.name}”: ${message}` }],
  });
  let changed: unknown = baselineOf(scenario);
  for (const [c, change] of option.changes.entries()) {
    const keys = parsePath(change.field);
    const where = `${at}.changes[${c}].field`;
    const top = keys[0];
    if (typeof top !== 'string' || (FIELDS_OPTIONS_KEEP as readonly string[]).includes(top)) {
      return refuse(
        where,
        `“${change.field}” cannot be changed by an option: every option keeps the baseline’s horizon, seed and replications, so that it can be compared with it. Change it for the whole scenario, or remove this change.`,
      );
    }
    const parent = getAt(changed, keys.slice(0, -1));
    const last = keys[keys.length - 1]!;
    const missing =
      parent === null ||
      typeof parent !== 'object' ||
      (Array.isArray(parent)
        ? typeof last !== 'number' || last > parent.length
        : typeof last !== 'string');
    if (missing) {
      return refuse(
        where,
        `there is no field “${change.field}” in this scenario (was a unit, role or stream removed?). Remove this change or correct its field.`,
      );
    }
    changed = setAt(changed, keys, change.value === null ? undefined : change.value);
  }
  const parsed = scenarioSchema.safeParse(changed);
  if (!parsed.success) {
    const first = issuesToProblems(parsed.error.issues, changed)[0]!;
    return refuse(at, `${first.path}: ${first.message}`);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) return refuse(at, `${problems[0]!.path}: ${problems[0]!.message}`);
  return { ok: true, value: parsed.data, warnings: [] };
}

/** Every option's name must differ from the others', and every option must give a valid scenario. */
export function checkOptions(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const names = new Set<string>();
  for (const [i, option] of (scenario.options ?? []).entries()) {
    const key = option.name.trim().toLowerCase();
    if (names.has(key)) {
      problems.push({
        path: `options[${i}].name`,
        message: `“${option.name}” is the name of another option; give each option its own name.`,
      });
    }
    names.add(key);
    const applied = applyOption(scenario, option, i);
    if (!applied.ok) problems.push(...applied.problems);
  }
  return problems;
}

/** The options chosen by name (all when none are named); an unknown name is an error naming those there are. */
export function chooseOptions(scenario: Scenario, names: readonly string[]): ScenarioOption[] {
  const options = scenario.options ?? [];
  if (names.length === 0) return options;
  return names.map((name) => {
    const found = options.find((o) => o.name === name);
    if (found) return found;
    const known = options.map((o) => `“${o.name}”`).join(', ');
    throw new Error(
      options.length === 0
        ? `The scenario has no options, so there is no option “${name}”. Add options to the file first.`
        : `The scenario has no option “${name}”. Its options are ${known}.`,
    );
  });
}
