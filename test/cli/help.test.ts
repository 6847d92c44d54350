/** `--help` lists exactly the options the parser accepts; `--version` is package.json's. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.js';
import { OPTIONS } from '../../src/cli/options.js';
import { version } from '../../src/cli/version.js';
import { REPO } from '../helpers/site.js';

describe('help and version', () => {
  it('lists every option, and no option the parser does not know', () => {
    const listed = [...HELP.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(OPTIONS).sort());
  });

  it('shows each one-letter alias next to its option', () => {
    for (const [name, spec] of Object.entries(OPTIONS)) if (spec.short) expect(HELP).toContain(`-${spec.short}, --${name}`);
  });

  it('reads the version from package.json', () => {
    expect(version()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
