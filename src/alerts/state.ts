/**
 * What has been sent, kept durably in SQLite beside the commentary: per alert and node, the open
 * episode (since it started firing) with the highest severity sent in it, and every delivery made
 * to each addressee. An alert that keeps firing is not sent again; one that escalates is sent at
 * its new severity; one that stops firing is cleared, and the next time it fires is a new episode.
 * A delivery that failed is not recorded, so the next run retries exactly the addressees missed.
 */
import Database from 'better-sqlite3';
import { SEVERITIES, type Severity } from './model.js';

/** The open episode of an alert at a node. */
interface Episode {
  readonly alert: string;
  readonly node: string;
  readonly openedAt: string;
  readonly severity: Severity;
}

/** The sent state. */
export interface AlertState {
  /** The open episode, if the alert is firing there. */
  episode(alert: string, node: string): Episode | undefined;
  /** Opens an episode, or raises its severity; returns it. */
  open(alert: string, node: string, severity: Severity, at: string): Episode;
  /** Whether `addressee` was told of the episode at `severity`. */
  delivered(e: Episode, addressee: string): boolean;
  /** Records a delivery. */
  record(e: Episode, addressee: string, channel: string, at: string): void;
  /** Clears the episode (the alert stopped firing there); whether there was one. */
  clear(alert: string, node: string): boolean;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS episodes (
  alert TEXT NOT NULL,
  node TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  severity TEXT NOT NULL,
  PRIMARY KEY (alert, node)
);
CREATE TABLE IF NOT EXISTS deliveries (
  alert TEXT NOT NULL,
  node TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  severity TEXT NOT NULL,
  addressee TEXT NOT NULL,
  channel TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (alert, node, opened_at, severity, addressee)
);
`;

/** Whether `a` is more severe than `b`. */
function moreSevere(a: Severity, b: Severity): boolean {
  return SEVERITIES.indexOf(a) > SEVERITIES.indexOf(b);
}

/** Opens (creating) the state in `file`. */
export function openAlertState(file: string): AlertState {
  const db = new Database(file, { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const get = db.prepare<[string, string], { opened_at: string; severity: Severity }>(
    'SELECT opened_at, severity FROM episodes WHERE alert = ? AND node = ?',
  );
  const insert = db.prepare('INSERT INTO episodes (alert, node, opened_at, severity) VALUES (?, ?, ?, ?)');
  const raise = db.prepare('UPDATE episodes SET severity = ? WHERE alert = ? AND node = ?');
  const del = db.prepare('DELETE FROM episodes WHERE alert = ? AND node = ?');
  const sent = db.prepare('SELECT 1 FROM deliveries WHERE alert = ? AND node = ? AND opened_at = ? AND severity = ? AND addressee = ?');
  const log = db.prepare(
    'INSERT OR IGNORE INTO deliveries (alert, node, opened_at, severity, addressee, channel, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const episode = (alert: string, node: string): Episode | undefined => {
    const r = get.get(alert, node);
    return r === undefined ? undefined : { alert, node, openedAt: r.opened_at, severity: r.severity };
  };
  const open = db.transaction((alert: string, node: string, severity: Severity, at: string): Episode => {
    const e = episode(alert, node);
    if (e === undefined) {
      insert.run(alert, node, at, severity);
      return { alert, node, openedAt: at, severity };
    }
    if (!moreSevere(severity, e.severity)) return e;
    raise.run(severity, alert, node);
    return { ...e, severity };
  });
  return {
    episode,
    open: (alert, node, severity, at) => open.immediate(alert, node, severity, at),
    delivered: (e, addressee) => sent.get(e.alert, e.node, e.openedAt, e.severity, addressee) !== undefined,
    record: (e, addressee, channel, at) => void log.run(e.alert, e.node, e.openedAt, e.severity, addressee, channel, at),
    clear: (alert, node) => del.run(alert, node).changes > 0,
    close: () => db.close(),
  };
}
