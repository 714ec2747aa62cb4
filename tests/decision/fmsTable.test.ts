import { describe, expect, it } from 'vitest';
import { NO_SOURCE_NOTE } from '../../src/decision/assumptionsRegister.ts';
import { csvCell, FMS_COLUMNS, fmsCsv, fmsTable } from '../../src/decision/fmsTable.ts';
import { runScenario } from '../../src/engine/run.ts';
import { metricColumn } from '../../src/results/metricInfo.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('FMS table', () => {
  it('has a row per year of the horizon, the last one partial, adding up to the horizon totals', () => {
    const scenario = tinyScenario({ horizonMonths: 30 });
    const run = runScenario(scenario, { seed: 'f', replications: 10 });
    const table = fmsTable(scenario, run.summary(), 'f', '0.1.0');
    expect(table.rows.map((r) => r.label)).toEqual([
      'Year 1 (months 1–12)',
      'Year 2 (months 13–24)',
      'Year 3 (months 25–30)',
    ]);
    // 10 suspects a month, 4 examined by the one investigator.
    expect(table.rows.map((r) => r.cells.suspectsArrived.mean)).toEqual([120, 120, 60]);
    expect(table.rows.map((r) => r.cells.unexaminedSuspects.mean)).toEqual([72, 72, 36]);
    expect(table.rows.map((r) => r.cells.capacityHours.mean)).toEqual([1200, 1200, 600]);
    const sum = (key: 'missedRecovery' | 'missedForceIncome') =>
      table.rows.reduce((s, r) => s + r.cells[key].mean, 0);
    const totals = run.summary().totals;
    expect(sum('missedRecovery')).toBeCloseTo(totals.missedRecovery.mean, 0);
    expect(sum('missedForceIncome')).toBeCloseTo(totals.missedForceIncome.mean, 0);
    for (const r of table.rows) {
      expect(r.cells.missedRecovery.p05).toBeLessThanOrEqual(r.cells.missedRecovery.mean);
      expect(r.cells.missedRecovery.p95).toBeGreaterThanOrEqual(r.cells.missedRecovery.mean);
    }
  });

  it('registers stated assumptions and every input no source cites, and leaves cited ones out', () => {
    const scenario = tinyScenario();
    const table = fmsTable(
      scenario,
      runScenario(scenario, { seed: 'f', replications: 2 }).summary(),
      'f',
      'v',
    );
    const fields = table.assumptions.map((a) => a.field);
    expect(table.assumptions[0]).toMatchObject({
      field: 'units[0].demand',
      note: 'Made up for the test.',
    });
    expect(fields).not.toContain('units[0].staff[0].inPost');
    expect(fields).not.toContain('units[0].demand[0].hoursPerItem');
    const attrition = table.assumptions.find(
      (a) => a.field === 'units[0].staff[0].attritionPerYear',
    );
    expect(attrition).toEqual({
      field: 'units[0].staff[0].attritionPerYear',
      label: 'Unit, Financial investigator: Leavers',
      value: '0',
      note: NO_SOURCE_NOTE,
    });
  });

  it('writes a CSV that a spreadsheet cannot run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM')).toBe("'@SUM");
    expect(csvCell(-2.345)).toBe('-2.35');
    expect(csvCell('\r=cmd')).toBe('\\r=cmd');
    expect(csvCell('x\u001b[2J\u2028y')).toBe('x\\u001B[2J\\u2028y');
    const scenario = tinyScenario({ name: '=cmd|calc' });
    const csv = fmsCsv(
      fmsTable(
        scenario,
        runScenario(scenario, { seed: 'f', replications: 2 }).summary(),
        'seed,1',
        '0.1.0',
      ),
    );
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe("Scenario,'=cmd|calc");
    expect(lines[2]).toBe('Seed,"seed,1"');
    expect(
      lines
        .find((l) => l.startsWith('Year 1'))!
        .startsWith('Year 1 (months 1–12),120,120,120,3000,3000,3000,1200,1200,1200,72,72,72,'),
    ).toBe(true);
    expect(lines).toContain('Assumptions register');
  });

  it('heads its columns with the metric table’s words, in the app and the CSV alike', () => {
    expect(FMS_COLUMNS.map((c) => c.label)).toEqual([
      'Suspects arriving',
      'Demand hours',
      'Capacity hours',
      'Suspects not examined',
      'Recovery missed (£)',
      'ARIS income foregone (£)',
    ]);
    for (const c of FMS_COLUMNS) expect(c.label).toBe(metricColumn(c.key));
    const scenario = tinyScenario();
    const table = fmsTable(
      scenario,
      runScenario(scenario, { seed: 'f', replications: 2 }).summary(),
      'f',
      'v',
    );
    const header = fmsCsv(table)
      .split('\r\n')
      .find((l) => l.startsWith('Year,'))!;
    expect(header.split(',').slice(1, 4)).toEqual([
      'Suspects arriving mean',
      'Suspects arriving 5th percentile',
      'Suspects arriving 95th percentile',
    ]);
    expect(header).toContain('Recovery missed (£) mean');
  });
});
