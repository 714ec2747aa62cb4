import type { StorageLike } from '../files/drafts.ts';
import { validateScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';

export const LAST_SAVED_KEY = 'shortfall.saved.v1';

/**
 * The scenario this tab last saved to a file or opened, kept in the tab's session storage, so
 * a reload shows the planner's own work rather than a built-in scenario. Only a scenario that
 * matches a file is kept here; unsaved changes are the drafts' business.
 */
export class LastSaved {
  private storage: StorageLike | undefined;

  attach(storage: StorageLike): void {
    this.storage = storage;
  }

  keep(scenario: ScenarioInput, origin: string): void {
    try {
      this.storage?.setItem(LAST_SAVED_KEY, JSON.stringify({ origin, scenario }));
    } catch {
      // Storage full or refused: a reload then shows the built-in scenario, as before.
      this.forget();
    }
  }

  forget(): void {
    try {
      this.storage?.removeItem(LAST_SAVED_KEY);
    } catch {
      // Nothing kept that could be shown.
    }
  }

  /** The kept scenario, checked as a file is; undefined when none is kept or it fails. */
  read(): { scenario: Scenario; origin: string } | undefined {
    let text: string | null | undefined;
    try {
      text = this.storage?.getItem(LAST_SAVED_KEY);
    } catch {
      return undefined;
    }
    if (!text) return undefined;
    try {
      const record = JSON.parse(text) as { origin?: unknown; scenario?: unknown };
      const result = validateScenario(record.scenario);
      if (!result.ok || typeof record.origin !== 'string') return undefined;
      return { scenario: result.value, origin: record.origin };
    } catch {
      return undefined;
    }
  }
}
