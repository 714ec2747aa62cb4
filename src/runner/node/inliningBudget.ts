import process from 'node:process';
import { setFlagsFromString } from 'node:v8';

/**
 * V8's inlining budgets for the engine on Node, in bytes of bytecode: the most a function may
 * have to be inlined, and the most inlined into one optimized function in all (V8's defaults
 * are 460 and 920).
 *
 * The engine draws from samplers that are small functions (a normal draw, a step of the
 * generator) called from large ones, such as the loop that draws a month's demand. Past the
 * default budgets V8 calls them instead of inlining them, and every number a call returns is
 * then a new heap number. The young-generation collections of that garbage run on V8's helper
 * threads, which take the cores the other workers need (docs/benchmarks.md gives the figures).
 */
export const INLINING_FLAGS = [
  '--max-inlined-bytecode-size=1000',
  '--max-inlined-bytecode-size-cumulative=3000',
] as const;

let raised = false;

/**
 * Raises V8's inlining budgets (INLINING_FLAGS) for this process. V8's flags are the whole
 * process's, worker threads' included, so this is called before any worker starts. It changes
 * what V8 compiles, never what the code computes.
 *
 * V8 reads its flags on its compiler threads without a lock, so changing one while a function is
 * being optimised can abort the process. The command line therefore calls this first of all,
 * before any code has run long enough to be optimised, and a flag the process was started with
 * (`node --max-inlined-bytecode-size=1000 …`, as the tests' workers are) is not set again.
 */
export function raiseInliningBudgets(execArgv: readonly string[] = process.execArgv): void {
  if (raised) return;
  raised = true;
  for (const flag of INLINING_FLAGS) if (!execArgv.includes(flag)) setFlagsFromString(flag);
}
