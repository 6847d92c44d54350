import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, stripInvalidXmlChars } from '../../src/render/xml.js';
import { attr, one, parseFragment, text } from '../helpers/html.js';

describe('escapeXml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    ['"double" \'single\'', '&quot;double&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['内核 <调度>', '内核 &lt;调度&gt;'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it.each(['<script>alert(1)</script>', 'a & b "c" \'d\' <e>', '&lt; already escaped', '内核 <stdio.h>'])(
    'round-trips %j through XML text and attributes',
    (value) => {
      const xml = `<r a="${escapeXml(value)}" b='${escapeXml(value)}'>${escapeXml(value)}</r>`;
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, parseTagValue: false, trimValues: false }).parse(
        xml,
      ) as {
        r: { '#text': string; '@a': string; '@b': string };
      };
      expect(parsed.r).toEqual({ '#text': value, '@a': value, '@b': value });
    },
  );

  it('is safe in HTML text and quoted attributes', () => {
    const value = '"><script>alert(1)</script><a title=\'';
    const root = parseFragment(`<p title="${escapeXml(value)}" lang='${escapeXml(value)}'>${escapeXml(value)}</p>`);
    const p = one(root, 'p');
    expect(attr(p, 'title')).toBe(value);
    expect(attr(p, 'lang')).toBe(value);
    expect(text(p)).toBe(value);
    expect(p.children).toHaveLength(1);
  });
});

describe('stripInvalidXmlChars', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008', ''],
    ['tab\tnewline\ncr\r', 'tab\tnewline\ncr\r'],
    ['vt\u000bff\u000c', 'vtff'],
    ['\u000e\u001f', ''],
    ['\ufffe\uffff', ''],
    ['中文 😀 \u00a0 \u2028', '中文 😀 \u00a0 \u2028'],
    ['\u007f', '\u007f'],
  ])('%j → %j', (input, expected) => {
    expect(stripInvalidXmlChars(input)).toBe(expected);
  });

  it('leaves nothing an XML 1.0 parser rejects', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\ufffe\uffff';
    expect(stripInvalidXmlChars(all)).toBe('\t\n\r');
  });
});
