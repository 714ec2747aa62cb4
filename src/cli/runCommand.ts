import { printable } from '../scenario/printable.ts';
import { evaluateWith, type Evaluate } from '../decision/evaluate.ts';
import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { createNodeRunner } from '../runner/node/nodeRunner.ts';
import type { Runner } from '../runner/runner.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CliIo } from './io.ts';
import { liveProgress } from './liveProgress.ts';
import { loadScenario } from './loadScenario.ts';
import { withRunErrors } from './runErrors.ts';
import { replicationsFlag, seedFlag, workersFlag } from './runFlags.ts';

/** The flags every command that simulates takes, for its parseArgs spec. */
export const RUN_FLAGS = { replications: 'string', seed: 'string', workers: 'string' } as const;

/** What a command that simulates asks of runCommand. */
export interface RunCommandRequest {
  /** The scenario file, as given on the command line. */
  file: string;
  /** The values given for RUN_FLAGS. */
  flags: { replications?: string; seed?: string; workers?: string };
  /** Replications without --replications; by default the scenario's own. */
  replications?: number;
  /** Starts the workers; a pool of Node worker threads unless a test gives its own. */
  createRunner?: (workers: number) => Runner;
}

/** The scenario and settings a command simulates, as the file and the flags give them. */
export interface RunSettings {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly replications: number;
}

/** What a command's simulation runs with: Ctrl-C cancels any run, and progress is drawn. */
export interface Simulation extends RunSettings {
  /** Runs the scenario once with the settings' seed and replications. */
  run(options?: { chunkSize?: number }): Promise<RunAggregate>;
  /** Runs for a decision tool, which may make many: the progress line numbers them. */
  readonly evaluate: Evaluate;
}

/**
 * The part every command that simulates shares: loads FILE (printing any notes on an older
 * format), reads --workers, --replications and --seed, runs `simulate` with the workers and a
 * line of progress, and says how a cancelled or failed run ended in the command line's terms
 * (see withRunErrors). The workers start at the first run, so an input `simulate` refuses
 * before running costs none, and they end before this returns, whatever happened: at a million
 * replications the summary's sorts are a run's last rise in memory, and the workers' heaps are
 * no longer needed by then.
 */
export async function runCommand<T>(
  io: CliIo,
  request: RunCommandRequest,
  simulate: (simulation: Simulation) => Promise<T>,
): Promise<RunSettings & { result: T }> {
  const { flags, createRunner = (size: number) => createNodeRunner({ size }) } = request;
  const workers = workersFlag(flags.workers);
  const { scenario, warnings } = await loadScenario(request.file, io);
  for (const w of warnings) io.stderr(`${printable(`warning: ${w.path}: ${w.message}`)}\n`);
  const replications = replicationsFlag(
    flags.replications,
    request.replications ?? scenario.replications,
  );
  const seed = seedFlag(flags.seed, scenario.seed);
  const settings = { scenario, seed, replications };

  let runner: Runner | undefined;
  const started = () => (runner ??= createRunner(workers));
  const progress = liveProgress(io);
  try {
    const result = await withRunErrors(() =>
      simulate({
        ...settings,
        run: ({ chunkSize } = {}) =>
          started().run(
            { ...settings, chunkSize },
            { signal: io.signal, onProgress: progress.run },
          ),
        evaluate: evaluateWith(
          { run: (...args) => started().run(...args) },
          io.signal,
          progress.toolRun,
        ),
      }),
    );
    return { ...settings, result };
  } finally {
    runner?.dispose();
    progress.clear();
  }
}
