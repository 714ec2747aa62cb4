import type { Scenario } from '../scenario/schema.ts';
import type { WorkerCalls } from './workerSlot.ts';

/**
 * Time a new worker spends running the open scenario before any run (at most 200 replications),
 * so V8 has compiled the engine optimised by the time Run is pressed; a few replications would
 * leave most of that compiling to the first second of the run.
 */
export const WARM_UP_MS = 400;
/**
 * The warm-up is asked for in pieces this long, and stops when a run begins: a worker answers
 * one message at a time, so a run begun during a warm-up waits for the piece under way only.
 */
export const WARM_UP_PIECE_MS = 50;

/**
 * Warms a new worker up on `scenario`: an empty warm-up first, then WARM_UP_MS of replications
 * in pieces of WARM_UP_PIECE_MS, asking `stop()` before each piece. The first chunk a worker
 * sends back makes V8 throw away the optimised engine code (it traces the cause as a changed
 * prototype chain), so the empty one is sent back before the engine is compiled.
 */
export async function warmUp(
  api: Pick<WorkerCalls, 'warmUp'>,
  scenario: Scenario,
  stop: () => boolean,
): Promise<void> {
  await api.warmUp(scenario, 0);
  for (let spent = 0; spent < WARM_UP_MS; spent += WARM_UP_PIECE_MS) {
    if (stop()) return;
    await api.warmUp(scenario, WARM_UP_PIECE_MS);
  }
}
