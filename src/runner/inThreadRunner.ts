import { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { runChunk } from '../engine/chunk.ts';
import { compileModel } from '../engine/model.ts';
import { Workspace } from '../engine/replicate.ts';
import { chunkPlan } from './chunkPlan.ts';
import { ProgressClock } from './progressClock.ts';
import { blameScenario } from './scenarioLimit.ts';
import { RunCancelled, type RunOptions, type RunRequest, type Runner } from './runner.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs chunks in this thread, yielding between them so that progress timers fire and an abort
 * is seen. For tests and environments without workers; gives the same results as the pools.
 */
export class InThreadRunner implements Runner {
  async run(request: RunRequest, options: RunOptions = {}): Promise<RunAggregate> {
    const { signal } = options;
    const model = compileModel(request.scenario);
    const ws = new Workspace(model);
    const aggregate = new RunAggregate(model.layout, request.replications);
    const clock = new ProgressClock(request.replications, options.onProgress);
    let finished = false;
    try {
      for (const [start, count] of chunkPlan(request)) {
        await nextTask();
        if (signal?.aborted) throw new RunCancelled();
        let chunk;
        try {
          chunk = runChunk(model, request.seed, start, count, ws);
        } catch (error) {
          throw blameScenario(request.scenario, error);
        }
        aggregate.add(chunk);
        options.onChunk?.(chunk);
        clock.done += count;
        options.onPartial?.(aggregate);
      }
      finished = true;
      return aggregate;
    } finally {
      clock.stop(finished);
    }
  }

  dispose(): void {}
}
