import type { RunProgress } from '../runner/runner.ts';

/** One line of live progress, redrawn in place on a terminal. */
export function progressLine(p: RunProgress): string {
  const percent = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const rate = p.ratePerSecond > 0 ? `, ${Math.round(p.ratePerSecond)}/s` : '';
  const left = Number.isFinite(p.remainingMs) ? `, about ${duration(p.remainingMs)} left` : '';
  return `${p.done}/${p.total} replications (${percent}%)${rate}${left}`;
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
