import { validateScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import mpsFinancialInvestigators from '../../scenarios/mps-financial-investigators.json';
import mpsOrganisedCrimeHub from '../../scenarios/mps-organised-crime-hub.json';
import mpsAnalysts from '../../scenarios/mps-analysts.json';
import londonSeparateSius from '../../scenarios/london-sensitive-intelligence-units.json';
import londonPooledSiu from '../../scenarios/london-regional-siu-pooled.json';

/** A scenario shipped with Shortfall, for the app's picker. */
export interface BuiltInScenario {
  id: string;
  title: string;
  /** One line saying what the scenario shows. */
  summary: string;
  /** The file as written; read it with loadBuiltIn, which validates it like any other file. */
  file: unknown;
}

export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  {
    id: 'mps-financial-investigators',
    title: 'Metropolitan Police: financial investigators',
    summary: '329 posts with 60 vacant: how many suspects are never examined for assets.',
    file: mpsFinancialInvestigators,
  },
  {
    id: 'mps-organised-crime-hub',
    title: 'Metropolitan Police: organised crime hub',
    summary: 'A hub that should have 50 financial investigators and has 8 in post.',
    file: mpsOrganisedCrimeHub,
  },
  {
    id: 'mps-analysts',
    title: 'Metropolitan Police: intelligence analysts',
    summary: '228 posts with 40 vacant, and too few national training places to fill them.',
    file: mpsAnalysts,
  },
  {
    id: 'london-sensitive-intelligence-units',
    title: 'London SIUs: three separate units',
    summary: 'MPS, BTP and City of London each with its own unit (CoLP: 1 supervisor, 1 analyst).',
    file: londonSeparateSius,
  },
  {
    id: 'london-regional-siu-pooled',
    title: 'London SIUs: one regional unit',
    summary: 'The same three units sharing one queue and their staff, as HMICFRS recommends.',
    file: londonPooledSiu,
  },
];

/** Reads a built-in scenario through the same validation as an opened file. */
export function loadBuiltIn(id: string): Scenario {
  const entry = BUILT_IN_SCENARIOS.find((s) => s.id === id);
  if (!entry) throw new Error(`There is no built-in scenario "${id}".`);
  const result = validateScenario(entry.file);
  if (!result.ok) {
    throw new Error(
      `The built-in scenario "${id}" is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  }
  return result.value;
}
