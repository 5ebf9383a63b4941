import type { ChildNode } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Speaker notes as the plain text PowerPoint's notes pane holds: one line per paragraph,
 * quotation or list item (items keep a bullet), blank lines between blocks.
 */
export function notesText(html: string): string {
  const blocks: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') {
        const text = textContent(node).trim();
        if (text) blocks.push(text);
        continue;
      }
      if (node.name === 'ul' || node.name === 'ol') {
        const items = node.children.filter((child) => child.type === 'tag' && child.name === 'li');
        blocks.push(items.map((item, index) => `${node.name === 'ol' ? `${index + 1}.` : '•'} ${squash(textContent(item))}`).join('\n'));
      } else if (node.name === 'blockquote' || node.name === 'div' || node.name === 'section') {
        visit(node.children);
      } else {
        const text = squash(textContent(node));
        if (text) blocks.push(text);
      }
    }
  };
  visit(parseDocument(html).children);
  return blocks.join('\n\n');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
