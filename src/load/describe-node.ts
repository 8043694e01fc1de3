/** Plain-words descriptions of YAML values for messages ("found a list"). */
import type { YNode } from './tree.js';

/** Long user text cut to a length that fits in a one-line message. */
export function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** How a node reads in a message: "a list", "the number 12", "nothing". */
export function describeNode(node: YNode): string {
  switch (node.kind) {
    case 'map':
      return 'a mapping';
    case 'seq':
      return 'a list';
    case 'scalar':
      if (node.value === null) return 'nothing';
      if (typeof node.value === 'number') return `the number ${node.value}`;
      if (typeof node.value === 'boolean') return `\`${node.value}\``;
      return `the text \`${shorten(node.value)}\``;
    default: {
      const never: never = node;
      throw new Error(`unexpected node ${String(never)}`);
    }
  }
}
