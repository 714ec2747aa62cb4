/**
 * A sum of doubles that is exact until the final rounding (Shewchuk's algorithm, as Python's
 * math.fsum), so its value does not depend on the order the numbers were added in. That is what
 * lets replications be summed in chunks of any size, by any number of workers, and still give
 * bit-identical means.
 */
export class ExactSum {
  /** Non-overlapping partial sums, smallest magnitude first. */
  partials: number[] = [];

  add(value: number): void {
    let x = value;
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      const y = p[j]!;
      const hi = x + y;
      const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }

  addAll(other: ExactSum | readonly number[]): void {
    for (const x of Array.isArray(other) ? other : (other as ExactSum).partials) this.add(x);
  }

  /** The exact sum, correctly rounded to a double. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the remaining partials, as math.fsum does.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}
