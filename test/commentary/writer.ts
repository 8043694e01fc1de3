// A child process that writes notes to a commentary store: `writer.ts FILE NAME COUNT`. It adds
// COUNT notes, editing each once, and prints `committed <id>` after each commit (so a test that
// kills it knows what must have survived).
import { openCommentary } from '../../src/commentary/store.js';

const [file = '', name = 'w', count = '10'] = process.argv.slice(2);
const store = openCommentary(file);
for (let i = 0; i < Number(count); i++) {
  const at = new Date(Date.UTC(2026, 9, 1, 0, 0, i)).toISOString();
  const note = store.add({
    kpi: 'bookings',
    node: '["EMEA"]',
    nodeLabel: 'EMEA',
    period: '2026-Q3',
    body: `${name} note ${i}`,
    author: name,
    at,
  });
  const edited = store.edit(note.id, `${name} note ${i} (edited)`, { author: name, at, version: note.version });
  if ('kind' in edited) throw new Error(`edit refused: ${edited.kind}`);
  process.stdout.write(`committed ${note.id}\n`);
}
store.close();
