import type { Rng } from './rng.ts';

/** Layers, base strip included. */
const LAYERS = 128;
/**
 * Where the base strip ends and the tail begins, and the area of every layer: the R for which
 * the recursion below closes at the top (X[1]·(1 − f(X[1])) = V), found by bisection in double
 * precision, and V = R·f(R) + ∫_R^∞ f, the tail's area from the Mills ratio's continued
 * fraction. Marsaglia and Tsang give R = 3.442619855899, the same to 12 digits.
 */
export const R = 3.4426198558966523;
export const V = 0.009912563035336455;
/** Points across a layer: 2²⁴, the bits a draw has left after the layer and the sign. */
const POSITIONS = 2 ** 24;

/** Right edge of each layer: X[i] = f⁻¹(V / X[i+1] + f(X[i+1])) down from X[127] = R. */
export const X = new Float64Array(LAYERS);
/** f(X[i]): the bottom of layer i and the top of layer i + 1; f(X[0]) = f(0) = 1. */
export const DENSITY = new Float64Array(LAYERS);
/** Width of one of the 2²⁴ steps across a layer: X[i] / 2²⁴, and Q / 2²⁴ for the base strip. */
export const STEP = new Float64Array(LAYERS);
/**
 * Points j below this are left of the layer above, so under the curve: ⌊2²⁴·X[i−1]/X[i]⌋, and
 * ⌊2²⁴·R/Q⌋ in the base strip. Flooring only sends a few more points to the exact test.
 */
export const INNER = new Int32Array(LAYERS);

X[LAYERS - 1] = R;
for (let i = LAYERS - 1; i > 1; i--) {
  X[i - 1] = Math.sqrt(-2 * Math.log(V / X[i]! + Math.exp(-0.5 * X[i]! * X[i]!)));
}
X[0] = 0;
for (let i = 0; i < LAYERS; i++) DENSITY[i] = Math.exp(-0.5 * X[i]! * X[i]!);
const BASE_WIDTH = V / DENSITY[LAYERS - 1]!;
STEP[0] = BASE_WIDTH / POSITIONS;
INNER[0] = Math.floor((POSITIONS * R) / BASE_WIDTH);
for (let i = 1; i < LAYERS; i++) {
  STEP[i] = X[i]! / POSITIONS;
  INNER[i] = Math.floor((POSITIONS * X[i - 1]!) / X[i]!);
}

/**
 * A standard normal draw by Marsaglia and Tsang's ziggurat (2000), exact in distribution, tail
 * included. The right half of the density f(x) = exp(−x²/2) is covered by 127 rectangles and a
 * base strip, all of area V: layer i (1 … 127) spans [0, X[i]] × [f(X[i]), f(X[i−1])], with
 * X[0] = 0 and X[127] = R; the base strip is the rectangle [0, R] × [0, f(R)] with the tail
 * beyond R, which together are as wide as Q = V / f(R).
 *
 * One uniform makes a draw: its 32 bits (as u·2³² − 2³¹, a 32-bit integer), from the top, give the layer (7 bits), the sign (1 bit)
 * and a point j/2²⁴ across the layer (24 bits), x = X[i]·j/2²⁴. A point left of the layer
 * above (x < X[i−1]; in the base strip x < R) lies under the curve and is returned at once; in
 * about one draw in a hundred the point falls in a layer's wedge and is kept only if a second
 * uniform height lies under the curve, or in the base strip's tail, drawn by normalTail. A
 * rejected point starts the draw again with a fresh uniform.
 */
export function standardNormal(rng: Rng): number {
  const u = (rng() * 4294967296 - 2147483648) | 0;
  const i = u >>> 25;
  const j = u & 0xffffff;
  if (j < INNER[i]!) {
    const x = j * STEP[i]!;
    return (u & 0x1000000) === 0 ? x : -x;
  }
  return edge(rng, u, i, j);
}

/**
 * The rarer part of a draw: the tail of the base strip, or a point in a layer's wedge, tried
 * again with fresh uniforms until one is kept (a loop rather than a call, so no generator can
 * run the stack out). Called with the draw's first 32 bits `u`, its layer i and its point j,
 * by standardNormal and by loops that make the common part of the draw themselves.
 */
export function edge(rng: Rng, u: number, i: number, j: number): number {
  for (;;) {
    if (i === 0) {
      const x = normalTail(rng);
      return (u & 0x1000000) === 0 ? x : -x;
    }
    const x = j * STEP[i]!;
    const y = DENSITY[i]! + rng() * (DENSITY[i - 1]! - DENSITY[i]!);
    if (y < Math.exp(-0.5 * x * x)) return (u & 0x1000000) === 0 ? x : -x;
    u = (rng() * 4294967296 - 2147483648) | 0;
    i = u >>> 25;
    j = u & 0xffffff;
    if (j < INNER[i]!) {
      const inner = j * STEP[i]!;
      return (u & 0x1000000) === 0 ? inner : -inner;
    }
  }
}

/**
 * A draw of a standard normal conditioned to exceed R, by Marsaglia's method (1964): x from an
 * exponential of rate R, kept with probability exp(−x²/2) by comparing x²/2 with a second,
 * unit exponential; R + x then has the normal's density beyond R.
 */
export function normalTail(rng: Rng): number {
  for (;;) {
    const x = -Math.log(1 - rng()) / R;
    const y = -Math.log(1 - rng());
    if (y + y >= x * x) return R + x;
  }
}
