/**
 * HTML parsing turns every CR (and CRLF) into LF, so a page whose text held a raw CR would
 * no longer equal the input. The hast keeps the CRs as text (hast-util-to-string gives the
 * input back); only when serializing does each CR go out as the character reference
 * `&#13;`, which the parser keeps as CR. That needs a `raw` node, because
 * hast-util-to-html escapes only `<` and `&` in text: the only raw HTML the view emits.
 * (NUL and lone surrogates cannot travel through HTML at all; the decoder refuses or warns
 * about input holding them.)
 */
import type { ElementContent, Root, RootContent } from 'hast';

/** hast's `raw` node, as hast-util-to-html serializes it with `allowDangerousHtml`. */
interface Raw {
  type: 'raw';
  value: string;
}

const CARRIAGE_RETURN = '\r';
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/** A copy of `tree` ready for serialization, CRs as `&#13;` references (the input is not changed). */
export function withCarriageReturnReferences(tree: Root): Root {
  return { ...tree, children: tree.children.map((child) => convert(child)) as RootContent[] };
}

function convert(node: RootContent): RootContent | RootContent[] {
  if (node.type === 'text') return split(node.value);
  if (node.type !== 'element' || RAW_TEXT_ELEMENTS.has(node.tagName)) return node;
  if (!node.children.some(hasCarriageReturn)) return node;
  return { ...node, children: node.children.flatMap((child) => convert(child)) as ElementContent[] };
}

function hasCarriageReturn(node: RootContent): boolean {
  if (node.type === 'text') return node.value.includes(CARRIAGE_RETURN);
  return node.type === 'element' && node.children.some(hasCarriageReturn);
}

function split(value: string): RootContent[] {
  if (!value.includes(CARRIAGE_RETURN)) return [{ type: 'text', value }];
  const out: Array<RootContent | Raw> = [];
  value.split(CARRIAGE_RETURN).forEach((part, i) => {
    if (i > 0) out.push({ type: 'raw', value: '&#13;' });
    if (part !== '') out.push({ type: 'text', value: part });
  });
  return out as RootContent[];
}
