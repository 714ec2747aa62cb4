import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { applyDemand, demandCsv, readDemand } from '../../src/state/demandCsv.ts';

const input = () => structuredClone(mps) as ScenarioInput;
const UNIT = 'Metropolitan Police Service';

describe('pasting demand streams', () => {
  it('names each bad row by line and says why', () => {
    const text = [
      'Unit\tDemand stream\tKind\tWorked by\tCases per month\tHours per suspect or product',
      `${UNIT}\tCounter-terrorism referrals\tSuspects\tFinancial investigator\t12\tlognormal 20 50`,
      `Kent Police\tFraud\tSuspects\tFinancial investigator\t5\t10`,
      `${UNIT}\tBribery\tWidgets\tFinancial investigator\t5\t10`,
      `${UNIT}\tCyber\tSuspects\tFinancial investigator\tlots\t10`,
    ].join('\n');
    const pasted = readDemand(text, input());
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows.map((r) => [r.line, r.problems.length > 0])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, true],
    ]);
    expect(pasted.rows[1]!.problems.join()).toContain('no unit is called “Kent Police”');
    expect(pasted.rows[2]!.problems.join()).toContain('Kind “Widgets”');
    expect(pasted.rows[3]!.problems.join()).toContain('Cases per month “lots”');
  });

  it('adds and updates streams, and stays valid', () => {
    const text = [
      'Unit,Demand stream,Cases per month,Hours per suspect or product,Share holding assets',
      `${UNIT},Drug supply arrests,poisson 300,,30%`,
      `${UNIT},Bribery,4,25,10%`,
    ].join('\n');
    const pasted = readDemand(text, input());
    expect(pasted.rows.every((r) => r.problems.length === 0)).toBe(true);
    const after = applyDemand(input(), pasted.rows);
    const streams = after.units![0]!.demand!;
    expect(streams[0]!.casesPerMonth).toEqual({ dist: 'poisson', mean: 300 });
    expect(streams[0]!.assetProbability).toBe(0.3);
    expect(streams.at(-1)).toMatchObject({ name: 'Bribery', casesPerMonth: 4, hoursPerItem: 25 });
    const check = validateScenario(after);
    expect(check.ok ? [] : check.problems).toEqual([]);
  });

  it('reads its own export back to the same scenario', () => {
    const csv = demandCsv(input());
    const pasted = readDemand(csv, input());
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows.every((r) => r.problems.length === 0 && r.action === 'updates')).toBe(true);
    const again = validateScenario(applyDemand(input(), pasted.rows));
    const original = validateScenario(input());
    expect(again.ok && again.value).toEqual(original.ok && original.value);
  });
});
