/** What tags need from liquidjs: their class shape, variables read leniently (never an undefined-variable error), the engine's own filters. */
import type { Context, FilterImplOptions, Liquid, Parser, Tag, TagToken, TopLevelToken } from 'liquidjs';

/** A tag class as `engine.registerTag` takes it (liquidjs does not export its own name for this). */
export type TagClass = new (token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) => Tag;

/** `page.path` and the like as the template sees them, undefined when missing even under strictVariables. */
export function* lenientGet(ctx: Context, path: string[]): Generator<unknown, unknown, unknown> {
  const strict = ctx.strictVariables;
  ctx.strictVariables = false;
  try {
    return yield ctx._get(path);
  } finally {
    ctx.strictVariables = strict;
  }
}

/** Runs a filter registered on the engine (so a tag computes values exactly as `{{ x | name }}` would). */
export function callFilter(liquid: Liquid, ctx: Context, name: string, ...args: unknown[]): unknown {
  const filter = liquid.filters[name] as FilterImplOptions | undefined;
  if (!filter) throw new Error(`filter "${name}" is not registered`);
  const handler = typeof filter === 'function' ? filter : filter.handler;
  return handler.apply({ context: ctx, liquid } as ThisParameterType<typeof handler>, args as [unknown, ...unknown[]]);
}
