import { readFileSync } from 'node:fs';

/**
 * The built-in MPS scenario's own figures, read from its file, so a test states what the app
 * should show without copying numbers that a recalibration of the file may change.
 */
export function mpsFigures(): { establishment: number; inPost: number; seatsPerYear: number } {
  const file = JSON.parse(
    readFileSync(
      new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
      'utf8',
    ),
  );
  const staff = file.units[0].staff[0];
  return {
    establishment: staff.establishment,
    inPost: staff.inPost,
    seatsPerYear: file.roles[0].trainingSeatsPerYear,
  };
}
