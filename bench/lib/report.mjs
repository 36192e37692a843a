// Statistics and aligned plain-text tables.

export function median(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, n } of the values that were measured (nulls are missed loads). */
export function summary(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x));
  return {
    median: median(v),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
    n: v.length,
    missed: values.length - v.length,
  };
}

export const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);

// Formatters: a missing figure prints as "n/a", never as a made-up number.
const or = (f) => (x) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : f(x));
export const ms = or((x) => `${x.toFixed(0)} ms`);
export const kib = or((x) => `${(x / 1024).toFixed(1)} KiB`);
export const mib = or((x) => `${(x / 1024 / 1024).toFixed(2)} MiB`);
export const times = or((x) => `${x.toFixed(2)}x`);
export const fixed = (digits) => or((x) => x.toFixed(digits));
export const signedKib = or((x) => `${x >= 0 ? "+" : "-"}${(Math.abs(x) / 1024).toFixed(1)} KiB`);

/** "median (min–max)" of a summary with formatter `f`. */
export const spread = (f) => (s) => (s.median === null ? "n/a" : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);

/**
 * Prints `rows` (arrays of cells) under `headers`, the first column left-aligned and the
 * others right-aligned, with a title above.
 */
export function printTable(title, headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((c) => String(c ?? "")));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells.slice(1)) console.log(line(row));
}

export function heading(text) {
  console.log(`\n== ${text} ${"=".repeat(Math.max(0, 88 - text.length))}`);
}

/** Indented notes under a table. */
export function note(...lines) {
  for (const line of lines) console.log(`  ${line}`);
}
