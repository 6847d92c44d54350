/**
 * Jekyll's array filters with Jekyll 4.3's semantics, where liquidjs's differ: `where`/`find`
 * compare as strings (`where: "year", 2020` finds `"2020"`), `where_exp`/`find_exp` keep items whose
 * expression is truthy, `group_by`/`group_by_exp` give `{name, items, size}` with Ruby's string for
 * the name, `sort` puts nils first (or `"last"`) and sorts numeric-looking values as numbers and a
 * hash as `[key, value]` pairs, and `pop`/`shift`/`sample` take a count. A hash given to
 * `where`/`group_by` is read as its values, as Jekyll does.
 */
import { Drop, type FilterImplOptions, isTruthy, toValue, Value } from 'liquidjs';
import { isHash, isNil, parseSortInput, rubyCompare, rubyToS, whereString } from './ruby.js';

type Gen<T> = Generator<unknown, T, unknown>;
/** What liquidjs binds `this` to in a filter: the render context and the engine. */
type FilterImpl = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;

/** `item.a.b` as Jekyll's `item_property` reads it (through liquidjs, so Drops work), numeric-looking values as numbers. */
function* itemProperty(impl: FilterImpl, item: unknown, property: unknown): Gen<unknown> {
  const path = rubyToS(property).split('.');
  const value = yield impl.context._getFromScope(item, path, false);
  return parseSortInput(toValue(value));
}

/** The items of a list input: an array as it is, a hash's values, anything else undefined (left unfiltered). */
function itemsOf(input: unknown): unknown[] | undefined {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (isHash(value)) return Object.values(value);
  return undefined;
}

/** Jekyll's `compare_property_vs_target`. */
function matches(property: unknown, target: unknown): boolean {
  if (target instanceof Drop && toValue(target) === '') {
    return property === '' || (Array.isArray(property) ? property.map(rubyToS).join('') === '' : isNil(property));
  }
  const wanted = toValue(target);
  if (isNil(wanted)) return isNil(property);
  const text = rubyToS(wanted);
  if (typeof property === 'string') return property === text;
  const values = Array.isArray(property) ? property : isNil(property) ? [] : [property];
  return values.some((v) => whereString(v) === text);
}

/** Jekyll's `where`: items whose property equals the value as a string, or contains it when the property is a list. */
function* where(this: FilterImpl, input: unknown, property: unknown, value: unknown): Gen<unknown> {
  const items = itemsOf(input);
  if (!toValue(property) || Array.isArray(value) || isHash(value) || !items) return input;
  const kept: unknown[] = [];
  for (const item of items) if (matches(yield* itemProperty(this, item, property), value)) kept.push(item);
  return kept;
}

/** Jekyll's `find`: the first item `where` would keep, or nil. */
function* find(this: FilterImpl, input: unknown, property: unknown, value: unknown): Gen<unknown> {
  const items = itemsOf(input);
  if (!toValue(property) || Array.isArray(value) || isHash(value) || !items) return input;
  for (const item of items) if (matches(yield* itemProperty(this, item, property), value)) return item;
  return undefined;
}

/** Runs `expression` with `item` bound to `variable`, for each item in turn. */
function* evaluateEach(
  impl: FilterImpl,
  items: unknown[],
  variable: unknown,
  expression: unknown,
  each: (item: unknown, value: unknown) => boolean,
): Gen<void> {
  const condition = new Value(rubyToS(expression), impl.liquid);
  for (const item of items) {
    impl.context.push({ [rubyToS(variable)]: item });
    let value: unknown;
    try {
      value = yield condition.value(impl.context, false);
    } finally {
      impl.context.pop();
    }
    if (each(item, value)) return;
  }
}

/** Jekyll's `where_exp`: items for which the expression is truthy (anything but false and nil). */
function* whereExp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Gen<unknown> {
  const items = itemsOf(input);
  if (!items) return input;
  const kept: unknown[] = [];
  yield* evaluateEach(this, items, variable, expression, (item, value) => {
    if (isTruthy(value, this.context)) kept.push(item);
    return false;
  });
  return kept;
}

/** Jekyll's `find_exp`: the first item for which the expression is truthy, or nil. */
function* findExp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Gen<unknown> {
  const items = itemsOf(input);
  if (!items) return input;
  let found: unknown;
  yield* evaluateEach(this, items, variable, expression, (item, value) => {
    if (isTruthy(value, this.context)) found = item;
    return found !== undefined;
  });
  return found;
}

/** A group as Jekyll's `grouped_array` makes it. */
interface Group {
  name: unknown;
  items: unknown[];
  size: number;
}

