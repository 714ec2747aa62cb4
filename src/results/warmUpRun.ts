import { RunAggregate, type Summary } from '../engine/aggregate/runAggregate.ts';
import { CellSketch } from '../engine/aggregate/sketch.ts';
import { modelLayout } from '../engine/model.ts';
import type { Scenario } from '../scenario/schema.ts';

const REPLICATIONS = 24;

/**
 * A made-up run of `scenario`: a few replications of varied, plausible numbers in every total
 * and every cell, shaped exactly as a real run's results, so the code that shows results can be
 * run on it before the first real run. Never shown.
 */
export function warmUpRun(scenario: Scenario): { summary: Summary; aggregate: RunAggregate } {
  const layout = modelLayout(scenario);
  const width = layout.totalNames.length;
  const totals = Float32Array.from(
    { length: REPLICATIONS * width },
    (_, i) => 1000 + ((i * 7919) % 997),
  );
  const cells: number[] = [];
  for (let cell = 0; cell < layout.cellCount; cell++) {
    const sketch = new CellSketch();
    for (let r = 0; r < REPLICATIONS; r++) sketch.add(100 + ((cell + r * 31) % 53));
    sketch.encode(cells);
  }
  const aggregate = new RunAggregate(layout, REPLICATIONS);
  aggregate.add({ start: 0, count: REPLICATIONS, totals, cells: Float64Array.from(cells) });
  for (const _ of aggregate.refresh());
  return { summary: aggregate.latestSummary(), aggregate };
}
