import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepFocus } from '../../src/app/keepFocus.ts';

/** A focusable region holding two buttons, watched by keepFocus; returns the parts and the stop. */
function watchedRegion(fallback?: () => HTMLElement | null) {
  document.body.innerHTML = `
    <section id="region" tabindex="-1"><button id="a">A</button><button id="b">B</button></section>
    <button id="outside">Outside</button>`;
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const stop = keepFocus(fallback)(byId('region'));
  return { region: byId('region'), a: byId('a') as HTMLButtonElement, b: byId('b'), byId, stop };
}

/** Lets keepFocus's check, queued as a microtask, run. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('keepFocus', () => {
  it('focuses the region when the focused element in it is taken off the page', async () => {
    const { region, a, stop } = watchedRegion();
    a.focus();
    a.remove();
    await settled();
    expect(document.activeElement).toBe(region);
    stop?.();
  });

  it('focuses the fallback instead, when one is given', async () => {
    const { a, byId, stop } = watchedRegion(() => document.getElementById('outside'));
    a.focus();
    a.remove();
    await settled();
    expect(document.activeElement).toBe(byId('outside'));
    stop?.();
  });

  it('focuses the region when the focused button is disabled', async () => {
    const { region, a, stop } = watchedRegion();
    a.focus();
    a.disabled = true;
    // The browser blurs a disabled element at a later rendering update, not at once.
    await vi.waitFor(() => expect(document.activeElement).toBe(region));
    stop?.();
  });

  it('leaves focus where the same update put it', async () => {
    const { a, b, stop } = watchedRegion();
    a.focus();
    a.remove();
    b.focus();
    await settled();
    expect(document.activeElement).toBe(b);
    stop?.();
  });

  it('leaves the page body focused when the planner moves focus off an element still there', async () => {
    const { a, stop } = watchedRegion();
    a.focus();
    a.blur();
    await settled();
    expect(document.activeElement).toBe(document.body);
    stop?.();
  });

  it('does nothing once stopped', async () => {
    const { a, stop } = watchedRegion();
    stop?.();
    a.focus();
    a.remove();
    await settled();
    expect(document.activeElement).toBe(document.body);
  });
});
