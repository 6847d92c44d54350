import { describe, expect, it } from 'vitest';
import { isHash, parseSortInput, rubyCompare, rubyInspect, rubyToS, whereString } from '../../src/liquid/ruby.js';

describe('rubyToS and rubyInspect', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['内核', '内核'],
    [10, '10'],
    [true, 'true'],
    [[], '[]'],
    [['kernel', 'mm'], '["kernel", "mm"]'],
    [{ a: 1, b: [null] }, '{"a"=>1, "b"=>[nil]}'],
  ])('to_s of %j is %j', (value, expected) => {
    expect(rubyToS(value)).toBe(expected);
  });

  it('inspects strings with Ruby quoting and guards cycles', () => {
    expect(rubyInspect('a"b#{x}')).toBe('"a\\"b\\#{x}"');
    const loop: unknown[] = [];
    loop.push(loop);
    expect(rubyInspect(loop)).toBe('[[...]]');
  });
});

describe('parseSortInput and whereString', () => {
  it.each([
    ['10', 10, '10'],
    [' 7 ', 7, '7'],
    ['1.50', 1.5, '1.5'],
    ['10.0', 10, '10.0'],
    ['v1', 'v1', 'v1'],
    [undefined, undefined, ''],
    [9, 9, '9'],
  ])('%j → %j / %j', (value, parsed, text) => {
    expect(parseSortInput(value)).toBe(parsed);
    expect(whereString(value)).toBe(text);
  });
});

describe('rubyCompare', () => {
  it.each([
    [1, 2, -1],
    ['b', 'a', 1],
    ['C', 'a', -1],
    [['a', 2], ['a', 1], 1],
    [['a'], ['a', 1], -1],
    [1, 'a', undefined],
    [true, false, undefined],
  ])('%j <=> %j is %j', (a, b, expected) => {
    expect(rubyCompare(a, b)).toBe(expected);
  });
});

describe('isHash', () => {
  it('is true only for plain objects', () => {
    expect([isHash({}), isHash([]), isHash(null), isHash(new Date()), isHash('x')]).toEqual([true, false, false, false, false]);
  });
});
