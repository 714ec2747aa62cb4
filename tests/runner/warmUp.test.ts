import { describe, expect, it } from 'vitest';
import type { ChunkResult } from '../../src/engine/chunk.ts';
import { WARM_UP_MS, WARM_UP_PIECE_MS, warmUp } from '../../src/runner/warmUp.ts';
import { smallScenario } from './smallScenario.ts';

/** A worker's warmUp that records what it was asked for and answers at once. */
function recorder() {
  const asked: number[] = [];
  const api = {
    warmUp: (_: unknown, milliseconds: number) => {
      asked.push(milliseconds);
      return Promise.resolve({ count: 0 } as ChunkResult);
    },
  };
  return { asked, api };
}

describe('warmUp', () => {
  const pieces = WARM_UP_MS / WARM_UP_PIECE_MS;

  it.each([
    ['never', Infinity, pieces],
    ['at once', 0, 0],
    ['after three pieces', 3, 3],
  ])(
    'sends an empty warm-up first, then pieces of WARM_UP_PIECE_MS until stopped (%s)',
    async (_, stopAfter, expectedPieces) => {
      const { asked, api } = recorder();
      await warmUp(api, smallScenario(), () => asked.length - 1 >= stopAfter);
      expect(asked).toEqual([0, ...Array<number>(expectedPieces).fill(WARM_UP_PIECE_MS)]);
    },
  );
});
