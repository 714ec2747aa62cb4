import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintedScenarios, FINGERPRINTS_PATH } from './fingerprint.ts';

const stored = JSON.parse(readFileSync(FINGERPRINTS_PATH, 'utf8')) as Record<
  string,
  Record<string, string>
>;

/**
 * A file that uses none of the optional fields of format v2 (case limits, suppressed demand, a
 * starting pipeline, accreditation, hours correlated with value) gives bit for bit the results
 * it gave before they existed: every metric stored then is compared, and metrics added since
 * are not in the store.
 */
describe('results without the optional demand and pipeline fields', () => {
  it.each(fingerprintedScenarios())('$id is unchanged, metric by metric', ({ id, scenario }) => {
    const before = stored[id];
    expect(before, `no stored fingerprint for ${id}`).toBeDefined();
    const now = fingerprint(scenario());
    const compared = Object.fromEntries(Object.keys(before!).map((name) => [name, now[name]]));
    expect(compared).toEqual(before);
  });
});
