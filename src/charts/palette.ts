/**
 * Okabe–Ito colours, distinguishable with every common colour-vision deficiency. Text colours
 * reach at least 4.5:1 against white.
 */
export const PALETTE = {
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  /** Vermillion darkened for text and thin lines on white (5.0:1). */
  vermillionText: '#B34700',
  text: '#1F1F1F',
  muted: '#575757',
  grid: '#D9D9D9',
} as const;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
