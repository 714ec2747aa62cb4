/**
 * e^x as fdlibm's exp computes it (the algorithm of V8's Math.exp, and of SpiderMonkey's), for
 * the range where its argument reduction takes its main path, written out so that a loop calling
 * it compiles it in place rather than calling into C, which saves and restores every floating-
 * point register the loop holds. Outside that range (x below 1.5·ln 2 or above 700) it returns
 * Math.exp(x). The steps, constants and order of operations are fdlibm's, so the result is the
 * same double (tests/engine/random/exp.test.ts compares it with Math.exp).
 *
 * Main path: k = ⌊x/ln 2 + 1/2⌋, r = (x − k·ln2hi) − k·ln2lo, and with
 * c = r − r²(P1 + r²(P2 + r²(P3 + r²(P4 + r²·P5)))), e^x = 2^k·(1 − ((k·ln2lo − r·c/(2 − c)) −
 * (x − k·ln2hi))).
 */
export function exp(x: number): number {
  if (!(x >= 1.0397207708399179 && x <= 700)) return Math.exp(x);
  const k = (1.442695040888963387 * x + 0.5) | 0;
  const hi = x - k * 6.9314718036912381649e-1;
  const lo = k * 1.90821492927058770002e-10;
  const r = hi - lo;
  const t = r * r;
  const c =
    r -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 +
            t *
              (6.61375632143793436117e-5 +
                t * (-1.6533902205465251539e-6 + t * 4.13813679705723846039e-8))));
  return (1 - (lo - (r * c) / (2 - c) - hi)) * POWERS_OF_TWO[k]!;
}

/** 2^k for k = 0 … 1010, the k of the main path. */
const POWERS_OF_TWO = Float64Array.from({ length: 1011 }, (_, k) => 2 ** k);
