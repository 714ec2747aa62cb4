import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMALL_TEAM } from './smallTeamScenario.ts';

/** Peak resident memory of `shortfall run` with a million replications, read from /proc. */
export async function measureMemory(): Promise<{
  scenario: string;
  peakMb: number;
  seconds: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shortfall-bench-'));
  const file = path.join(dir, 'tiny.json');
  writeFileSync(file, JSON.stringify(SMALL_TEAM));
  const bin = new URL('../../bin/shortfall.js', import.meta.url).pathname;
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [bin, 'run', file, '--format', 'json', '--out', path.join(dir, 'out.json')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // The process has just ended.
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`The memory benchmark run failed with exit code ${code}.`);
  return {
    scenario: SMALL_TEAM.name,
    peakMb: peakKb / 1024,
    seconds: (performance.now() - start) / 1000,
  };
}
