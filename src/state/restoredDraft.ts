import type { StoredDraft } from '../files/drafts.ts';
import { LIMITS } from '../scenario/limits.ts';
import { validateScenario } from '../scenario/parse.ts';
import type { Problem } from '../scenario/problem.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { parseStrictJson } from '../scenario/strictJson.ts';
import { fieldInfo } from './fieldInfo.ts';
import { getAt, parsePath } from './path.ts';

/** A stored draft that passed its checks, ready to show. */
export interface RestoredDraft {
  key: string;
  scenario: ScenarioInput;
  savedAt: Date;
  origin: string;
}

/** A draft that failed, with what was read of its scenario (for the names in messages). */
export type DraftCheck =
  { ok: true; draft: RestoredDraft } | { ok: false; problems: Problem[]; file?: unknown };

/**
 * Reads a stored draft as a file is read: strict JSON within the file limits, then the format,
 * version, schema and cross-checks. A draft passes whole, or with problems only in values the
 * editor shows at their fields (a number half typed, a box left empty), as it stood when the tab
 * closed. Anything else (not JSON, not a scenario, a newer version, a part missing or misshapen)
 * fails, so a damaged draft is never shown half-way.
 */
export function checkDraft(stored: StoredDraft): DraftCheck {
  const refuse = (message: string): DraftCheck => ({
    ok: false,
    problems: [{ path: '(draft)', message }],
  });
  if (stored.text.length > LIMITS.fileBytes) return refuse('is larger than any scenario file.');
  const json = parseStrictJson(stored.text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const record = json.value;
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return refuse('is not a draft saved by Shortfall.');
  const savedAt = new Date(typeof record.savedAt === 'string' ? record.savedAt : NaN);
  if (Number.isNaN(savedAt.getTime()) || typeof record.origin !== 'string')
    return refuse('does not say when or from what it was saved.');
  const raw = record.scenario;
  const validation = validateScenario(raw);
  let scenario: ScenarioInput;
  if (validation.ok) scenario = validation.value;
  else if (validation.problems.every((p) => inPlace(raw, p)))
    // A plain copy: the strict parser builds objects without a prototype.
    scenario = JSON.parse(JSON.stringify(raw)) as ScenarioInput;
  else return { ok: false, problems: validation.problems, file: raw };
  return { ok: true, draft: { key: stored.key, scenario, savedAt, origin: record.origin } };
}

/** True when the problem is a value in a field the editor shows, where it can be put right. */
function inPlace(scenario: unknown, problem: Problem): boolean {
  const path = parsePath(problem.path);
  if (path.length === 0) return false;
  const parentPath = path.slice(0, -1);
  const parent = getAt(scenario, parentPath);
  const value = getAt(scenario, path);
  const isContainer = (v: unknown) => v !== null && typeof v === 'object';
  if (!isContainer(parent) || isContainer(value)) return false;
  return fieldInfo(path) !== undefined || (parentPath.length > 0 && !!fieldInfo(parentPath));
}
