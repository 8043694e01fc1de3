/**
 * Commentary beside the figures: the notes on a scorecard report's node and children for its
 * period, as the report's `commentary` lines (shown by `kpic scorecard` in every format). Node
 * keys are the org tree's path keys, so a note follows its team however the report was reached.
 */
import type { CommentLine, NodeRef, NodeScore, ScorecardReport } from '../scorecard/report.js';
import type { CommentaryStore, Note } from './store.js';

/** The path key of a node of a report (`OrgNode.key`): its values below the top, top first. */
export function reportNodeKey(path: readonly NodeRef[], node: NodeRef): string {
  if (path.length === 0) return JSON.stringify([]);
  return JSON.stringify([...path.slice(1).map((p) => p.value), node.value]);
}

/** A note as a report's comment line. */
export function commentLine(note: Note): CommentLine {
  return {
    kpi: note.kpi,
    node: note.nodeLabel,
    nodeKey: note.node,
    body: note.body,
    author: note.author,
    at: note.updatedAt,
    edited: note.version > 1,
  };
}

/** The report with the notes on its node and children in its period. */
export function withCommentary(report: ScorecardReport, store: CommentaryStore): ScorecardReport {
  const keyOf = (n: NodeScore): string => reportNodeKey(n.path, n);
  const nodes = [report.node, ...(report.children?.nodes ?? [])];
  const notes = store.find({ period: report.period.label, nodes: nodes.map(keyOf) });
  return { ...report, commentary: notes.map(commentLine) };
}
