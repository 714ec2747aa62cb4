import type { ScaleLinear } from 'd3-scale';
import { getContext, setContext } from 'svelte';

/** What a chart gives its layers: scales from data to pixels inside the margins. */
export interface ChartContext {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

const KEY = Symbol('chart');

export function setChartContext(context: ChartContext): void {
  setContext(KEY, context);
}

export function chartContext(): ChartContext {
  const context = getContext<ChartContext | undefined>(KEY);
  if (!context) throw new Error('A chart layer must be placed inside <Chart>.');
  return context;
}
