import { describe, expect, it } from 'vitest';
import { Presentation } from '../../src/state/presentation.svelte.ts';

describe('Presentation', () => {
  it('moves with the arrow keys within the slides and leaves with Escape', () => {
    const p = new Presentation();
    p.start();
    expect(p.handleKey('ArrowLeft', 3)).toBe(true);
    expect(p.index).toBe(0);
    p.handleKey('ArrowRight', 3);
    p.handleKey('ArrowRight', 3);
    p.handleKey('ArrowRight', 3);
    expect(p.index).toBe(2);
    expect(p.handleKey('a', 3)).toBe(false);
    p.handleKey('Escape', 3);
    expect(p.open).toBe(false);
  });
});
