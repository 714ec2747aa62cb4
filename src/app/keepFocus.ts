import type { Attachment } from 'svelte/attachments';

/**
 * An attachment that keeps focus off the page body: when the focused element inside is taken off
 * the page (a notice dismissed, a panel or a row drawn afresh) or disabled, focus goes to
 * `fallback`, the element itself unless given, so a keyboard or screen reader user carries on
 * from there rather than from the top of the page. Focus the planner moves elsewhere, or out of
 * the window, is left alone.
 */
export function keepFocus(fallback?: () => HTMLElement | null): Attachment<HTMLElement> {
  return (element) => {
    const onfocusout = (event: FocusEvent) => {
      const left = event.target;
      if (event.relatedTarget !== null || !(left instanceof Element)) return;
      // The element is still on the page while its focusout is dispatched; whether it left, and
      // whether anything else took focus meanwhile, is known once the update is over.
      queueMicrotask(() => {
        const active = element.ownerDocument.activeElement;
        if (active !== null && active !== element.ownerDocument.body) return;
        if (left.isConnected && !left.matches(':disabled')) return;
        (fallback?.() ?? element).focus();
      });
    };
    element.addEventListener('focusout', onfocusout);
    return () => element.removeEventListener('focusout', onfocusout);
  };
}
