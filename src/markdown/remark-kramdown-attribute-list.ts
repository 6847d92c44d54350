/**
 * kramdown attribute lists — the inside of `{: #id .class key="value" ref}` — read as kramdown 2.4
 * reads them (`parse_attribute_list` in kramdown/parser/kramdown/extensions.rb), and set on mdast
 * nodes through `data.hProperties`, so remark-rehype puts them on the element. Shared by the
 * kramdown plugins; not a plugin itself.
 */
import type { Data } from 'mdast';
import type {} from 'remark-rehype';

/** What one attribute list says: attributes in order (`class` adds, others set) and bare names (`toc`). */
export interface AttributeList {
  set: Array<[name: string, value: string]>;
  refs: string[];
}

// kramdown's ALD_ID_NAME, ALD_TYPE_KEY_VALUE_PAIR, ALD_TYPE_REF and ALD_TYPE_ID_OR_CLASS_MULTI, in
// the order kramdown tries them. Ruby's `[^\}\2]` is the octal escape \x02, not a back reference.
const NAME = String.raw`\w[\w-]*`;
const KEY_VALUE = String.raw`(${NAME})=("|')((?:\\\}|\\\2|[^}\x02])*?)\2`;
const ID_OR_CLASS_MULTI = String.raw`((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+)`;
const ANY = new RegExp(String.raw`(?:^|\s)(?:${KEY_VALUE}|(${NAME})|${ID_OR_CLASS_MULTI})(?=\s|$)`, 'g');
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** Reads an attribute list; parts kramdown does not recognise are skipped, as kramdown skips them. */
export function parseAttributeList(text: string): AttributeList {
  const list: AttributeList = { set: [], refs: [] };
  for (const [, key, quote, value, ref, idOrClass] of text.matchAll(ANY)) {
    if (ref) list.refs.push(ref);
    else if (idOrClass) {
      for (const [, id, className] of idOrClass.matchAll(ID_OR_CLASS)) list.set.push(id ? ['id', id] : ['class', className!]);
    } else if (key && quote) {
      const unescaped = value!.replace(quote === '"' ? /\\([}"])/g : /\\([}'])/g, '$1');
      // `class="…"` replaces the classes named before it in the same list, as in kramdown.
      if (key === 'class') list.set = list.set.filter(([name]) => name !== 'class');
      list.set.push([key, unescaped]);
    }
  }
  return list;
}

/** Whether a list sets or names anything. */
export function isEmpty(list: AttributeList): boolean {
  return list.set.length === 0 && list.refs.length === 0;
}

/** The classes in a hast `className` value. */
function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** Sets a list's attributes on an mdast node (kramdown's `update_attr_with_ial`: classes add up, the rest overwrite). */
export function setAttributes(node: { data?: Data | undefined }, list: AttributeList): void {
  if (list.set.length === 0) return;
  const data = (node.data ??= {});
  const properties = (data.hProperties ??= {});
  for (const [name, value] of list.set) {
    if (name === 'class') properties.className = [...classList(properties.className), ...classList(value)];
    else properties[name] = value;
  }
}
