// What the benchmark scripts share: their command-line options, the
// statistics they report, their progress line and the counter's page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Reports progress on stderr, over one line on a terminal. */
export function progress(label, done, total, began) {
  const end = done === total ? ` (${((Date.now() - began) / 1000).toFixed(0)} s)\n` : '';
  if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${total}${end}`);
  else if (end) process.stderr.write(`${label}: ${total}${end}`);
}

/**
 * Trunk's own page for the Yew counter (bench/baseline/dist/index.html,
 * with its preloads), its files moved under /baseline/ where the benches
 * serve them.
 */
export async function readCounterPage(repo) {
  return (await readFile(join(repo, 'bench/baseline/dist/index.html'), 'utf8')).replaceAll(
    /(["'])\/yew-counter-baseline/g,
    '$1/baseline/yew-counter-baseline',
  );
}
