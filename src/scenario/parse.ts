import { checkOptions } from '../options/applyOption.ts';
import { crossCheck } from './crossCheck.ts';
import { decodeFile, tooLarge } from './decodeFile.ts';
import { issuesToProblems } from './issueMessage.ts';
import { LIMITS } from './limits.ts';
import { migrate } from './migrate.ts';
import type { Result } from './problem.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { parseStrictJson, type NumberText } from './strictJson.ts';
import { extractUncertain } from './uncertain.ts';

/**
 * Reading a scenario is parse → migrate → fill defaults and validate → cross-check. Each stage
 * refuses with problems that name the field; nothing is half-read.
 */

/**
 * Validates a value already in memory (from the editor, a share link or JSON.parse); given
 * the file's number texts, messages quote numbers as the file wrote them.
 */
export function validateScenario(value: unknown, numberText?: NumberText): Result<Scenario> {
  const result = checkScenario(value, numberText);
  return result.ok ? result : { ...result, file: value };
}

function checkScenario(value: unknown, numberText?: NumberText): Result<Scenario> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        {
          path: '(top level)',
          message: `must be an object { … } holding a scenario, not ${describeTopLevel(value)}. Is this a Shortfall scenario file?`,
        },
      ],
    };
  }
  const migrated = migrate(value as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const extracted = extractUncertain(migrated.file);
  if (extracted.problems.length > 0) return { ok: false, problems: extracted.problems };
  const parsed = scenarioSchema.safeParse(extracted.file);
  if (!parsed.success)
    return {
      ok: false,
      problems: issuesToProblems(parsed.error.issues, extracted.file, numberText),
    };
  const problems = crossCheck(parsed.data, numberText);
  if (problems.length > 0) return { ok: false, problems };
  const optionProblems = checkOptions(parsed.data);
  if (optionProblems.length > 0) return { ok: false, problems: optionProblems };
  const scenario: Scenario =
    extracted.uncertain.length > 0
      ? { ...parsed.data, uncertain: extracted.uncertain }
      : parsed.data;
  return {
    ok: true,
    value: scenario,
    warnings: migrated.notes.map((message) => ({ path: 'schemaVersion', message })),
  };
}

export function parseScenarioText(text: string): Result<Scenario> {
  const read = parseScenarioJson(text);
  return read.ok ? validateScenario(read.value.json, read.value.numberText) : read;
}

/** A file read as strict JSON, with the text of each number that does not print back as written. */
export interface ParsedJson {
  json: unknown;
  numberText: NumberText;
}

/**
 * The first stage alone: a file's bytes as strict JSON, not yet validated. The app validates in
 * a later task, so a large file is not read in one long one.
 */
export function parseScenarioJson(source: Uint8Array | string): Result<ParsedJson> {
  let text = source;
  if (typeof text !== 'string') {
    const decoded = decodeFile(text);
    if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
    text = decoded.text;
  }
  if (text.length > LIMITS.fileBytes)
    return { ok: false, problems: [{ path: '(file)', message: tooLarge(text.length) }] };
  const json = parseStrictJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  return { ok: true, value: { json: json.value, numberText: json.numberText }, warnings: [] };
}

export function parseScenarioBytes(bytes: Uint8Array): Result<Scenario> {
  const read = parseScenarioJson(bytes);
  return read.ok ? validateScenario(read.value.json, read.value.numberText) : read;
}

function describeTopLevel(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a text value';
  return `a ${typeof value}`;
}
