import { LIMITS } from '../scenario/limits.ts';

/** Replications as typed: a whole number from 1 to the limit, or a message saying what is wrong. */
export function parseReplications(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replaceAll(',', '');
  if (!/^\d+$/.test(trimmed))
    return { ok: false, message: 'Enter a whole number of replications, e.g. 2000.' };
  const value = Number(trimmed);
  if (value < 1) return { ok: false, message: 'Run at least 1 replication.' };
  if (value > LIMITS.replications)
    return {
      ok: false,
      message: `Run at most ${LIMITS.replications.toLocaleString('en-GB')} replications.`,
    };
  return { ok: true, value };
}

export function seedProblem(seed: string): string | undefined {
  if (seed.length === 0) return 'Enter a seed: any text, e.g. the date.';
  if (seed.length > LIMITS.nameLength)
    return `Keep the seed under ${LIMITS.nameLength} characters.`;
  return undefined;
}
