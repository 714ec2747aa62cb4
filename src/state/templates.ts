import { scenarioSchema, type ScenarioInput } from '../scenario/schema.ts';
import { blankScenario } from './structure.ts';

/** A starting point offered by "New scenario": a shape to fill in, with no figures of its own. */
export interface Template {
  id: string;
  title: string;
  make: () => ScenarioInput;
}

const PLACEHOLDER =
  'Template: every figure here is a placeholder of zero, to be replaced with the force’s own.';

type Unit = NonNullable<ScenarioInput['units']>[number];
const group = (role: string) => ({ role, establishment: 0, inPost: 0, inTraining: 0 });
const stream = (
  id: string,
  name: string,
  kind: 'suspects' | 'products',
  role: string,
): NonNullable<Unit['demand']>[number] => ({
  id,
  name,
  kind,
  role,
  casesPerMonth: 0,
  hoursPerItem: 1,
});

function forceWithThreeRoles(): ScenarioInput {
  return {
    ...blankScenario(),
    name: 'A force: financial investigators, intelligence officers and analysts',
    roles: [
      { id: 'fi', name: 'Financial investigator' },
      { id: 'fio', name: 'Financial intelligence officer' },
      { id: 'analyst', name: 'Intelligence analyst' },
    ],
    units: [
      {
        id: 'force',
        name: 'The force',
        staff: [group('fi'), group('fio'), group('analyst')],
        demand: [
          stream('referrals', 'Suspects referred for financial investigation', 'suspects', 'fi'),
          stream('intelligence', 'Financial intelligence requests', 'products', 'fio'),
          stream('analysis', 'Analytical products', 'products', 'analyst'),
        ],
      },
    ],
    assumptions: [
      { field: 'units', note: PLACEHOLDER },
      { field: 'roles', note: 'Template: role settings are the format’s defaults.' },
    ],
  };
}

function regionalPool(): ScenarioInput {
  const force = (id: string, name: string): Unit => ({
    id,
    name,
    pool: 'region',
    staff: [group('fi'), group('analyst')],
    demand: [stream(`${id}-suspects`, `${name}: suspects referred`, 'suspects', 'fi')],
  });
  return {
    ...blankScenario(),
    name: 'A regional unit pooled from three forces',
    roles: [
      { id: 'fi', name: 'Financial investigator' },
      { id: 'analyst', name: 'Intelligence analyst' },
    ],
    units: [force('force-a', 'Force A'), force('force-b', 'Force B'), force('force-c', 'Force C')],
    assumptions: [
      { field: 'units', note: PLACEHOLDER },
      { field: 'roles', note: 'Template: role settings are the format’s defaults.' },
    ],
  };
}

/** Every default written out, so the editor shows each figure the engine will use. */
function withDefaults(input: ScenarioInput): ScenarioInput {
  return scenarioSchema.parse(input);
}

export const TEMPLATES: readonly Template[] = [
  { id: 'blank', title: 'Blank: one role, one unit', make: blankScenario },
  {
    id: 'force',
    title: 'A force with financial investigators, intelligence officers and analysts',
    make: () => withDefaults(forceWithThreeRoles()),
  },
  {
    id: 'regional',
    title: 'A regional unit pooled from several forces',
    make: () => withDefaults(regionalPool()),
  },
];
