// What the benchmark scripts share: their command-line options and the
// statistics they report.

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

export const sorted = (values) => [...values].sort((a, b) => a - b);

export function median(values) {
  const s = sorted(values);
  const middle = Math.floor(s.length / 2);
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
}

export const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');
