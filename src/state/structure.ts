import {
  demandStreamSchema,
  FORMAT,
  roleSchema,
  scenarioSchema,
  SCHEMA_VERSION,
  staffGroupSchema,
  type ScenarioInput,
} from '../scenario/schema.ts';
import { fieldLabel } from './fieldLabel.ts';
import { isWithin, moveMap, remapFigurePaths, removeMap } from './figurePaths.ts';

/**
 * The scenario's structure as the planner changes it: units, roles, staff groups and demand
 * streams added, copied, moved and removed. Each edit is a pure function giving a new scenario;
 * ids are made from names and kept unique, and the paths sources and assumptions give for
 * figures follow the items they name.
 */

type Unit = NonNullable<ScenarioInput['units']>[number];
type Role = NonNullable<ScenarioInput['roles']>[number];
type StaffGroup = Unit['staff'][number];
type Stream = NonNullable<Unit['demand']>[number];

/** An id from a name, unique among `taken`: "Financial investigator" → "financial-investigator". */
export function idFrom(name: string, taken: Iterable<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A name not yet used among `names`: "New unit", then "New unit 2". */
export function freshName(base: string, names: Iterable<string>): string {
  const used = new Set(names);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

const units = (input: ScenarioInput): Unit[] => input.units ?? [];
const roles = (input: ScenarioInput): Role[] => input.roles ?? [];
const allStreamIds = (input: ScenarioInput) =>
  units(input).flatMap((u) => (u.demand ?? []).map((s) => s.id));

/**
 * New items are written with every default filled in, so the editor shows each figure the
 * engine will use rather than an empty box.
 */
function emptyGroup(role: string): StaffGroup {
  return staffGroupSchema.parse({ role, establishment: 0, inPost: 0 });
}

/** A scenario with one role and one unit and nothing else, every figure still to be given. */
export function blankScenario(): ScenarioInput {
  return scenarioSchema.parse({
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    name: 'New scenario',
    description: '',
    sources: [],
    assumptions: [],
    roles: [{ id: 'financial-investigator', name: 'Financial investigator' }],
    units: [
      {
        id: 'unit',
        name: 'Unit',
        staff: [emptyGroup('financial-investigator')],
        demand: [],
      },
    ],
  });
}

export function addUnit(input: ScenarioInput): ScenarioInput {
  const name = freshName(
    'New unit',
    units(input).map((u) => u.name),
  );
  const firstRole = roles(input)[0]?.id;
  const unit: Unit = {
    id: idFrom(
      name,
      units(input).map((u) => u.id),
    ),
    name,
    staff: firstRole ? [emptyGroup(firstRole)] : [],
    demand: [],
  };
  return { ...input, units: [...units(input), unit] };
}

export function duplicateUnit(input: ScenarioInput, u: number): ScenarioInput {
  const from = units(input)[u];
  if (!from) return input;
  const name = freshName(
    `Copy of ${from.name}`,
    units(input).map((x) => x.name),
  );
  const taken = allStreamIds(input);
  const demand = (from.demand ?? []).map((s) => {
    const id = idFrom(`${s.id}-copy`, taken);
    taken.push(id);
    return { ...structuredClone(s), id };
  });
  const { pool: _pool, ...rest } = structuredClone(from);
  const copy: Unit = {
    ...rest,
    id: idFrom(
      name,
      units(input).map((x) => x.id),
    ),
    name,
    demand,
  };
  const list = [...units(input)];
  list.splice(u + 1, 0, copy);
  const moved = remapFigurePaths(input, 'units', (i) => (i > u ? i + 1 : i));
  return withAssumption(
    { ...moved, units: list },
    `units[${u + 1}]`,
    `Copied from ${from.name}: no published figures for this unit.`,
  );
}

export function moveUnit(input: ScenarioInput, from: number, to: number): ScenarioInput {
  return moveIn(input, 'units', units(input), from, to, (list) => ({ units: list }));
}

/** Removes unit `u`; a pool it leaves with one unit ends, as setPartner ends one. */
export function removeUnit(input: ScenarioInput, u: number): ScenarioInput {
  const pool = units(input)[u]?.pool;
  const list = units(input)
    .filter((_, i) => i !== u)
    .map((x) => {
      if (!pool || x.pool !== pool) return x;
      if (units(input).filter((y) => y.pool === pool).length > 2) return x;
      const { pool: _pool, ...alone } = x;
      return alone;
    });
  return { ...remapFigurePaths(input, 'units', removeMap(new Set([u]))), units: list };
}

export function addRole(input: ScenarioInput): ScenarioInput {
  const name = freshName(
    'New role',
    roles(input).map((r) => r.name),
  );
  const role: Role = roleSchema.parse({
    id: idFrom(
      name,
      roles(input).map((r) => r.id),
    ),
    name,
  });
  return { ...input, roles: [...roles(input), role] };
}

export function duplicateRole(input: ScenarioInput, r: number): ScenarioInput {
  const from = roles(input)[r];
  if (!from) return input;
  const name = freshName(
    `Copy of ${from.name}`,
    roles(input).map((x) => x.name),
  );
  const copy = {
    ...structuredClone(from),
    name,
    id: idFrom(
      name,
      roles(input).map((x) => x.id),
    ),
  };
  const list = [...roles(input)];
  list.splice(r + 1, 0, copy);
  const moved = remapFigurePaths(input, 'roles', (i) => (i > r ? i + 1 : i));
  return withAssumption(
    { ...moved, roles: list },
    `roles[${r + 1}]`,
    `Copied from ${from.name}: no published figures for this role.`,
  );
}

export function moveRole(input: ScenarioInput, from: number, to: number): ScenarioInput {
  return moveIn(input, 'roles', roles(input), from, to, (list) => ({ roles: list }));
}

/** A role goes with its staff groups and the demand streams it works. */
export function removeRole(input: ScenarioInput, r: number): ScenarioInput {
  const role = roles(input)[r];
  if (!role) return input;
  let out = remapFigurePaths(input, 'roles', removeMap(new Set([r])));
  out = { ...out, roles: roles(input).filter((_, i) => i !== r) };
  units(input).forEach((unit, u) => {
    const groups = new Set<number>();
    unit.staff.forEach((g, s) => g.role === role.id && groups.add(s));
    const streams = new Set<number>();
    (unit.demand ?? []).forEach((d, s) => d.role === role.id && streams.add(s));
    out = remapFigurePaths(out, `units[${u}].staff`, removeMap(groups));
    out = remapFigurePaths(out, `units[${u}].demand`, removeMap(streams));
  });
  return {
    ...out,
    units: units(input).map((unit) => ({
      ...unit,
      staff: unit.staff.filter((g) => g.role !== role.id),
      demand: (unit.demand ?? []).filter((d) => d.role !== role.id),
    })),
  };
}

/**
 * What a removal takes with it and what it leaves changed, in words, for the planner to confirm
 * before anything goes. Both empty: nothing else refers to the item, and it goes unasked.
 */
export interface RemovalEffects {
  /** Removed with the item: staff groups, demand streams, notes in the register, option changes. */
  goes: string[];
  /** Left standing but changed: a stream with no staff left to work it, a pool that ends. */
  changes: string[];
}

/** What else goes when role `r` is removed: its staff and the streams it works, everywhere. */
export function roleRemovalEffects(input: ScenarioInput, r: number): RemovalEffects {
  const role = roles(input)[r];
  if (!role) return { goes: [], changes: [] };
  const goes: string[] = [];
  const places = [`roles[${r}]`];
  units(input).forEach((unit, u) => {
    unit.staff.forEach((g, s) => {
      if (g.role !== role.id) return;
      goes.push(`${unit.name}: the ${role.name} staff`);
      places.push(`units[${u}].staff[${s}]`);
    });
    (unit.demand ?? []).forEach((d, s) => {
      if (d.role !== role.id) return;
      goes.push(`${unit.name}: the demand stream “${d.name}”`);
      places.push(`units[${u}].demand[${s}]`);
    });
  });
  return { goes: [...goes, ...referencesTo(input, places)], changes: [] };
}

/** What else goes when unit `u` is removed: its staff groups and demand streams, in words. */
export function unitRemovalEffects(input: ScenarioInput, u: number): RemovalEffects {
  const unit = units(input)[u];
  if (!unit) return { goes: [], changes: [] };
  const goes = [
    ...unit.staff.map((g) => `the ${roleName(input, g.role)} staff`),
    ...(unit.demand ?? []).map((d) => `the demand stream “${d.name}”`),
    ...referencesTo(input, [`units[${u}]`]),
  ];
  const partners = unit.pool ? units(input).filter((x, i) => i !== u && x.pool === unit.pool) : [];
  const changes =
    partners.length === 0
      ? []
      : [
          partners.length === 1
            ? `${partners[0]!.name} no longer shares staff and work with it, and works on its own`
            : `${listed(partners.map((x) => x.name))} no longer share its staff and work`,
        ];
  return { goes, changes };
}

/**
 * What else a removed staff group affects: the streams of its role in the unit lose the staff
 * who work them (others in the unit's pool may still), and notes and options about it go.
 */
export function staffGroupRemovalEffects(
  input: ScenarioInput,
  u: number,
  s: number,
): RemovalEffects {
  const unit = units(input)[u];
  const group = unit?.staff[s];
  if (!unit || !group) return { goes: [], changes: [] };
  const role = roleName(input, group.role);
  const helpers = unit.pool
    ? units(input).filter(
        (x, i) => i !== u && x.pool === unit.pool && x.staff.some((g) => g.role === group.role),
      )
    : [];
  const changes = (unit.demand ?? [])
    .filter((d) => d.role === group.role)
    .map((d) =>
      helpers.length > 0
        ? `the demand stream “${d.name}” is then worked only by the ${role} staff of ${listed(helpers.map((x) => x.name))}, who share the work`
        : `the demand stream “${d.name}” is left with no ${role} staff to work it: its cases wait and are never examined`,
    );
  return { goes: referencesTo(input, [`units[${u}].staff[${s}]`]), changes };
}

/** What else goes when a demand stream is removed: notes and options about it. */
export function streamRemovalEffects(input: ScenarioInput, u: number, d: number): RemovalEffects {
  if (!units(input)[u]?.demand?.[d]) return { goes: [], changes: [] };
  return { goes: referencesTo(input, [`units[${u}].demand[${d}]`]), changes: [] };
}

/** Notes in the register and options' changes about anything at `places`, in words. */
function referencesTo(input: ScenarioInput, places: readonly string[]): string[] {
  const about = (field: string) => places.some((p) => isWithin(field, p));
  const out: string[] = [];
  const notes = (input.assumptions ?? []).filter((a) => about(a.field));
  const label = (field: string) => `“${fieldLabel(input, field)}”`;
  if (notes.length === 1)
    out.push(`the note in the assumptions register on ${label(notes[0]!.field)}`);
  else if (notes.length > 1)
    out.push(
      `${notes.length} notes in the assumptions register, on ${notes.map((a) => label(a.field)).join(', ')}`,
    );
  for (const option of input.options ?? []) {
    const lost = option.changes.filter((c) => about(c.field));
    if (lost.length === 0) continue;
    out.push(
      lost.length === option.changes.length
        ? `the option “${option.name}”, all of whose changes are to it`
        : `from the option “${option.name}”, its ${lost.length === 1 ? 'change' : 'changes'} to ${lost.map((c) => label(c.field)).join(', ')}`,
    );
  }
  return out;
}

const roleName = (input: ScenarioInput, id: string) =>
  roles(input).find((r) => r.id === id)?.name ?? id;

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    : (names[0] ?? '');
}

/** Roles a unit has no staff group for yet: those an added staff group may be for. */
export function rolesWithoutStaff(input: ScenarioInput, u: number): Role[] {
  const have = new Set((units(input)[u]?.staff ?? []).map((g) => g.role));
  return roles(input).filter((r) => !have.has(r.id));
}

export function addStaffGroup(input: ScenarioInput, u: number, role: string): ScenarioInput {
  return updateUnit(input, u, (unit) => ({ ...unit, staff: [...unit.staff, emptyGroup(role)] }));
}

export function removeStaffGroup(input: ScenarioInput, u: number, s: number): ScenarioInput {
  const out = remapFigurePaths(input, `units[${u}].staff`, removeMap(new Set([s])));
  return updateUnit(out, u, (unit) => ({
    ...unit,
    staff: unit.staff.filter((_, i) => i !== s),
  }));
}

export function moveStaffGroup(
  input: ScenarioInput,
  u: number,
  from: number,
  to: number,
): ScenarioInput {
  const unit = units(input)[u];
  if (!unit) return input;
  return moveIn(input, `units[${u}].staff`, unit.staff, from, to, (staff) => ({
    units: units(input).map((x, i) => (i === u ? { ...x, staff } : x)),
  }));
}

export function addDemandStream(input: ScenarioInput, u: number): ScenarioInput {
  const unit = units(input)[u];
  if (!unit) return input;
  const name = freshName(
    'New demand stream',
    (unit.demand ?? []).map((d) => d.name),
  );
  const stream: Stream = demandStreamSchema.parse({
    id: idFrom(`${unit.id}-${name}`, allStreamIds(input)),
    name,
    kind: 'suspects',
    role: unit.staff[0]?.role ?? roles(input)[0]?.id ?? '',
    casesPerMonth: 0,
    hoursPerItem: 1,
  });
  return updateUnit(input, u, (x) => ({ ...x, demand: [...(x.demand ?? []), stream] }));
}

export function duplicateDemandStream(input: ScenarioInput, u: number, d: number): ScenarioInput {
  const from = units(input)[u]?.demand?.[d];
  if (!from) return input;
  const name = freshName(
    `Copy of ${from.name}`,
    (units(input)[u]?.demand ?? []).map((x) => x.name),
  );
  const copy = { ...structuredClone(from), name, id: idFrom(name, allStreamIds(input)) };
  const moved = remapFigurePaths(input, `units[${u}].demand`, (i) => (i > d ? i + 1 : i));
  const out = updateUnit(moved, u, (x) => {
    const list = [...(x.demand ?? [])];
    list.splice(d + 1, 0, copy);
    return { ...x, demand: list };
  });
  return withAssumption(
    out,
    `units[${u}].demand[${d + 1}]`,
    `Copied from ${from.name}: no published figures for this stream.`,
  );
}

export function moveDemandStream(
  input: ScenarioInput,
  u: number,
  from: number,
  to: number,
): ScenarioInput {
  const unit = units(input)[u];
  if (!unit) return input;
  return moveIn(input, `units[${u}].demand`, unit.demand ?? [], from, to, (demand) => ({
    units: units(input).map((x, i) => (i === u ? { ...x, demand } : x)),
  }));
}

export function removeDemandStream(input: ScenarioInput, u: number, d: number): ScenarioInput {
  const out = remapFigurePaths(input, `units[${u}].demand`, removeMap(new Set([d])));
  return updateUnit(out, u, (x) => ({ ...x, demand: (x.demand ?? []).filter((_, i) => i !== d) }));
}

/** Units grouped by the pool they share, in unit order; a unit on its own is a group of one. */
export function poolGroups(input: ScenarioInput): { pool: string | undefined; units: number[] }[] {
  const groups: { pool: string | undefined; units: number[] }[] = [];
  units(input).forEach((unit, u) => {
    const found = unit.pool ? groups.find((g) => g.pool === unit.pool) : undefined;
    if (found) found.units.push(u);
    else groups.push({ pool: unit.pool, units: [u] });
  });
  return groups;
}

/**
 * Makes unit `u` share staff and work with unit `partner` (joining the partner's pool, or
 * starting one), or, with no partner, puts it on its own. A pool left with one unit ends.
 */
export function setPartner(
  input: ScenarioInput,
  u: number,
  partner: number | undefined,
): ScenarioInput {
  const list = units(input).map((x) => ({ ...x }));
  const unit = list[u];
  if (!unit) return input;
  const oldPool = unit.pool;
  if (partner === undefined || !list[partner] || partner === u) {
    delete unit.pool;
  } else {
    const other = list[partner];
    const pool =
      other.pool ??
      idFrom(
        `${other.id}-pool`,
        list.flatMap((x) => (x.pool ? [x.pool] : [])),
      );
    other.pool = pool;
    unit.pool = pool;
  }
  if (oldPool && oldPool !== unit.pool) {
    const left = list.filter((x) => x.pool === oldPool);
    if (left.length === 1) delete left[0]!.pool;
  }
  return { ...input, units: list };
}

/** Adds or replaces the register's note on `field`. */
export function withAssumption(input: ScenarioInput, field: string, note: string): ScenarioInput {
  const others = (input.assumptions ?? []).filter((a) => a.field !== field);
  return { ...input, assumptions: [...others, { field, note }] };
}

function updateUnit(input: ScenarioInput, u: number, change: (unit: Unit) => Unit): ScenarioInput {
  return { ...input, units: units(input).map((x, i) => (i === u ? change(x) : x)) };
}

function moveIn<T>(
  input: ScenarioInput,
  path: string,
  list: readonly T[],
  from: number,
  to: number,
  place: (list: T[]) => Partial<ScenarioInput>,
): ScenarioInput {
  if (from === to || to < 0 || to >= list.length || !list[from]) return input;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return { ...remapFigurePaths(input, path, moveMap(from, to)), ...place(next) };
}
