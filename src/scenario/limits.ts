/**
 * Upper bounds on what a scenario may ask for. They are far above any real force (the largest,
 * the Metropolitan Police, has a few hundred FIs) and exist so that a shared file cannot freeze
 * a laptop or exhaust its memory. Documented in docs/scenario-format.md.
 */
export const LIMITS = {
  /** Longest horizon, months: five Force Management Statement cycles. */
  horizonMonths: 240,
  replications: 1_000_000,
  roles: 20,
  units: 100,
  staffGroupsPerUnit: 20,
  demandStreamsPerUnit: 50,
  /** People in one staff group, in any one state (posts, in post, in training). */
  peoplePerGroup: 20_000,
  hiresPerMonth: 1_000,
  trainingSeatsPerYear: 20_000,
  pipelineMonths: 60,
  /** Order-size bands of the recovery funnel's collection. */
  collectionBands: 20,
  hoursPerYear: 3_000,
  annualCost: 1_000_000,
  /** Largest value any distribution parameter may take (hours, pounds, counts). */
  parameter: 1e10,
  /**
   * Smallest lognormal median or 90th percentile: below it a value is too small to be an hour or
   * a pound, and its logarithm would stretch the spread beyond what a draw can hold.
   */
  smallestParameter: 1e-6,
  /**
   * Largest ratio of a lognormal's 90th percentile to its median. A draw lies at most 9.9 sd from
   * the median (the ziggurat's largest normal), so with this ratio and the largest parameter every draw, and every total of a
   * replication's draws, stays a finite number.
   */
  lognormalSpread: 1_000,
  /**
   * Smallest negative binomial dispersion: below it the gamma-distributed rate can put billions
   * of cases in a single month.
   */
  smallestDispersion: 0.01,
  /** Expected work items (suspects and products) arriving in one replication over the horizon. */
  itemsPerReplication: 2_000_000,
  /**
   * Expected cases arriving in one replication over the horizon: each is drawn even when it
   * brings no items, so cases are bounded as well as items.
   */
  casesPerReplication: 2_000_000,
  /** Longest free text: names, descriptions and source titles. */
  nameLength: 200,
  textLength: 10_000,
  sources: 100,
  /** Options a scenario may hold, each run in full beside the baseline. */
  options: 20,
  changesPerOption: 200,
  /** Largest file the app or the command line will read, in bytes. */
  fileBytes: 5 * 1024 * 1024,
  /** Deepest nesting of arrays and objects in a scenario file. */
  jsonDepth: 32,
} as const;
