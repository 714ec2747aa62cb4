/** A fitted or judged number as a planner reads it: 4 significant figures, thousands separated. */
export function figure(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return '–';
  const text = Number(x.toPrecision(digits)).toLocaleString('en-GB', {
    maximumFractionDigits: 10,
  });
  return text.replace(/^-/, '−');
}

/** A share as a signed percentage to one decimal: 0.041 → "+4.1%", −0.01 → "−1.0%". */
export function signedPercent(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = `${(Math.abs(x) * 100).toFixed(1)}%`;
  return x > 0 && text !== '0.0%' ? `+${text}` : x < 0 && text !== '0.0%' ? `−${text}` : text;
}

/**
 * A gap between two probabilities in percentage points, as a reader needs it: to 2 significant
 * figures, and "under 0.1" rather than a string of zeros when the fit is all but exact.
 */
export function percentagePoints(gap: number): string {
  const points = gap * 100;
  return points < 0.1 ? 'under 0.1' : figure(points, 2);
}
