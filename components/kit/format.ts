/** Number formatting and step snapping shared by controls, charts and captions. */

function decimalsOf(step: number): number {
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Returns `value` moved onto the grid min + k·step and clamped to [min, max], without float dust (0.1 + 0.2 → 0.3). */
export function snapToStep(value: number, min: number, max: number, step: number): number {
  if (!(step > 0)) return Math.min(max, Math.max(min, value));
  const k = Math.round((value - min) / step);
  const snapped = Number((min + k * step).toFixed(Math.min(20, Math.max(decimalsOf(step), decimalsOf(min)))));
  return Math.min(max, Math.max(min, snapped));
}

/** Returns a number for display: at most `digits` significant digits, no trailing zeros, no exponent for everyday sizes. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return String(Math.round(value));
  if (abs < 1e-4) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}
