import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { Workspace } from '../../src/engine/replicate.ts';
import { planChunks, runScenario } from '../../src/engine/run.ts';
import { RunCancelled, type RunRequest, type Runner } from '../../src/runner/runner.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import {
  LIVE_DEBOUNCE_MS,
  LIVE_MAX_WORK_PER_REPLICATION,
  liveByDefault,
  LiveRerun,
  type LiveRequest,
} from '../../src/state/liveRerun.svelte.ts';
import { RunController } from '../../src/state/runController.svelte.ts';
import { bigScenario } from '../../scripts/bench/bigScenario.ts';
import { expectedWorkPerReplication } from '../../src/runner/chunkPlan.ts';
import { smallScenario } from '../results/smallRun.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

/** Time each chunk takes on the fake clock, so a run lasts a while and can be seen refining. */
const CHUNK_MS = 20;

/**
 * A runner in chunks of 5 replications, each taking CHUNK_MS on the fake clock, merged as the
 * pools merge them (in replication order, the aggregate so far after each). Records each request
 * and whether it was cancelled.
 */
function recordingRunner() {
  const started: { request: RunRequest; signal?: AbortSignal }[] = [];
  const runner: Runner = {
    run: async (request, { signal, onPartial } = {}) => {
      started.push({ request, signal });
      const model = compileModel(request.scenario);
      const ws = new Workspace(model);
      const aggregate = new RunAggregate(model.layout, request.replications);
      for (const [start, count] of planChunks(request.replications, 5)) {
        await new Promise((resolve) => setTimeout(resolve, CHUNK_MS));
        if (signal?.aborted) throw new RunCancelled();
        aggregate.add(runChunk(model, request.seed, start, count, ws));
        onPartial?.(aggregate);
      }
      return aggregate;
    },
    dispose: () => {},
  };
  return { runner, started };
}

/** The planner's draft as the live rerun reads it: a scenario, run settings and a revision. */
function draftOf(scenario: Scenario) {
  const draft = {
    scenario,
    seed: 'a',
    replications: 40,
    revision: 1,
    blocked: undefined as string | undefined,
    request: (): LiveRequest =>
      draft.blocked
        ? { blocked: draft.blocked }
        : {
            scenario: draft.scenario,
            settings: { seed: draft.seed, replications: draft.replications },
            revision: draft.revision,
          },
  };
  return draft;
}

