import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../src/suggest.js';

describe('suggestions', () => {
  it('counts edits in code points, so one CJK character is one edit', () => {
    expect(editDistance('内核抢占', '内核抢占机制')).toBe(2);
    expect(editDistance('foo', 'foo-1')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it.each([
    ['foo', ['bar', 'foo-1', 'foo-12'], 'foo-1'],
    ['内核抢占', ['elf文件的加载', '内核抢占机制'], '内核抢占机制'],
    ['unix-domain-socket', ['unix-domain-socket介绍', 'fuse'], 'unix-domain-socket介绍'],
    ['Fuse', ['fuse'], 'fuse'],
    ['completely-different', ['fuse', 'docker'], undefined],
    ['x', ['y', 'z'], 'y'],
  ])('%s among %j → %s', (wanted, candidates, expected) => {
    expect(closest(wanted, candidates)).toBe(expected);
  });
});

describe('didYouMean', () => {
  it.each([
    ['titel', ['title', 'url', 'baseurl'], ' (did you mean "title"?)'],
    ['destnation', ['destination', 'permalink'], ' (did you mean "destination"?)'],
    ['zzzz', ['title', 'url'], ''],
    ['内核抢战', ['内核抢占', '调度'], ' (did you mean "内核抢占"?)'],
  ])('%s among %j → %j', (wanted, candidates, expected) => {
    expect(didYouMean(wanted, candidates)).toBe(expected);
  });

  it('shows the suggestion the way the caller asks', () => {
    expect(didYouMean('pots', ['post'], (n) => `layouts/${n}.html`)).toBe(' (did you mean "layouts/post.html"?)');
  });
});
