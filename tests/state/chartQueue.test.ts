import { describe, expect, it } from 'vitest';
import { ChartQueue, type AfterFrame } from '../../src/state/chartQueue.svelte.ts';
import type { ShownRun } from '../../src/state/runController.svelte.ts';
import { smallScenario } from '../results/smallRun.ts';
import { byHand } from './byHand.ts';

/** Frames the test hands out one at a time. */
function framesByHand() {
  const { schedule, next, waiting } = byHand();
  const afterFrame: AfterFrame = schedule;
  return { afterFrame, next, waiting };
}

const scenario = smallScenario();
const run = (seed: string, done = 100): ShownRun => ({
  scenario,
  seed,
  replications: 100,
  revision: 0,
  done,
  complete: done === 100,
});

/** Builders of charts named `name 0`, `name 1`, …, each counting the times it is built. */
function builders(name: string, count: number) {
  const built: number[] = Array.from({ length: count }, () => 0);
  const list = built.map((_, i) => () => {
    built[i]!++;
    return `${name} ${i}`;
  });
  return { list, built };
}

describe('ChartQueue', () => {
  it('draws one chart per frame, the first a frame after the results arrive', () => {
    const frames = framesByHand();
    const queue = new ChartQueue<string>(frames.afterFrame);
    const a = builders('a', 3);
    queue.show(a.list, run('s'), false);
    expect(queue.displayed).toEqual([]);
    const seen: string[][] = [];
    while (frames.next()) seen.push(queue.displayed.map((d) => d.spec));
    expect(seen).toEqual([['a 0'], ['a 0', 'a 1'], ['a 0', 'a 1', 'a 2'], ['a 0', 'a 1', 'a 2']]);
    expect(a.built).toEqual([1, 1, 1]);
    expect(queue.displayed.every((d) => d.run?.seed === 's')).toBe(true);
  });

  it('rebuilds only the charts in view while a run goes on, the rest once it ends', () => {
    const frames = framesByHand();
    const queue = new ChartQueue<string>(frames.afterFrame);
    queue.show(builders('a', 3).list, run('s', 20), true);
    while (frames.next());
    queue.setInView(0, true);
    queue.setInView(2, false);

    const b = builders('b', 3);
    queue.show(b.list, run('s', 40), true);
    while (frames.next());
    expect(queue.displayed.map((d) => d.spec)).toEqual(['b 0', 'a 1', 'a 2']);

    // Scrolled to during the run: brought up to date at once.
    queue.setInView(2, true);
    while (frames.next());
    expect(queue.displayed.map((d) => d.spec)).toEqual(['b 0', 'a 1', 'b 2']);

    const c = builders('c', 3);
    queue.show(c.list, run('s'), false);
    while (frames.next());
    expect(queue.displayed.map((d) => d.spec)).toEqual(['c 0', 'c 1', 'c 2']);
    expect(c.built).toEqual([1, 1, 1]);
  });

  it('redraws every chart for another run, in view or not, and drops charts no longer shown', () => {
    const frames = framesByHand();
    const queue = new ChartQueue<string>(frames.afterFrame);
    queue.show(builders('a', 3).list, run('s'), false);
    while (frames.next());
    queue.show(builders('b', 2).list, run('t', 10), true);
    while (frames.next());
    expect(queue.displayed.map((d) => d.spec)).toEqual(['b 0', 'b 1']);
  });

  it('stops at once, keeping what is drawn', () => {
    const frames = framesByHand();
    const queue = new ChartQueue<string>(frames.afterFrame);
    queue.show(builders('a', 3).list, run('s'), false);
    frames.next();
    queue.stop();
    expect(frames.waiting.size).toBe(0);
    expect(queue.displayed.map((d) => d.spec)).toEqual(['a 0']);
  });
});
