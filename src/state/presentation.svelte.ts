/** The presentation view: one slide at a time, moved with the arrow keys. */
export class Presentation {
  open = $state(false);
  index = $state(0);

  start(): void {
    this.index = 0;
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  next(count: number): void {
    this.index = Math.min(count - 1, this.index + 1);
  }

  previous(): void {
    this.index = Math.max(0, this.index - 1);
  }

  /** Handles a key press; returns true when the key was used. */
  handleKey(key: string, count: number): boolean {
    if (key === 'ArrowRight' || key === 'PageDown') this.next(count);
    else if (key === 'ArrowLeft' || key === 'PageUp') this.previous();
    else if (key === 'Escape') this.close();
    else return false;
    return true;
  }
}
