/**
 * Puts results that finish in any order back in index order. A result is held until every
 * earlier index is in, then released with any later ones it was holding back, so what has been
 * released is always indices [0, n). `ahead` bounds how far past the first index not yet
 * released work may be started (`mayStart`), and so how many results are ever held at once.
 */
export class OrderedMerge<T> {
  private readonly held = new Map<number, T>();
  private next = 0;

  constructor(private readonly ahead: number) {
    if (!Number.isInteger(ahead) || ahead < 1) {
      throw new RangeError(`An ordered merge needs a look-ahead of at least 1 (got ${ahead}).`);
    }
  }

  /** The index of the first result not yet released. */
  get nextIndex(): number {
    return this.next;
  }

  /** Results held back, waiting for an earlier one. */
  get waiting(): number {
    return this.held.size;
  }

  /** Whether the work for `index` may begin: it lies within `ahead` of the first not released. */
  mayStart(index: number): boolean {
    return index < this.next + this.ahead;
  }

  /**
   * Takes the result for `index` and returns the results now released, in index order: none if
   * an earlier one is still out.
   */
  put(index: number, result: T): T[] {
    if (index < this.next || this.held.has(index)) {
      throw new RangeError(`Result ${index} was already given.`);
    }
    this.held.set(index, result);
    const released: T[] = [];
    for (; this.held.has(this.next); this.next++) {
      released.push(this.held.get(this.next)!);
      this.held.delete(this.next);
    }
    return released;
  }
}
