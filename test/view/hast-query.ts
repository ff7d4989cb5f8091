/** Finding elements in a hast tree, for the view tests (what a browser's querySelectorAll would give). */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

export function byId(tree: Root | Element, id: string): Element | undefined {
  return elements(tree, (element) => element.properties.id === id)[0];
}

export function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

export const marks = (tree: Root | Element, kind: string) => elements(tree, (element) => element.tagName === 'mark' && hasClass(element, kind));
