/**
 * A sum of doubles that is exact until the final rounding (Shewchuk's algorithm, as Python's
 * math.fsum), so its value does not depend on the order the numbers were added in. That is what
 * lets replications be summed in chunks of any size, by any number of workers, and still give
 * bit-identical means.
 *
 * The partial sums live in a typed array that only grows: adding a number rewrites a few of
 * them in place (rarely more than three), with no array resizing on the way.
 */
export class ExactSum {
  /** Non-overlapping partial sums, smallest magnitude first, in [0, length). */
  private buffer = new Float64Array(4);
  private length = 0;

  /** The partial sums, smallest magnitude first: adding them to another ExactSum adds this one. */
  get partials(): number[] {
    return Array.from(this.buffer.subarray(0, this.length));
  }

  clear(): void {
    this.length = 0;
  }

  add(value: number): void {
    let x = value;
    const p = this.buffer;
    const n = this.length;
    let i = 0;
    for (let j = 0; j < n; j++) {
      const y = p[j]!;
      const hi = x + y;
      const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (i === p.length) {
      this.buffer = new Float64Array(p.length * 2);
      this.buffer.set(p);
    }
    this.buffer[i] = x;
    this.length = i + 1;
  }

  addAll(other: ExactSum | readonly number[]): void {
    if (other instanceof ExactSum) {
      for (let k = 0; k < other.length; k++) this.add(other.buffer[k]!);
    } else {
      for (const x of other) this.add(x);
    }
  }

  /** Appends the count of partials, then the partials, to `out` (see CellSketch.encode). */
  encode(out: number[]): void {
    out.push(this.length);
    for (let k = 0; k < this.length; k++) out.push(this.buffer[k]!);
  }

  /** The exact sum, correctly rounded to a double. */
  value(): number {
    const p = this.buffer;
    let n = this.length;
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
