/**
 * The commentary store on a real SQLite file: notes with author, time and every version; edits
 * against a stale version refused; notes attached to a scorecard report; and several processes
 * writing at once, one of them killed mid-run, without losing a committed note or corrupting the
 * file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reportNodeKey, withCommentary } from '../../src/commentary/attach.js';
import { openCommentary } from '../../src/commentary/store.js';
import type { NodeScore, ScorecardReport } from '../../src/scorecard/report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fresh = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'kpic-notes-')), 'commentary.db');

describe('the commentary store', () => {
  it('keeps author, times and every version; a stale edit is a conflict, never an overwrite', () => {
    const store = openCommentary(fresh());
    const note = store.add({
      kpi: 'bookings',
      node: '["EMEA"]',
      nodeLabel: 'EMEA',
      period: '2026-Q3',
      body: 'Lost our largest customer to a merger',
      author: 'eve',
      at: '2026-10-02T09:00:00.000Z',
    });
    expect(note).toMatchObject({ version: 1, author: 'eve', createdAt: '2026-10-02T09:00:00.000Z' });
    const edited = store.edit(note.id, 'Lost our largest customer to a merger (Q4 renewal gone too)', {
      author: 'eve',
      at: '2026-10-03T10:00:00.000Z',
      version: 1,
    });
    expect(edited).toMatchObject({ version: 2, updatedAt: '2026-10-03T10:00:00.000Z', createdAt: '2026-10-02T09:00:00.000Z' });
    const stale = store.edit(note.id, 'overwrite', { author: 'mo', at: '2026-10-04T00:00:00.000Z', version: 1 });
    expect(stale).toMatchObject({ kind: 'conflict', current: { version: 2 } });
    expect(store.remove(note.id, { author: 'eve', at: '2026-10-05T00:00:00.000Z', version: 2 })).toBe(true);
    expect(store.find({ period: '2026-Q3' })).toEqual([]);
    expect(store.history(note.id).map((v) => [v.version, v.action, v.author])).toEqual([
      [1, 'create', 'eve'],
      [2, 'edit', 'eve'],
      [3, 'delete', 'eve'],
    ]);
    expect(store.edit(999, 'x', { author: 'a', at: 'x', version: 1 })).toEqual({ kind: 'not-found' });
    store.close();
  });

  it('attaches the notes of a report’s node and children in its period', () => {
    const store = openCommentary(fresh());
    const ref = (level: string, value: string | null, label: string) => ({ level, levelTitle: level, value, label });
    const top: NodeScore = { ...ref('enterprise', null, 'ACME'), path: [], score: null, status: 'none', perspectives: [], members: 3 };
    const emea: NodeScore = {
      ...ref('region', 'EMEA', 'EMEA'),
      path: [ref('enterprise', null, 'ACME')],
      score: null,
      status: 'none',
      perspectives: [],
      members: 2,
    };
    expect(reportNodeKey(emea.path, emea)).toBe('["EMEA"]');
    expect(reportNodeKey(top.path, top)).toBe('[]');
    const add = (node: string, period: string, body: string) =>
      store.add({ kpi: 'bookings', node, nodeLabel: node, period, body, author: 'eve', at: '2026-10-02T09:00:00.000Z' });
    add('["EMEA"]', '2026-Q3', 'merger');
    add('["EMEA"]', '2026-Q2', 'other period');
    add('["APAC"]', '2026-Q3', 'not shown');
    const report = {
      period: { label: '2026-Q3' },
      node: top,
      children: { level: 'region', levelTitle: 'Region', nodes: [emea] },
    } as unknown as ScorecardReport;
    expect(withCommentary(report, store).commentary?.map((c) => c.body)).toEqual(['merger']);
    store.close();
  });
});

function writer(
  file: string,
  name: string,
  count: number,
): { done: Promise<number | null>; lines: string[]; kill: () => void; onLine: (f: (n: number) => void) => void } {
  const child = spawn(
    process.execPath,
    ['--import', './test/helpers/ts-register.mjs', 'test/commentary/writer.ts', file, name, String(count)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let listener: ((n: number) => void) | undefined;
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const p of parts) {
      lines.push(p);
      listener?.(lines.length);
    }
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { done, lines, kill: () => child.kill('SIGKILL'), onLine: (f) => (listener = f) };
}

describe('concurrent writers and a killed one', () => {
  it('loses no committed note and leaves the file sound', async () => {
    const file = fresh();
    openCommentary(file).close();
    const victim = writer(file, 'victim', 100_000);
    const killedAfter = new Promise<void>((resolve) => victim.onLine((n) => n >= 15 && (victim.kill(), resolve())));
    const writers = ['a', 'b', 'c'].map((n) => writer(file, n, 25));
    expect(await Promise.all(writers.map((w) => w.done))).toEqual([0, 0, 0]);
    await killedAfter;
    expect(await victim.done).toBeNull();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (author: string): number =>
      (db.prepare('SELECT count(*) AS n FROM notes WHERE author = ?').get(author) as { n: number }).n;
    expect(['a', 'b', 'c'].map(count)).toEqual([25, 25, 25]);
    const committed = victim.lines.map((l) => Number(l.split(' ')[1]));
    expect(committed.length).toBeGreaterThanOrEqual(15);
    const present = new Set((db.prepare("SELECT id FROM notes WHERE author = 'victim'").all() as { id: number }[]).map((r) => r.id));
    expect(committed.filter((id) => !present.has(id))).toEqual([]);
    // Every note has all its versions: a kill never leaves a half-written edit.
    const broken = db
      .prepare('SELECT n.id FROM notes n WHERE n.version != (SELECT count(*) FROM note_versions v WHERE v.note_id = n.id)')
      .all();
    expect(broken).toEqual([]);
    db.close();
  }, 120_000);
});
