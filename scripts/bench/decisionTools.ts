import os from 'node:os';
import type { Page } from 'playwright-core';
import { evaluateWith } from '../../src/decision/evaluate.ts';
import { goalSeek } from '../../src/decision/goalSeek.ts';
import { parseLever } from '../../src/decision/levers.ts';
import { tornado } from '../../src/decision/tornado.ts';
import { createNodeRunner } from '../../src/runner/node/nodeRunner.ts';
import { builtInMps } from './engine.ts';

/** The goal the benchmark seeks on the MPS scenario, as a planner would ask it on the command line. */
export const GOAL = {
  lever: 'inPost:mps:fi',
  metric: 'unexaminedSuspects',
  below: 30_000,
  confidence: 0.9,
} as const;
/** The most replications a run may take, as the command line's default. */
export const MOST = 1600;

export interface DecisionTiming {
  seconds: number;
  /** Replications run in all. */
  replications: number;
  /** What it found, so a reader can check the answer is the usual one. */
  answer: string;
}

/**
 * The MPS tornado (each input ±20%, the default for a file that gives no ranges) and goal seek on a Node pool of one worker per core, as the command line runs
 * them: each timed once after the pool has run the scenario once untimed (so workers are started
 * and compiled, as in a command that has just begun its first run).
 */
export async function measureDecisionToolsNode(): Promise<{
  workers: number;
  tornado: DecisionTiming;
  goal: DecisionTiming;
}> {
  // The file as shipped, as `shortfall sensitivity scenarios/mps-financial-investigators.json`
  // reads it: the app's tools are timed on the same built-in.
  const mps = builtInMps();
  const workers = os.availableParallelism();
  const runner = createNodeRunner({ size: workers });
  try {
    const evaluate = evaluateWith(runner);
    await evaluate(mps, 'warm-up', 50);
    let start = performance.now();
    const t = await tornado(
      mps,
      { metric: GOAL.metric, seed: mps.seed, replications: MOST },
      evaluate,
    );
    const tornadoSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const g = await goalSeek(
      mps,
      {
        lever: parseLever(GOAL.lever, mps),
        metric: GOAL.metric,
        below: GOAL.below,
        confidence: GOAL.confidence,
        seed: mps.seed,
        replications: MOST,
      },
      evaluate,
    );
    const goalSeconds = (performance.now() - start) / 1000;
    return {
      workers,
      tornado: {
        seconds: tornadoSeconds,
        replications: t.totalReplications,
        answer: `largest swing ${t.rows[0]?.label ?? 'none'}`,
      },
      goal: {
        seconds: goalSeconds,
        replications: g.totalReplications,
        answer: `answer ${g.answer} (could be ${g.answerRange?.join(' to ') ?? 'none'})`,
      },
    };
  } finally {
    runner.dispose();
  }
}

/**
 * The same two tools in the app, on the production build open at the MPS scenario: from the
 * press of the button to the chart or table on screen, with the page's default workers and the
 * tab's default most replications.
 */
export async function measureDecisionToolsApp(
  page: Page,
  origin: string,
): Promise<{ workers: number; tornadoSeconds: number; goalSeconds: number }> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${origin}/`);
  const workers = Number(await page.locator('select[id$="-workers"]').first().inputValue());
  await page.getByRole('tab', { name: 'Decisions' }).click();
  const region = page.getByRole('region', { name: 'Decisions' });
  await region.getByRole('spinbutton', { name: /^Most replications per run/ }).fill(String(MOST));
  await page.waitForTimeout(1000);
  let start = Date.now();
  await region.getByRole('button', { name: 'Run sensitivity' }).click();
  await region.getByRole('figure').first().waitFor({ timeout: 600_000 });
  const tornadoSeconds = (Date.now() - start) / 1000;
  const form = region.getByRole('form', { name: 'How many staff it takes' });
  await form.getByRole('spinbutton', { name: /below/ }).fill(String(GOAL.below));
  await form.getByRole('spinbutton', { name: /with probability/ }).fill(String(GOAL.confidence));
  await page.waitForTimeout(1000);
  start = Date.now();
  await form.getByRole('button', { name: 'Find' }).click();
  await region.getByRole('table', { name: /^Probability that/ }).waitFor({ timeout: 600_000 });
  const goalSeconds = (Date.now() - start) / 1000;
  return { workers, tornadoSeconds, goalSeconds };
}
