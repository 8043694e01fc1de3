/**
 * Buffered CSV output. Rows are appended as pre-formatted lines and flushed to the file in large
 * chunks, so a table of any size is written with bounded memory; ids, numbers and dates never need
 * quoting, so only free text goes through {@link csvText}.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 18;

/** An open CSV file being written row by row. */
export interface CsvWriter {
  /** Appends one row: its fields already formatted and joined with commas, without newline. */
  line(text: string): void;
  /** Rows written so far (the header excluded). */
  readonly rows: number;
  /** Flushes and closes the file. */
  close(): void;
}

/** Creates (truncates) `path` and writes the header line. */
export function openCsv(path: string, columns: readonly string[]): CsvWriter {
  const fd = openSync(path, 'w');
  let buffer = `${columns.join(',')}\n`;
  let rows = 0;
  let open = true;
  const flush = (): void => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = '';
  };
  return {
    line(text: string): void {
      buffer += text;
      buffer += '\n';
      rows++;
      if (buffer.length >= FLUSH_AT) flush();
    },
    get rows() {
      return rows;
    },
    close(): void {
      if (!open) return;
      open = false;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A free-text field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvText(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole-dollar amount as money text (`12500.00`). */
export function dollars(amount: number): string {
  return `${amount}.00`;
}

/** An amount in cents as money text (`1041.67`, `-250.00`). */
export function cents(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}
