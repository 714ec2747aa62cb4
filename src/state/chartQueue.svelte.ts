import type { ChartSpec } from '../results/charts.ts';
import type { ShownRun } from './runController.svelte.ts';

/** A chart on screen, the builder it was built by and the run it was built for. */
export interface DrawnChart<Spec = ChartSpec> {
  spec: Spec;
  by: () => Spec;
  run: ShownRun | undefined;
}

/** Calls a function in a task of its own after the next frame; returns what cancels it. */
export type AfterFrame = (f: () => void) => () => void;

/**
 * After the next frame, in a task of its own: a chart built in it is laid out and painted in the
 * frame after, so no one task both builds a chart and lays it out.
 */
export const afterNextFrame: AfterFrame = (f) => {
  let task: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (task = setTimeout(f)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
};

const sameRun = (a: ShownRun, b: ShownRun) =>
  a.scenario === b.scenario && a.seed === b.seed && a.replications === b.replications;

/**
 * Brings the charts on screen up to date one chart per frame, so the page never spends one long
 * task on them all: the headlines change at once and the charts follow, the first a frame later
 * so the headlines are laid out in a frame of their own. While a run goes on, a chart already
 * drawn for it is rebuilt only when it is in or near view; the others catch up when they come
 * into view, or when the run ends.
 */
export class ChartQueue<Spec = ChartSpec> {
  displayed = $state.raw<DrawnChart<Spec>[]>([]);
  /** Whether each chart is within half a screen of view. */
  private readonly inView: boolean[] = [];
  private wanted: { builders: readonly (() => Spec)[]; run?: ShownRun; live: boolean } = {
    builders: [],
    live: false,
  };
  private cancel = () => {};

  constructor(private readonly afterFrame: AfterFrame = afterNextFrame) {}

  /**
   * Starts bringing the charts up to `builders`, those of the results of `run`; `live` while the
   * run goes on. Replaces any update under way.
   */
  show(builders: readonly (() => Spec)[], run: ShownRun | undefined, live: boolean): void {
    this.stop();
    this.wanted = { builders, run, live };
    let next = 0;
    // Read only in later tasks, so a caller's effect does not come to depend on `displayed`.
    const due = (i: number) => {
      const drawn = this.displayed[i];
      if (!drawn?.run || !run || !sameRun(drawn.run, run)) return true;
      return drawn.by !== builders[i] && (!live || this.inView[i] === true);
    };
    const draw = () => {
      while (next < builders.length && !due(next)) next++;
      if (next >= builders.length) {
        if (this.displayed.length > builders.length) {
          this.displayed = this.displayed.slice(0, builders.length);
        }
        return;
      }
      const build = builders[next]!;
      const updated = this.displayed.slice();
      updated[next] = { spec: build(), by: build, run };
      this.displayed = updated;
      next++;
      this.cancel = this.afterFrame(draw);
    };
    this.cancel = this.afterFrame(draw);
  }

  /**
   * Notes whether chart `index` is within half a screen of view; one left out of date by a run
   * under way is brought up to date as it comes into view.
   */
  setInView(index: number, visible: boolean): void {
    this.inView[index] = visible;
    const { builders, run, live } = this.wanted;
    if (visible && live && this.displayed[index]?.by !== builders[index]) {
      this.show(builders, run, live);
    }
  }

  /** Stops the update under way; what is drawn stays. */
  stop(): void {
    this.cancel();
    this.cancel = () => {};
  }
}
