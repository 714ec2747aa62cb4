/**
 * `npm run bench`: speed and memory of the engine, the pools and the app, on this machine.
 * Prints a table and writes it to docs/benchmarks.md. Figures are medians of repeated rounds,
 * and the targets are ratios measured within this one run, each the median of back-to-back
 * pairs (engine and floor on the same replication; one worker and all over runs of about the
 * same length), so load from elsewhere on a shared machine falls on both sides of a pair.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { measureBrowser } from './bench/browser.ts';
import { chooseWorkers, median, REFINING_MS } from './bench/liveRerun.ts';
import { defaultBrowserPoolSize } from '../src/runner/browserRunner.ts';
import { GOAL, measureDecisionToolsNode, MOST } from './bench/decisionTools.ts';
import { measureBuiltIn, measureEngine } from './bench/engine.ts';
import { measureMemory } from './bench/memory.ts';
import { measureRandom } from './bench/random.ts';
import { measureScaling } from './bench/scaling.ts';
import { LIMITS } from '../src/scenario/limits.ts';
import { raiseInliningBudgets } from '../src/runner/node/inliningBudget.ts';
import { SETTLING_RUNS } from './bench/timing.ts';

interface Row {
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

const rows: Row[] = [];
const notes: string[] = [];
const add = (measure: string, value: string, target?: string, met?: boolean) => {
  rows.push({ measure, value, target, met });
  console.log(
    `${measure.padEnd(64)} ${value.padStart(16)}${target ? `   target ${target} ${met ? 'met' : 'NOT met'}` : ''}`,
  );
};

/** How a scaling ratio was measured, and the spread of its pairs. */
const ROUNDS_NOTE = (perWorker: number, workers: number, [low, high]: [number, number]) =>
  `steady-state throughput, the median of pairs of runs of about the same length, ${perWorker} replications on one worker and ${perWorker * workers} on ${workers} workers, after ${SETTLING_RUNS} untimed runs of each; the pairs' ratios had quartiles ${low.toFixed(3)}× and ${high.toFixed(3)}×.`;

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
console.log(`Machine: ${machine}\n`);

// Everything measured in this process is compiled as the command line's workers compile the
// engine; the browser cannot raise V8's budgets and runs at its defaults.
raiseInliningBudgets();
notes.push(
  "Measured in Node, generators, samplers, the engine and the floor are compiled with V8's inlining budgets raised, as the command line's workers run them (src/runner/node/inliningBudget.ts); Chromium runs at V8's defaults.",
);

const random = measureRandom();
for (const r of random.generators) add(`uniform: ${r.name}`, `${r.ns.toFixed(1)} ns/draw`);
for (const r of random.samplers) add(`sampler: ${r.name}`, `${r.ns.toFixed(1)} ns/draw`);
notes.push(random.why);

const engines = measureEngine();
for (const engine of engines) {
  add(`${engine.scenario}: engine time per replication`, `${engine.engineMs.toFixed(2)} ms`);
  add(
    `${engine.scenario}: 0.1.0 engine time per replication, same run`,
    `${engine.engine010Ms.toFixed(2)} ms`,
  );
  // The target is set for the MPS scenario; the national one is reported alongside.
  const targeted = engine.scenario.startsWith('MPS');
  add(
    `${engine.scenario}: engine ÷ 0.1.0 engine`,
    `${engine.versus010.toFixed(3)}×`,
    targeted ? '≤ 0.5×' : undefined,
    targeted ? engine.versus010 <= 0.5 : undefined,
  );
  notes.push(
    `${engine.scenario}, engine against 0.1.0: ${engine.replications} replications, each run by this engine, by the 0.1.0 engine (a verbatim copy of src/engine at commit 8aeeea0, kept in scripts/bench/engine-0.1.0/) and by the floor, back to back; the ratio is the median of the pairs' own ratios, whose quartiles were ${engine.versus010Quartiles[0].toFixed(3)}× and ${engine.versus010Quartiles[1].toFixed(3)}×. The two engines draw from different samplers, so they run different (equally distributed) replications.`,
  );
  add(`${engine.scenario}: draw-only floor per replication`, `${engine.floorMs.toFixed(2)} ms`);
  add(
    `${engine.scenario}: engine ÷ floor`,
    `${engine.ratio.toFixed(3)}×`,
    '≤ 1.6×',
    engine.ratio <= 1.6,
  );
}

const builtIn = measureBuiltIn();
add(
  `${builtIn.scenario} (format 2): engine time per replication`,
  `${builtIn.engineMs.toFixed(2)} ms`,
);
notes.push(
  `${builtIn.scenario}: the file as shipped, in format version 2, with the inspection's case limit of 4 on drug supply and a recovery funnel whose order share and lag are drawn; the median of ${builtIn.replications} replications. The 0.1.0 engine cannot run either, so the comparison with it above is made on the file as saved in version 1, which both engines read alike.`,
);

