import { describe, expect, it } from 'vitest';
import { dividedBy } from '../../src/liquid/filters-number.js';
import { fixtureEngine, render } from './engine-fixture.js';

// Expected values are what Jekyll 4.3.1 (Liquid 5.4) printed.
describe('dividedBy', () => {
  it.each([
    [10, 3, 3],
    [10.5, 3, 3.5],
    ['10', 4, 2],
    ['10.0', 4, 2.5],
    [-7, 2, -4],
    [1200, 300, 4],
  ])('%j / %j → %j', (a, b, expected) => {
    expect(dividedBy(a, b)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => dividedBy(1, 0)).toThrow('divided_by: divided by 0');
  });

  it('gives whole minutes of reading time through the engine', async () => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, '{{ text | number_of_words: "cjk" | divided_by: 4 }} 分钟', { text: '内核抢占的实现细节' })).toBe('2 分钟');
  });
});
