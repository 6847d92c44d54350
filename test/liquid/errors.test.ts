import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { errorToken, liquidErrorLine, liquidMessage } from '../../src/liquid/errors.js';

const engine = new Liquid();
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
};

describe('Liquid error helpers', () => {
  it('strips liquidjs’s position suffix and finds the line', () => {
    const error = thrown(() => engine.parse('a\nb\n{% if %}', 'posts/x.md'));
    expect(liquidMessage(error)).toBe('invalid value expression: ""');
    expect(errorToken(error)?.getPosition()[0]).toBe(3);
    expect(liquidErrorLine(error, 5)).toBe(7);
  });

  it('falls back for errors without a token', () => {
    expect(errorToken(new Error('plain'))).toBeUndefined();
    expect(liquidErrorLine(new Error('plain'), 4)).toBe(4);
    expect(liquidMessage('text, line:1, col:2')).toBe('text');
  });
});