for (const s of await measureScaling(new Map(engines.map((e) => [e.scenario, e.engineMs])))) {
  add(`${s.scenario}: Node, 1 worker`, `${s.one.toFixed(1)} rep/s`);
  add(`${s.scenario}: Node, ${s.workers} workers`, `${s.many.toFixed(1)} rep/s`);
  add(`${s.scenario}: Node scaling`, `${s.ratio.toFixed(3)}×`, '≥ 1.8×', s.ratio >= 1.8);
  add(
    `${s.scenario}: a chunk's time with ${s.workers} Node workers computing ÷ alone (bare workers)`,
    `${s.chunkSlowdown.toFixed(2)}×`,
  );
  notes.push(
    `${s.scenario}, Node scaling: ${ROUNDS_NOTE(s.perWorker, s.workers, s.ratioQuartiles)}`,
    `${s.scenario}: with ${s.workers} bare Node workers computing at once, each takes ${s.chunkSlowdown.toFixed(2)}× as long over the same chunk as alone, which puts this machine's limit near ${(s.workers / s.chunkSlowdown).toFixed(3)}× in that run (a figure as noisy as the pool's own); the pool reached ${s.ratio.toFixed(3)}×.`,
  );
}

const memory = await measureMemory();
add(
  `1,000,000-replication command-line run: peak memory (${memory.scenario})`,
  `${memory.peakMb.toFixed(0)} MB`,
  '< 300 MB',
  memory.peakMb < 300,
);
add('1,000,000-replication command-line run: time', `${memory.seconds.toFixed(0)} s`);

const decisions = await measureDecisionToolsNode();
const goalWords = `goal seek (${GOAL.lever} keeping ${GOAL.metric} below ${GOAL.below.toLocaleString('en-GB')} with probability ${GOAL.confidence})`;
add(
  `MPS tornado, command line (Node, ${decisions.workers} workers)`,
  `${decisions.tornado.seconds.toFixed(1)} s`,
  '≤ 15 s',
  decisions.tornado.seconds <= 15,
);
add(
  `MPS ${goalWords}, command line (Node, ${decisions.workers} workers)`,
  `${decisions.goal.seconds.toFixed(1)} s`,
  '≤ 20 s',
  decisions.goal.seconds <= 20,
);
notes.push(
  `Decision tools, command line: sequential, at most ${MOST.toLocaleString('en-GB')} replications a run, after one untimed run to start the workers. Tornado: ${decisions.tornado.replications.toLocaleString('en-GB')} replications in all, ${decisions.tornado.answer}. Goal seek: ${decisions.goal.replications.toLocaleString('en-GB')} replications in all, ${decisions.goal.answer}.`,
);

