import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'layering/engine-imports';

/** The project's own lint configuration, running this rule alone. */
let eslint: ESLint;

/** Lines of `code` the rule flags, linted as if it were the file at `path`. */
async function upwardImports(code: string, path: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.line);
}

describe('the engine imports from no layer above it', () => {
  // Loading the configuration loads its plugins, which takes seconds on a busy machine.
  beforeAll(async () => {
    eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });
    await eslint.calculateConfigForFile(`${ROOT}src/engine/replicate.ts`);
  }, 60_000);

  it('flags every form of import that leaves src/engine and src/scenario', async () => {
    const code = [
      "import type { RunProgress } from '../../runner/runner.ts';",
      "export * from '../../state/runController.svelte.ts';",
      "export { VERSION } from '../../cli/version.ts';",
      "export type Summary = import('../../decision/evaluate.ts').Evaluate;",
      "export const load = () => import('../../app/App.svelte');",
      'export type Progress = RunProgress;',
    ].join('\n');
    expect(await upwardImports(code, 'src/engine/random/probe.ts')).toEqual([1, 2, 3, 4, 5]);
  });

  it('allows the engine, the scenario and packages', async () => {
    const code = [
      "import { bin } from 'd3-array';",
      "import type { Scenario } from '../scenario/schema.ts';",
      "import { TOTAL_METRICS } from './metrics.ts';",
      "export * from './random/rng.ts';",
      'export const names = [bin, TOTAL_METRICS] as const;',
      'export type Input = Scenario;',
    ].join('\n');
    expect(await upwardImports(code, 'src/engine/probe.ts')).toEqual([]);
  });

  it('holds for every file in src/engine', { timeout: 30_000 }, async () => {
    const results = await eslint.lintFiles(['src/engine/**/*.ts']);
    expect(results.length).toBeGreaterThan(10);
    const upward = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === RULE).map((m) => `${r.filePath}:${m.line}`),
    );
    expect(upward).toEqual([]);
  });
});
