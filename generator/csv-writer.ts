/**
 * Buffered CSV output. Rows are appended as pre-formatted lines and flushed to the file in large
 * chunks, so a table of any size is written with bounded memory; ids, numbers and dates never need
 * quoting, so only free text goes through {@link csvText}.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 20;

/** An open CSV file being written row by row. */
export interface CsvWriter {
  /** Appends one row: its fields already formatted and joined with commas, without newline. */
  line(text: string): void;
  /** Rows written so far (the header excluded). */
  readonly rows: number;
  /** Flushes and closes the file. */
  close(): void;
}

/**
 * Creates (truncates) `path` and writes the header line. Lines are encoded straight into one
 * reused byte buffer: building large strings instead costs more in garbage collection than the
 * writing itself.
 */
export function openCsv(path: string, columns: readonly string[]): CsvWriter {
  const fd = openSync(path, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let rows = 0;
  let open = true;
  const flush = (): void => {
    let done = 0;
    while (done < used) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };
  const append = (text: string): void => {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; one more for the newline.
    if (used + text.length * 3 + 1 > BUFFER_BYTES) {
      flush();
      if (text.length * 3 + 1 > BUFFER_BYTES) {
        writeSync(fd, `${text}\n`);
        return;
      }
    }
    used += buffer.write(text, used, 'utf8');
    buffer[used++] = 10;
  };
  append(columns.join(','));
  return {
    line(text: string): void {
      append(text);
      rows++;
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
