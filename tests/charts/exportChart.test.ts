import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/charts/exportChart.ts';

describe('exportFileName', () => {
  it('keeps letters, digits and single dashes from the scenario name and chart id', () => {
    expect(exportFileName('Metropolitan Police: FIs (2023)', 'in-post-fi')).toBe(
      'metropolitan-police-fis-2023-in-post-fi',
    );
  });

  it('never gives an empty or path-like name', () => {
    expect(exportFileName('../../', '')).toBe('chart');
  });
});
