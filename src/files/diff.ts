import type { z } from 'zod';
import type { Distribution } from '../scenario/distribution.ts';
import {
  demandStreamSchema,
  financeSchema,
  policySchema,
  roleSchema,
  scenarioSchema,
  staffGroupSchema,
  unitSchema,
  type Scenario,
} from '../scenario/schema.ts';

/**
 * "What changed" between two scenarios, one readable line per difference, in the words the
 * editor uses (each field's title from the schema), e.g.
 * `Metropolitan Police Service · Financial investigator · Posts: 329 → 389`.
 * Roles, units, staff groups and demand streams are matched by id (staff groups by role), so a
 * reordered list is not a change.
 */
export function diffScenarios(before: Scenario, after: Scenario): string[] {
  const out: string[] = [];
  const top = scenarioSchema.shape;
  for (const key of ['name', 'horizonMonths', 'seed', 'replications'] as const) {
    fieldChange(out, '', top[key], before[key], after[key]);
  }
  if (before.description !== after.description) out.push('Description changed');
  listChange(out, 'Sources', before.sources, after.sources);
  listChange(out, 'Assumptions', before.assumptions, after.assumptions);

  const roleName = (id: string) =>
    (after.roles.find((r) => r.id === id) ?? before.roles.find((r) => r.id === id))?.name ?? id;
  matchById(
    before.roles,
    after.roles,
    (r) => r.id,
    (r) => out.push(`Role added: ${r.name}`),
    (r) => out.push(`Role removed: ${r.name}`),
    (a, b) => objectChanges(out, b.name, roleSchema.shape, a, b, ['id']),
  );
  matchById(
    before.units,
    after.units,
    (u) => u.id,
    (u) => out.push(`Unit added: ${u.name}`),
    (u) => out.push(`Unit removed: ${u.name}`),
    (a, b) => {
      objectChanges(out, b.name, unitSchema.shape, a, b, ['id', 'staff', 'demand']);
      matchById(
        a.staff,
        b.staff,
        (g) => g.role,
        (g) => out.push(`${b.name}: staff added for ${roleName(g.role)}`),
        (g) => out.push(`${b.name}: staff removed for ${roleName(g.role)}`),
        (ga, gb) =>
          objectChanges(out, `${b.name} · ${roleName(gb.role)}`, staffGroupSchema.shape, ga, gb, [
            'role',
          ]),
      );
      matchById(
        a.demand,
        b.demand,
        (s) => s.id,
        (s) => out.push(`${b.name}: demand added: ${s.name}`),
        (s) => out.push(`${b.name}: demand removed: ${s.name}`),
        (sa, sb) =>
          objectChanges(out, `${b.name} · ${sb.name}`, demandStreamSchema.shape, sa, sb, ['id']),
      );
    },
  );
  objectChanges(out, 'Triage policy', policySchema.shape, before.policy, after.policy, []);
  objectChanges(out, 'Money', financeSchema.shape, before.finance, after.finance, []);
  return out;
}

type Shape = Record<string, z.ZodType>;

function objectChanges<T extends object>(
  out: string[],
  context: string,
  shape: Shape,
  a: T,
  b: T,
  skip: readonly string[],
): void {
  const av = a as Record<string, unknown>;
  const bv = b as Record<string, unknown>;
  for (const key of Object.keys(shape)) {
    if (skip.includes(key)) continue;
    const schema = shape[key]!;
    const nested = nestedShape(schema);
    if (nested && isRecord(av[key]) && isRecord(bv[key])) {
      objectChanges(out, context, nested, av[key], bv[key], []);
    } else {
      fieldChange(out, context, schema, av[key], bv[key], key);
    }
  }
}

function fieldChange(
  out: string[],
  context: string,
  schema: z.ZodType,
  a: unknown,
  b: unknown,
  key = '',
): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const title = (schema.meta()?.title as string | undefined) ?? key;
  const prefix = context ? `${context} · ${title}` : title;
  if (isDistributionValue(a) && isDistributionValue(b) && (isObject(a) || isObject(b))) {
    out.push(`${prefix}: changed from ${describeChange(a, b)}`);
  } else {
    out.push(`${prefix}: ${show(a)} → ${show(b)}`);
  }
}

/** Only the parts of a distribution that changed, e.g. "typical 30 to typical 40". */
function describeChange(a: Distribution, b: Distribution): string {
  const pa = parts(a);
  const pb = parts(b);
  if (kindOf(a) === kindOf(b)) {
    const changed = pa.map((p, i) => [p, pb[i]!] as const).filter(([x, y]) => x !== y);
    return `${changed.map(([x]) => x).join(', ')} to ${changed.map(([, y]) => y).join(', ')}`;
  }
  return `${pa.join(', ')} to ${pb.join(', ')}`;
}

function kindOf(d: Distribution): string {
  return typeof d === 'number' ? 'fixed' : d.dist;
}

function parts(d: Distribution): string[] {
  const n = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 4 });
  if (typeof d === 'number') return [`exactly ${n(d)}`];
  switch (d.dist) {
    case 'fixed':
      return [`exactly ${n(d.value)}`];
    case 'poisson':
      return [`on average ${n(d.mean + (d.shift ?? 0))}`];
    case 'negbin':
      return [`on average ${n(d.mean + (d.shift ?? 0))}`, `dispersion ${n(d.dispersion)}`];
    case 'lognormal':
      return [`typical ${n(d.median)}`, `1 in 10 above ${n(d.p90)}`];
    case 'uniform':
      return [`from ${n(d.min)}`, `up to ${n(d.max)}`];
    case 'triangular':
    case 'pert':
      return [`from ${n(d.min)}`, `most likely ${n(d.mode)}`, `up to ${n(d.max)}`];
    case 'normal':
    case 'gamma':
      return [`on average ${n(d.mean)}`, `give or take ${n(d.sd)}`];
  }
}

function listChange(out: string[], title: string, a: readonly unknown[], b: readonly unknown[]) {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  out.push(
    a.length === b.length
      ? `${title} changed`
      : `${title} changed (${a.length} → ${b.length} entries)`,
  );
}

function matchById<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  added: (item: T) => void,
  removed: (item: T) => void,
  both: (a: T, b: T) => void,
): void {
  const old = new Map(before.map((item) => [idOf(item), item]));
  const now = new Set(after.map(idOf));
  for (const item of before) if (!now.has(idOf(item))) removed(item);
  for (const item of after) {
    const previous = old.get(idOf(item));
    if (previous === undefined) added(item);
    else both(previous, item);
  }
}

function nestedShape(schema: z.ZodType): Shape | null {
  // Objects with defaults (recruitment) are wrapped; unwrap to their fields.
  let s: unknown = schema;
  for (let i = 0; i < 4 && s; i++) {
    const def = (s as { def?: { type?: string; shape?: Shape; innerType?: unknown } }).def;
    if (def?.type === 'object' && def.shape) return def.shape;
    s = def?.innerType;
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isObject(v: unknown): boolean {
  return isRecord(v);
}

function isDistributionValue(v: unknown): v is Distribution {
  return typeof v === 'number' || (isRecord(v) && typeof v.dist === 'string');
}

function show(v: unknown): string {
  if (v === undefined || v === null) return 'none';
  if (typeof v === 'number') return v.toLocaleString('en-GB', { maximumFractionDigits: 4 });
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