describe('LiveRerun', () => {
  const scenario = smallScenario();

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A controller that has shown the results of a first run, as after the planner pressed Run. */
  async function withResults() {
    const { runner, started } = recordingRunner();
    const runs = new RunController(runner);
    const draft = draftOf(scenario);
    const live = new LiveRerun(runs, draft.request);
    const first = runs.run(scenario, { seed: 'a', replications: 40 }, 1);
    await vi.runAllTimersAsync();
    await first;
    expect(runs.status).toBe('done');
    return { runs, draft, live, started };
  }

  it('waits for a pause in typing, then reruns once with what was typed last', async () => {
    const { runs, draft, live, started } = await withResults();
    for (const seed of ['b', 'bc', 'bcd']) {
      draft.seed = seed;
      draft.revision++;
      live.edited();
      expect(live.pending).toBe(true);
      await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS - 1);
    }
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    expect(started[1]!.request.seed).toBe('bcd');
    expect(live.pending).toBe(false);
    await vi.runAllTimersAsync();
    expect(runs.status).toBe('done');
    expect(runs.shown).toMatchObject({ seed: 'bcd', revision: 4, complete: true });
    expect(runs.message).toBe('Results updated for your edit: 40 replications.');
    expect(JSON.stringify(runs.summary)).toBe(
      JSON.stringify(runScenario(scenario, { seed: 'bcd', replications: 40 }).summary()),
    );
  });

  it('cancels the run an edit makes stale at once, without announcing it', async () => {
    const { runs, draft, live, started } = await withResults();
    draft.replications = 100;
    draft.revision++;
    live.edited();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(runs.running).toBe(true);
    const stale = started[1]!;
    expect(runs.message).toBe('Updating the results for your edit…');
    draft.seed = 'z';
    draft.revision++;
    live.edited();
    expect(stale.signal?.aborted).toBe(true);
    expect(runs.running).toBe(false);
    expect(runs.message).toBe('Updating the results for your edit…');
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(3);
    await vi.runAllTimersAsync();
    expect(runs.shown).toMatchObject({ seed: 'z', replications: 100, complete: true });
    expect(runs.message).not.toMatch(/cancelled/);
  });

  it('marks the first answer as refining until every replication asked for is in', async () => {
    const { runs, draft, live } = await withResults();
    draft.replications = 200;
    draft.revision++;
    live.edited();
    const seen: { refining: boolean; done: number; complete: boolean }[] = [];
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    for (let i = 0; i < 200 && runs.running; i++) {
      await vi.advanceTimersByTimeAsync(CHUNK_MS);
      const shown = runs.shown!;
      seen.push({ refining: runs.refining, done: shown.done, complete: shown.complete });
    }
    const refining = seen.filter((s) => s.refining);
    // A first answer from a few replications, then more, each marked as refining.
    expect(refining.length).toBeGreaterThan(1);
    expect(refining[0]!.done).toBeLessThan(200);
    expect(refining.every((s) => !s.complete && s.done < 200)).toBe(true);
    expect(seen.at(-1)).toEqual({ refining: false, done: 200, complete: true });
  });

  it('does not rerun an edit that fails the file check, says why and keeps what is shown', async () => {
    const { runs, draft, live, started } = await withResults();
    const before = runs.summary;
    draft.blocked = 'units[0].staff[0].inPost: Enter a whole number.';
    draft.revision++;
    live.edited();
    expect(live.pending).toBe(false);
    expect(live.held).toBe(draft.blocked);
    await vi.advanceTimersByTimeAsync(10 * LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(1);
    expect(runs.summary).toBe(before);
    // Fixed: the update runs and the reason goes.
    draft.blocked = undefined;
    draft.revision++;
    live.edited();
    expect(live.held).toBeUndefined();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(2);
  });

  it('does nothing when switched off, before any results, or when nothing changed', async () => {
    const { runs, draft, live, started } = await withResults();
    live.edited();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(1);

    live.choose(false);
    expect(live.on).toBe(false);
    draft.revision++;
    live.edited();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(1);
    expect(runs.status).toBe('done');

    const fresh = new RunController(recordingRunner().runner);
    const before = new LiveRerun(fresh, draftOf(scenario).request);
    before.edited();
    expect(before.pending).toBe(false);
  });

  it('leaves a run pressed for during the pause alone', async () => {
    const { runs, draft, live, started } = await withResults();
    draft.seed = 'pressed';
    draft.revision++;
    live.edited();
    const pressed = runs.run(scenario, { seed: 'pressed', replications: 40 }, draft.revision);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(started).toHaveLength(2);
    expect(started[1]!.signal?.aborted).toBe(false);
    await vi.runAllTimersAsync();
    await pressed;
    expect(runs.message).toBe('Run finished: 40 replications.');
  });

  it('is on by default up to LIVE_MAX_WORK_PER_REPLICATION and off for a file at every count limit', () => {
    const parsed = validateScenario(mps);
    const big = validateScenario(bigScenario());
    if (!parsed.ok || !big.ok) throw new Error('A test scenario is invalid.');
    expect(expectedWorkPerReplication(parsed.value)).toBeLessThan(LIVE_MAX_WORK_PER_REPLICATION);
    expect(liveByDefault(parsed.value)).toBe(true);
    expect(expectedWorkPerReplication(big.value)).toBeGreaterThan(LIVE_MAX_WORK_PER_REPLICATION);
    expect(liveByDefault(big.value)).toBe(false);

    // The default follows the scenario edited until the planner chooses.
    const runs = new RunController(recordingRunner().runner);
    const draft = draftOf(big.value);
    const live = new LiveRerun(runs, draft.request);
    live.edited();
    expect(live.on).toBe(false);
    draft.scenario = parsed.value;
    live.edited();
    expect(live.on).toBe(true);
    live.choose(false);
    draft.scenario = parsed.value;
    live.edited();
    expect(live.on).toBe(false);
  });
});
