import type { Attachment } from 'svelte/attachments';

/**
 * An attachment that calls `seen` once the element comes near the viewport, so work for what a
 * planner may never scroll to (a picture among thousands) is left until it is needed.
 */
export function onceVisible(seen: () => void, margin = '300px'): Attachment {
  return (element) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        seen();
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  };
}
