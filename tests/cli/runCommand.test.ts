import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cliError.ts';
import { runCommand, type RunCommandRequest } from '../../src/cli/runCommand.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { RunFailed, type Runner } from '../../src/runner/runner.ts';
import { tinyScenario } from '../decision/tinyScenario.ts';
import { captureIo } from './captureIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'shortfall-run-command-'));
writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyScenario()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ERASE = '\r\x1b[2K';

/** Runners in this thread, each noting the size it was asked for and whether it was ended. */
function runners(run?: Runner['run']) {
  const made: { size: number; disposed: boolean }[] = [];
  const createRunner = (size: number): Runner => {
    const record = { size, disposed: false };
    made.push(record);
    const inThread = new InThreadRunner();
    return {
      run: run ?? ((request, options) => inThread.run(request, options)),
      dispose: () => void (record.disposed = true),
    };
  };
  return { made, createRunner };
}

function request(
  flags: RunCommandRequest['flags'],
  createRunner: RunCommandRequest['createRunner'],
  replications?: number,
): RunCommandRequest {
  return { file: 'tiny.json', flags, createRunner, replications };
}

describe('runCommand', () => {
  it("takes the seed and replications from the file, the command's default, or the flags", async () => {
    const { createRunner } = runners();
    const settings = async (flags: RunCommandRequest['flags'], replications?: number) => {
      const { seed, result } = await runCommand(
        captureIo(dir),
        request(flags, createRunner, replications),
        async (simulation) => simulation.replications,
      );
      return [seed, result];
    };
    expect(await settings({})).toEqual(['tiny', 50]);
    expect(await settings({}, 7)).toEqual(['tiny', 7]);
    expect(await settings({ seed: 'given', replications: '3' }, 7)).toEqual(['given', 3]);
  });

  it('runs on --workers workers, started at the first run and ended before it returns', async () => {
    const { made, createRunner } = runners();
    const { result } = await runCommand(
      captureIo(dir),
      request({ workers: '3', replications: '4' }, createRunner),
      async (simulation) => {
        expect(made).toEqual([]);
        const aggregate = await simulation.run({ chunkSize: 2 });
        expect(made).toEqual([{ size: 3, disposed: false }]);
        return aggregate.summary().replications;
      },
    );
    expect(result).toBe(4);
    expect(made).toEqual([{ size: 3, disposed: true }]);
  });

  it('starts no workers when the simulation refuses its input before running', async () => {
    const { made, createRunner } = runners();
    const refusal = new UsageError('No such lever.');
    await expect(
      runCommand(captureIo(dir), request({}, createRunner), () => Promise.reject(refusal)),
    ).rejects.toBe(refusal);
    expect(made).toEqual([]);
  });

  it('says a failed run in one line, exit code 1, and still ends the workers', async () => {
    const { made, createRunner } = runners(() =>
      Promise.reject(
        new RunFailed('A worker failed (Tiny unit, seed "tiny").', 'Tiny unit', 'tiny'),
      ),
    );
    await expect(
      runCommand(captureIo(dir), request({}, createRunner), (simulation) => simulation.run()),
    ).rejects.toMatchObject({
      lines: ['A worker failed (Tiny unit, seed "tiny").'],
      exitCode: 1,
    });
    expect(made).toEqual([expect.objectContaining({ disposed: true })]);
  });

  it('stops with "Cancelled." and exit code 130 when interrupted, and ends the workers', async () => {
    const { made, createRunner } = runners();
    const io = captureIo(dir, { signal: AbortSignal.abort() });
    await expect(
      runCommand(io, request({ replications: '3' }, createRunner), (simulation) =>
        simulation.evaluate(simulation.scenario, simulation.seed, simulation.replications),
      ),
    ).rejects.toMatchObject({ message: 'Cancelled.', exitCode: 130 });
    expect(made).toEqual([expect.objectContaining({ disposed: true })]);
  });

  it("draws a tool's runs numbered on a terminal and erases the line before it returns", async () => {
    const { createRunner } = runners();
    const io = captureIo(dir, { stderrIsTty: true });
    await runCommand(io, request({ replications: '3' }, createRunner), async (simulation) => {
      const { scenario, seed, replications } = simulation;
      await simulation.evaluate(scenario, seed, replications);
      await simulation.evaluate(scenario, seed, replications);
    });
    // Each line is drawn over the last: the erasing sequence, then the text.
    expect(io.err.every((t) => t.startsWith(ERASE))).toBe(true);
    const drawn = io.err.filter((t) => t !== ERASE).map((t) => t.slice(ERASE.length));
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(drawn[0]).toMatch(/^Run 1: \d+\/3 replications/);
    expect(drawn.at(-1)).toMatch(/^Run 2: 3\/3 replications/);
    expect(io.err.at(-1)).toBe(ERASE);
    expect(io.out).toEqual([]);
  });

  it('checks --workers before it reads the file, and the file before the other flags', async () => {
    const { createRunner } = runners();
    const refused = (flags: RunCommandRequest['flags'], file = 'tiny.json') =>
      runCommand(captureIo(dir), { ...request(flags, createRunner), file }, async () => 0);
    await expect(refused({ workers: '0' }, 'missing.json')).rejects.toThrow(/^--workers/);
    await expect(refused({ seed: '' }, 'missing.json')).rejects.toThrow(/^missing\.json: no such/);
    await expect(refused({ seed: '' })).rejects.toThrow(/^--seed must not be empty/);
  });
});
