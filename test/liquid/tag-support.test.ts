import { Context, Liquid, toValueSync } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { callFilter, lenientGet } from '../../src/liquid/tag-support.js';

const engine = new Liquid({ strictVariables: true });

describe('lenientGet', () => {
  it('reads present values and gives undefined for missing ones even under strictVariables', () => {
    const ctx = new Context({ page: { path: 'notes/index.md' } }, engine.options, { sync: true }, { liquid: engine });
    const read = (path: string[]) => toValueSync(lenientGet(ctx, path));
    expect(read(['page', 'path'])).toBe('notes/index.md');
    expect(read(['page', 'nope'])).toBeUndefined();
    expect(ctx.strictVariables).toBe(true);
  });
});

describe('callFilter', () => {
  it('runs an engine filter with the context', () => {
    const ctx = new Context({}, engine.options, {}, { liquid: engine });
    expect(callFilter(engine, ctx, 'upcase', '内核 abc')).toBe('内核 ABC');
    expect(() => callFilter(engine, ctx, 'nosuch', 'x')).toThrow('filter "nosuch" is not registered');
  });
});
