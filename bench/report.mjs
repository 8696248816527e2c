// What the browser benchmarks (bench/timing.mjs, bench/throttled.mjs) print
// and how: their statistics, units, progress line, the machine they ran on,
// one Markdown table of measures against budgets, notes, the raw records
// (--json) and the exit status. Reported, never asserted: the machines are
// shared and noisy, so a bench fails only when something failed to run.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';

// --- Statistics ---------------------------------------------------------------------

export const sorted = (values) => [...values].sort((a, b) => a - b);

export function median(values) {
  const s = sorted(values);
  const middle = Math.floor(s.length / 2);
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
}

/** Nearest-rank percentile. */
export const percentile = (values, p) => sorted(values)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];

// --- Units ----------------------------------------------------------------------------

export const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');
export const ms = (value, digits = 0) =>
  `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
/** The smallest and the largest of `values`, in ms. */
export const range = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const mib = (bytes) => `${(bytes / 1048576).toFixed(2)} MiB`;
export const signedKib = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KiB`;

// --- While running ----------------------------------------------------------------------

/** Reports progress on stderr, over one line on a terminal. */
export function progress(label, done, total, began) {
  const end = done === total ? ` (${((Date.now() - began) / 1000).toFixed(0)} s)\n` : '';
  if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${total}${end}`);
  else if (end) process.stderr.write(`${label}: ${total}${end}`);
}

/**
 * What the figures were measured on: the date, the machine and its load
 * average at the start (call at the start) and at the end (call `.lines()`
 * at the end), the browser and Node.
 */
export function machine(browser, viewport) {
  const started = Date.now();
  const load0 = os.loadavg()[0];
  const version = browser.version();
  return {
    lines() {
      const cpus = os.cpus();
      return [
        `Date: ${new Date().toISOString()}`,
        `Machine: ${cpus[0].model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
          `load average ${load0.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end`,
        `Chromium: ${version} (headless, ${viewport.width}×${viewport.height}); Node ${process.version}; ` +
          `${((Date.now() - started) / 1000).toFixed(0)} s`,
      ];
    },
  };
}

// --- The report -----------------------------------------------------------------------

/**
 * One table of measures, the widget's against the `other`'s (the Yew
 * counter), each with its ratio, budget and whether the budget is met, and
 * the notes a reader needs to judge them.
 */
export class Report {
  constructor(other) {
    this.other = other;
    this.rows = [];
    this.notes = [];
  }

  /** `met`: true, false, or undefined when the measure has no budget. */
  row(measure, widget, other, ratioText, budget, met) {
    this.rows.push([measure, widget, other, ratioText, budget, met === undefined ? '–' : met ? 'yes' : '**no**']);
  }

  note(text) {
    this.notes.push(text);
  }

  /** Prints the header lines, the table and the notes on stdout. */
  print(header) {
    for (const line of header) console.log(line);
    console.log('');
    console.log(`| measure | widget | ${this.other} | ratio | budget | met |`);
    console.log('|---|---|---|---|---|---|');
    for (const r of this.rows) console.log(`| ${r.join(' | ')} |`);
    if (this.notes.length) {
      console.log('');
      for (const note of this.notes) console.log(`- ${note}`);
    }
  }
}

/** Writes the raw records to `file` (--json), when one was given. */
export async function writeRecords(file, records) {
  if (file) await writeFile(file, `${JSON.stringify(records, null, 1)}\n`);
}

/**
 * Ends a run that could not finish: after `cleanup`, the error and the
 * problems seen so far on stderr, exit status 1.
 */
export async function failedToRun(error, problems, cleanup) {
  await cleanup();
  console.error(`Failed to run: ${error.stack ?? error}`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}

/** Exits with status 1 when something failed to run (a page error, a timeout). */
export function exitOnProblems(problems) {
  if (!problems.length) return;
  console.error('\nSomething failed to run:');
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
