import { formatDuration } from '../results/format.ts';
import type { RunProgress } from '../runner/runner.ts';

/** One line of live progress, redrawn in place on a terminal. */
export function progressLine(p: RunProgress): string {
  const percent = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const rate = p.ratePerSecond > 0 ? `, ${Math.round(p.ratePerSecond)}/s` : '';
  const left = Number.isFinite(p.remainingMs) ? `, ${formatDuration(p.remainingMs)} left` : '';
  return `${p.done}/${p.total} replications (${percent}%)${rate}${left}`;
}
