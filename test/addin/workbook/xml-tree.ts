import { SaxesParser } from 'saxes';

/** An element of a parsed XML part: enough to check structure and relationships in tests. */
export interface XmlElement {
  name: string;
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses with namespaces (saxes, exceljs's own XML parser): throws on anything not well-formed, including a
 * prefix used without its namespace declaration, which Excel refuses.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

export function findAll(element: XmlElement, local: string): XmlElement[] {
  return [...(element.local === local ? [element] : []), ...element.children.flatMap((c) => findAll(c, local))];
}
