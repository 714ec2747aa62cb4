import { describe, expect, it } from 'vitest';
import { scenarioFileName } from '../../src/files/fileName.ts';

describe('scenarioFileName', () => {
  it.each([
    [
      'Metropolitan Police: financial investigators',
      'metropolitan-police-financial-investigators.json',
    ],
    ['../../etc/passwd', 'etc-passwd.json'],
    ['CON<>:"/\\|?*', 'con-scenario.json'],
    ['Café résumé', 'cafe-resume.json'],
    ['   ', 'scenario.json'],
    ['<script>alert(1)</script>', 'script-alert-1-script.json'],
    ['a\u202eb\u0000c', 'a-b-c.json'],
  ])('names the file for %j as %j', (name, expected) => {
    expect(scenarioFileName(name)).toBe(expected);
  });

  it('keeps names to 80 characters before the extension', () => {
    expect(scenarioFileName('x'.repeat(500))).toBe(`${'x'.repeat(80)}.json`);
    expect(scenarioFileName(`${'x'.repeat(79)} y`)).toBe(`${'x'.repeat(79)}.json`);
  });
});
