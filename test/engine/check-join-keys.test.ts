import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJoinKeys, checkSourceData, type CheckedSource } from '../../src/engine/check-data.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { locateSourceFiles } from '../../src/engine/source-files.js';
import type { SourceDef } from '../../src/model/types.js';
import { makeSource, tempFolder, type TempFolder } from './helpers.js';

let db: Database;
let data: TempFolder;
beforeAll(async () => {
  db = await openDatabase();
  data = tempFolder();
  data.write('opps.csv', 'id,account_id,owner_id\n1,A,r1\n2,B,r2\n3,A,\n');
  data.write('accounts.csv', 'account_id,segment\nA,SMB\nB,ENT\nA,SMB\nC,ENT\nC,MID\nC,MID\n,ENT\n');
  data.write('reps.csv', 'owner_id,region\nr1,EMEA\nr2,AMER\n');
});
afterAll(() => {
  db.close();
  data.remove();
});

const opps = makeSource(
  'opportunities',
  'opps.csv',
  [
    ['id', { type: 'string' }],
    ['account_id', { type: 'string' }],
    ['owner_id', { type: 'string' }],
  ],
  {
    joins: [
      { name: 'account', to: 'accounts', on: 'account_id' },
      { name: 'owner', to: 'reps', on: 'owner_id' },
      { name: 'account_again', to: 'accounts', on: 'account_id' },
      { name: 'nowhere', to: 'missing_source', on: 'id' },
    ],
  },
);

async function checkAll(sources: readonly SourceDef[]): Promise<Map<string, CheckedSource>> {
  const out = new Map<string, CheckedSource>();
  for (const s of sources) {
    const result = await checkSourceData(db, s, locateSourceFiles(s, data.dir).value);
    expect(result.diagnostics).toEqual([]);
    out.set(s.id, result.value);
  }
  return out;
}

describe('checkJoinKeys', () => {
  it('reports a join whose target key repeats, naming the join, once per join', async () => {
    const accounts = makeSource(
      'accounts',
      'accounts.csv',
      [
        ['account_id', { type: 'string' }],
        ['segment', { type: 'string' }],
      ],
      { key: 'account_id' },
    );
    const reps = makeSource(
      'reps',
      'reps.csv',
      [
        ['owner_id', { type: 'string' }],
        ['region', { type: 'string' }],
      ],
      { key: 'owner_id' },
    );
    const sources = new Map([opps, accounts, reps].map((s) => [s.id, s]));
    const checked = await checkAll([opps, accounts, reps]);
    const result = await checkJoinKeys(db, opps, sources, checked);
    expect(result.diagnostics.map((d) => [d.code, d.span, d.message])).toEqual(
      ['account', 'account_again'].map((name) => [
        'data/unique',
        opps.joins.get(name)?.span,
        `join \`${name}\` of source \`opportunities\` looks up \`accounts\` by \`account_id\`, but 2 values of \`account_id\` occur more than once there (5 rows): \`C\` ×3, \`A\` ×2`,
      ]),
    );
    expect(result.diagnostics[0]?.related?.[0]?.span).toEqual(accounts.columns.get('account_id')?.span);
  });

  it('passes unique keys, and trusts keys declared unique (already checked)', async () => {
    const accounts = makeSource(
      'accounts',
      'reps.csv',
      [
        ['owner_id', { type: 'string', unique: true }],
        ['region', { type: 'string' }],
      ],
      { key: 'owner_id' },
    );
    const reps = makeSource(
      'reps',
      'reps.csv',
      [
        ['owner_id', { type: 'string' }],
        ['region', { type: 'string' }],
      ],
      { key: 'owner_id' },
    );
    const sources = new Map([opps, accounts, reps].map((s) => [s.id, s]));
    const result = await checkJoinKeys(db, opps, sources, await checkAll([accounts, reps]));
    expect(result.diagnostics).toEqual([]);
  });
});