/** Adds `item` to the group for `key` (groups keyed by content, so equal lists group together). */
function addToGroup(groups: Map<string, Group>, name: unknown, item: unknown): void {
  const key = typeof name === 'string' ? `s:${name}` : `j:${JSON.stringify(name ?? null)}`;
  const group = groups.get(key) ?? { name, items: [], size: 0 };
  group.items.push(item);
  group.size = group.items.length;
  groups.set(key, group);
}

/** Items of a groupable input: arrays, and a hash as `[key, value]` pairs (Ruby's `Hash#group_by`). */
function groupable(input: unknown): unknown[] | undefined {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (isHash(value)) return Object.entries(value);
  return undefined;
}

/** Jekyll's `group_by`: `{name, items, size}` per distinct property value, first-seen order; the name is Ruby's `to_s` of the value (`""` for nil). */
function* groupBy(this: FilterImpl, input: unknown, property: unknown): Gen<unknown> {
  const items = groupable(input);
  if (!items) return input;
  const groups = new Map<string, Group>();
  for (const item of items) addToGroup(groups, rubyToS(yield* itemProperty(this, item, property)), item);
  return [...groups.values()];
}

/** Jekyll's `group_by_exp`: like group_by, grouped by the expression's value. */
function* groupByExp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Gen<unknown> {
  const items = groupable(input);
  if (!items) return input;
  const groups = new Map<string, Group>();
  yield* evaluateEach(this, items, variable, expression, (item, value) => {
    addToGroup(groups, toValue(value), item);
    return false;
  });
  return [...groups.values()];
}

/** `<=>` that never fails: incomparable values compare as strings, as Jekyll's `sort_input` falls back to. */
function compareValues(a: unknown, b: unknown): number {
  return rubyCompare(a, b) ?? rubyCompare(rubyToS(a), rubyToS(b))!;
}

/** Jekyll's `sort`: by value, or by a property with nils `"first"` (the default) or `"last"`; a hash sorts as `[key, value]` pairs. */
function* sort(this: FilterImpl, input: unknown, property?: unknown, nils: unknown = 'first'): Gen<unknown> {
  const value = toValue(input);
  if (isNil(value)) throw new Error('sort: cannot sort a nil value');
  if (isNil(property)) {
    const list = isHash(value) ? Object.entries(value) : Array.isArray(value) ? [...value] : [value];
    return list.sort((a, b) => (isNil(a) ? (isNil(b) ? 0 : 1) : isNil(b) ? -1 : compareValues(a, b)));
  }
  if (nils !== 'first' && nils !== 'last') throw new Error(`sort: invalid nils order "${rubyToS(nils)}" (it must be "first" or "last")`);
  const order = nils === 'first' ? -1 : 1;
  const list = itemsOf(value) ?? [value];
  const keyed: [unknown, unknown][] = [];
  for (const item of list) keyed.push([yield* itemProperty(this, item, property), item]);
  keyed.sort(([a], [b]) => {
    if (!isNil(a) && isNil(b)) return -order;
    if (isNil(a) && !isNil(b)) return order;
    return isNil(a) ? 0 : compareValues(a, b);
  });
  return keyed.map(([, item]) => item);
}

/** A non-negative count argument (Liquid's `to_integer`), 1 when absent. */
const countOf = (num: unknown): number => Math.max(0, isNil(num) ? 1 : Math.trunc(Number(toValue(num)) || 0));

/** Jekyll's `pop`: a copy without the last `num` items (an input that is not an array is returned as it is). */
function pop(input: unknown, num?: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? value.slice(0, Math.max(0, value.length - countOf(num))) : input;
}

/** Jekyll's `shift`: a copy without the first `num` items. */
function shift(input: unknown, num?: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? value.slice(countOf(num)) : input;
}

/** Jekyll's `push`: a copy with `item` added at the end. */
function push(input: unknown, item: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? [...value, item] : input;
}

/** Jekyll's `unshift`: a copy with `item` added at the front. */
function unshift(input: unknown, item: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? [item, ...value] : input;
}

/** Jekyll's `sample`: one random item, or an array of `num` of them. */
function sample(input: unknown, num?: unknown): unknown {
  const value = toValue(input);
  if (!Array.isArray(value)) return input;
  const shuffled = [...value].sort(() => Math.random() - 0.5);
  return isNil(num) || countOf(num) === 1 ? shuffled[0] : shuffled.slice(0, countOf(num));
}

/** The array filters, by name, to register on the engine. */
export const ARRAY_FILTERS: Record<string, FilterImplOptions> = {
  where,
  find,
  where_exp: whereExp,
  find_exp: findExp,
  group_by: groupBy,
  group_by_exp: groupByExp,
  sort,
  pop,
  shift,
  push,
  unshift,
  sample,
};