const browser = await measureBrowser();
if (browser.ok) {
  const { mps, hub, largest } = browser;
  add(
    'Chromium: Run pressed → first partial result on screen',
    `${mps.firstResultMs.toFixed(0)} ms`,
    '≤ 300 ms',
    mps.firstResultMs <= 300,
  );
  notes.push(
    'Runs in Chromium are watched in a 1366×768 window scrolled to the charts once they are first drawn, so their live redraws are part of what is measured. The page watches itself (mutation observers note the first results and the end of the run), so no polling by the benchmark adds tasks to its main thread.',
  );
  for (const run of [mps, hub, largest]) {
    const count = run.replications.toLocaleString('en-GB');
    const watched = run.complete
      ? `whole ${count}-replication run (${(run.watchedMs / 1000).toFixed(0)} s)`
      : `first ${(run.watchedMs / 1000).toFixed(0)} s of a ${count}-replication run`;
    add(
      `Chromium: longest main-thread task, ${run.scenario}, ${watched}`,
      `${run.longestTaskMs.toFixed(0)} ms`,
      '< 50 ms',
      run.longestTaskMs < 50,
    );
    notes.push(
      `Longest main-thread task, ${run.scenario}: ${run.longestTaskMs.toFixed(0)} ms, of which ${run.longestTaskParts || 'no traced part over 1 ms'}.${run.majorFaults === undefined ? '' : ` The machine took ${run.majorFaults.toLocaleString('en-GB')} major page faults while the run was watched (a thread waiting on one is off the CPU).`}`,
    );
  }
  const { rates } = browser;
  add(`Chromium: ${browser.scenario}, 1 worker`, `${rates.one.toFixed(1)} rep/s`);
  add(
    `Chromium: ${browser.scenario}, ${browser.workers} workers`,
    `${rates.many.toFixed(1)} rep/s`,
  );
  add('Chromium scaling', `${rates.ratio.toFixed(3)}×`, '≥ 1.8×', rates.ratio >= 1.8);
  notes.push(
    `Chromium scaling: ${ROUNDS_NOTE(browser.perWorker, browser.workers, rates.ratioQuartiles)}`,
  );
  add(
    `Chromium: a chunk's time with ${browser.workers} workers computing ÷ alone (bare workers)`,
    `${browser.chunkSlowdown.toFixed(2)}×`,
  );
  notes.push(
    `With ${browser.workers} workers computing at once, each takes ${browser.chunkSlowdown.toFixed(2)}× as long over the same chunk as alone, whatever the pool does, which puts this machine's limit in Chromium near ${(browser.workers / browser.chunkSlowdown).toFixed(3)}× (a figure as noisy as the pool's own).`,
  );
  const { bigFile } = browser;
  add(
    'Chromium: longest main-thread task, opening and editing a file at every count limit (median)',
    `${bigFile.longestTaskMs.toFixed(0)} ms`,
    '< 200 ms',
    bigFile.longestTaskMs < 200,
  );
  notes.push(
    `A file at every count limit (${LIMITS.roles} roles, ${LIMITS.units} units of ${LIMITS.staffGroupsPerUnit} staff groups and ${LIMITS.demandStreamsPerUnit} demand streams, ${(bigFile.fileBytes / 2 ** 20).toFixed(1)} MB) opened with the Open button, each tab shown and one field edited in each editor; the longest task, from Chromium's long-task timeline, came while ${bigFile.longestStep}. Each figure is the median of ${bigFile.rounds} rounds on fresh pages (the longest task in any round: ${bigFile.worstTaskMs.toFixed(0)} ms). Longest task of each step: ${bigFile.steps.map((s) => `${s.step} ${s.longestTaskMs.toFixed(0)} ms`).join('; ')}.`,
  );
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
  for (const live of browser.live) {
    const on = `${live.workers} ${live.workers === 1 ? 'worker' : 'workers'}`;
    const first = median(live.firstHeadlineMs);
    add(
      `Chromium: MPS, last keystroke of an edit → first updated headline, ${on} (median)`,
      ms(live.firstHeadlineMs),
      '≤ 1 s',
      first <= 1000,
    );
    const during = median(live.firstHeadlineDuringMs);
    add(
      `Chromium: the same, the edit made while the last update refined, ${on} (median)`,
      ms(live.firstHeadlineDuringMs),
      '≤ 1 s',
      during <= 1000,
    );
    add(`Chromium: MPS, edit → all 2,000 replications, ${on} (median)`, ms(live.finalMs));
    add(
      `Chromium: longest main-thread task from an edit to its final results, ${on} (median)`,
      ms(live.longestTaskMs),
      '< 50 ms',
      median(live.longestTaskMs) < 50,
    );
  }
  const chosen = chooseWorkers(browser.live);
  add(
    'Chromium: workers this measurement supports as the default on 2 cores',
    String(chosen),
    `the default (${defaultBrowserPoolSize(2)})`,
    chosen === defaultBrowserPoolSize(2),
  );
  notes.push(
    `Results following edits (scripts/bench/liveRerun.ts): on the production build, the MPS scenario at 2,000 replications, a planner types a new number of financial investigators in post on the Establishment tab (keys 80 ms apart); timed from the last keystroke to the first headline beside the editor painted with the update's first answer, and to the update's end. Each round edits once with the results final and once ${REFINING_MS / 1000} s into that update's refining (cancelling it); pool sizes take turns on one page, after a round that warms each. Medians of ${browser.live[0]?.firstHeadlineMs.length ?? 0} rounds: first headline ${browser.live.map((l) => `${l.workers} worker(s) ${l.firstHeadlineMs.map((v) => v.toFixed(0)).join(', ')} ms`).join('; ')}. The default is the pool size whose updates finish soonest while the page's longest task stays under 50 ms (chooseWorkers).`,
  );
  const app = browser.decisions;
  add(
    `Chromium: MPS tornado in the Decisions tab (${app.workers} ${app.workers === 1 ? 'worker' : 'workers'})`,
    `${app.tornadoSeconds.toFixed(1)} s`,
    '≤ 15 s',
    app.tornadoSeconds <= 15,
  );
  add(
    `Chromium: MPS ${goalWords} in the Decisions tab (${app.workers} ${app.workers === 1 ? 'worker' : 'workers'})`,
    `${app.goalSeconds.toFixed(1)} s`,
    '≤ 20 s',
    app.goalSeconds <= 20,
  );
  notes.push(
    `Decision tools in Chromium: the production build, the page's default workers, the tab's sequential tools at most ${MOST.toLocaleString('en-GB')} replications a run; from the button's press to the chart or table on screen (the goal seek also evaluates three evenly spaced values for its curve).`,
  );
} else {
  add('Chromium measurements', `not measured: ${browser.reason}`);
}

const table = [
  '| measure | value | target | met |',
  '| --- | ---: | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.measure} | ${r.value} | ${r.target ?? ''} | ${r.target ? (r.met ? 'yes' : '**no**') : ''} |`,
  ),
].join('\n');
const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);
// Figures measured by hand sit under their own dated headings, which a new run keeps.
const byHand = existsSync(BENCHMARKS)
  ? readFileSync(BENCHMARKS, 'utf8')
      .split(/^(?=## Measured by hand)/m)
      .slice(1)
      .join('')
  : '';
writeFileSync(
  BENCHMARKS,
  `# Benchmarks\n\nWritten by \`npm run bench\`. Machine: ${machine}.\n\n${table}\n\n## Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}\n${byHand ? `\n${byHand}` : ''}`,
);
console.log('\nWritten to docs/benchmarks.md');
