/**
 * Liquid arithmetic as Ruby's Liquid does it where liquidjs differs: `divided_by` with two integers
 * is integer division (`10 | divided_by: 3` is 3, `-7 | divided_by: 2` is -4), as reading-time
 * templates expect, and dividing by zero is an error.
 */
import { toValue } from 'liquidjs';

/** Liquid's `to_number`: the numeric value and whether Ruby would hold it as an Integer. */
function numberOf(input: unknown): { value: number; integer: boolean } {
  const raw = toValue(input);
  if (typeof raw === 'number') return { value: raw, integer: Number.isInteger(raw) };
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  if (/^-?\d+\.\d+$/.test(text)) return { value: Number.parseFloat(text), integer: false };
  const integer = /^-?\d+/.exec(text);
  return { value: integer ? Number.parseInt(integer[0], 10) : 0, integer: true };
}

/** Liquid's `divided_by`: integer division when both sides are integers, float division otherwise. */
export function dividedBy(input: unknown, operand: unknown): number {
  const a = numberOf(input);
  const b = numberOf(operand);
  if (b.value === 0) throw new Error('divided_by: divided by 0');
  return a.integer && b.integer ? Math.floor(a.value / b.value) : a.value / b.value;
}
