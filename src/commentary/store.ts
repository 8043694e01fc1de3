/**
 * The commentary store: managers' notes on a KPI × node × period, with author, time and every
 * version kept, in an SQLite file (better-sqlite3). Safe under concurrent writers — several
 * servers and CLI processes may share one file: every write is one IMMEDIATE transaction, readers
 * never block writers (WAL), and a busy file is waited for. Nothing committed is lost when a
 * process is killed mid-write: SQLite's journal rolls the unfinished transaction back, and
 * `synchronous = FULL` makes each commit durable before it returns.
 */
import Database from 'better-sqlite3';

/** One note, as it stands now. */
export interface Note {
  readonly id: number;
  readonly kpi: string;
  /** The node's path key (`OrgNode.key`) and its label when written. */
  readonly node: string;
  readonly nodeLabel: string;
  /** A period label (`2026-Q3`, `2026-09`). */
  readonly period: string;
  readonly body: string;
  readonly author: string;
  /** ISO times (UTC) of the first and the latest version. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Versions written so far (1 = never edited). */
  readonly version: number;
}

/** One version of a note (the first is its creation, a deletion has an empty body). */
interface NoteVersion {
  readonly version: number;
  readonly action: 'create' | 'edit' | 'delete';
  readonly body: string;
  readonly author: string;
  readonly at: string;
}

/** Which notes to read; every given field must match. */
interface NoteQuery {
  readonly kpi?: string | undefined;
  readonly nodes?: readonly string[] | undefined;
  readonly period?: string | undefined;
}

/** What a change needs: who, when (ISO, UTC), and the version it was made against. */
interface Change {
  readonly author: string;
  readonly at: string;
  /** The version the writer saw; a note changed since is a conflict, never silently overwritten. */
  readonly version: number;
}

/** An edit or deletion that did not happen, and why. */
type ChangeRefused = { readonly kind: 'not-found' } | { readonly kind: 'conflict'; readonly current: Note };

/** An open store. */
export interface CommentaryStore {
  add(note: Omit<Note, 'id' | 'createdAt' | 'updatedAt' | 'version'> & { readonly at: string }): Note;
  edit(id: number, body: string, change: Change): Note | ChangeRefused;
  remove(id: number, change: Change): true | ChangeRefused;
  get(id: number): Note | undefined;
  find(query: NoteQuery): Note[];
  history(id: number): NoteVersion[];
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY,
  kpi TEXT NOT NULL,
  node TEXT NOT NULL,
  node_label TEXT NOT NULL,
  period TEXT NOT NULL,
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS notes_by_figure ON notes (period, kpi, node);
CREATE TABLE IF NOT EXISTS note_versions (
  note_id INTEGER NOT NULL REFERENCES notes (id),
  version INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete')),
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (note_id, version)
);
`;

interface NoteRow {
  id: number;
  kpi: string;
  node: string;
  node_label: string;
  period: string;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const toNote = (r: NoteRow): Note => ({
  id: r.id,
  kpi: r.kpi,
  node: r.node,
  nodeLabel: r.node_label,
  period: r.period,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** Opens (creating when asked) the store in `file`; `readonly` never creates or writes. */
export function openCommentary(file: string, options: { readonly readonly?: boolean } = {}): CommentaryStore {
  const readonly = options.readonly === true;
  const db = new Database(file, { readonly, fileMustExist: readonly, timeout: 10_000 });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
  }
  const byId = db.prepare<[number], NoteRow>('SELECT * FROM notes WHERE id = ? AND deleted = 0');
  const insert = db.prepare(
    'INSERT INTO notes (kpi, node, node_label, period, body, author, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const version = db.prepare('INSERT INTO note_versions (note_id, version, action, body, author, at) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE notes SET body = ?, updated_at = ?, version = ?, deleted = ? WHERE id = ?');
  const check = (id: number, change: Change): NoteRow | ChangeRefused => {
    const row = byId.get(id);
    if (row === undefined) return { kind: 'not-found' };
    if (row.version !== change.version) return { kind: 'conflict', current: toNote(row) };
    return row;
  };
  const add = db.transaction((n: Parameters<CommentaryStore['add']>[0]): Note => {
    const id = Number(insert.run(n.kpi, n.node, n.nodeLabel, n.period, n.body, n.author, n.at, n.at).lastInsertRowid);
    version.run(id, 1, 'create', n.body, n.author, n.at);
    return toNote(byId.get(id) as NoteRow);
  });
  const edit = db.transaction((id: number, body: string, change: Change): Note | ChangeRefused => {
    const row = check(id, change);
    if ('kind' in row) return row;
    update.run(body, change.at, row.version + 1, 0, id);
    version.run(id, row.version + 1, 'edit', body, change.author, change.at);
    return toNote(byId.get(id) as NoteRow);
  });
  const remove = db.transaction((id: number, change: Change): true | ChangeRefused => {
    const row = check(id, change);
    if ('kind' in row) return row;
    update.run(row.body, change.at, row.version + 1, 1, id);
    version.run(id, row.version + 1, 'delete', '', change.author, change.at);
    return true;
  });
  return {
    add: (n) => add.immediate(n),
    edit: (id, body, change) => edit.immediate(id, body, change),
    remove: (id, change) => remove.immediate(id, change),
    get: (id) => {
      const r = byId.get(id);
      return r === undefined ? undefined : toNote(r);
    },
    find: (q) => {
      const where = ['deleted = 0'];
      const args: string[] = [];
      if (q.kpi !== undefined) {
        where.push('kpi = ?');
        args.push(q.kpi);
      }
      if (q.period !== undefined) {
        where.push('period = ?');
        args.push(q.period);
      }
      if (q.nodes !== undefined) {
        if (q.nodes.length === 0) return [];
        where.push(`node IN (${q.nodes.map(() => '?').join(', ')})`);
        args.push(...q.nodes);
      }
      return db
        .prepare<string[], NoteRow>(`SELECT * FROM notes WHERE ${where.join(' AND ')} ORDER BY created_at, id`)
        .all(...args)
        .map(toNote);
    },
    history: (id) =>
      db
        .prepare<[number], NoteVersion>('SELECT version, action, body, author, at FROM note_versions WHERE note_id = ? ORDER BY version')
        .all(id),
    close: () => db.close(),
  };
}
