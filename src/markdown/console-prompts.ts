/**
 * Shell sessions in code blocks: which blocks are sessions, and which lines are commands (with the
 * prompt they start with) and which are output. Pure text rules, shared by the rehype plugin that
 * marks the lines (rehype-code-blocks.ts) and by tests of what a copy button copies.
 */

/** Languages whose blocks are always sessions. */
const SESSION_LANGUAGES = new Set(['console', 'shellsession', 'shell-session', 'sh-session', 'terminal', 'gdb']);

/** Script languages whose blocks are sessions when their first line starts with a prompt. */
const SCRIPT_LANGUAGES = new Set(['sh', 'shell', 'bash', 'zsh', 'shellscript', 'ksh', 'fish']);

/**
 * A prompt at the start of a line, with the space after it: `$ `, `# `, `(gdb) `, `(lldb) `,
 * `user@host:~/src$ `, `[root@localhost ~]# `, `bash-5.1$ `; a bare `$` or `#` ending the line too.
 */
const PROMPT = /^(?:\[[^\]\n]{1,80}\][$#]|[\w.-]+@[\w.-]+(?::\S*?)?[$#]|[\w.-]*sh-\d[\d.]*[$#]|\((?:gdb|lldb)\)|[$#])(?: |$)/;

/** A continuation prompt (PS2) after a line ending in `\`. */
const CONTINUATION = /^> /;

/** One line of a session. */
export interface SessionLine {
  kind: 'command' | 'output';
  /** The prompt the line starts with, space included ('' for output and bare continuation lines). */
  prompt: string;
}

/** The prompt a line starts with ('' when none). */
export function promptOf(line: string): string {
  return PROMPT.exec(line)?.[0] ?? '';
}

/**
 * Whether a block is a shell session: `console` and its aliases always; `sh`, `shell`, `bash` …
 * when the first non-blank line starts with a prompt that is not a comment (`$ `, `(gdb) `,
 * `[root@host ~]# `, but not `# `).
 */
export function isSession(lang: string, lines: readonly string[]): boolean {
  const id = lang.toLowerCase();
  if (SESSION_LANGUAGES.has(id)) return true;
  if (!SCRIPT_LANGUAGES.has(id)) return false;
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined) return false;
  const prompt = promptOf(first);
  return prompt !== '' && prompt.trim() !== '#';
}

/** Each line of a session as command or output; a line after one ending in `\` continues the command. */
export function parseSession(lines: readonly string[]): SessionLine[] {
  const parsed: SessionLine[] = [];
  let continues = false;
  for (const line of lines) {
    const prompt: string = continues ? (CONTINUATION.exec(line)?.[0] ?? '') : promptOf(line);
    const kind: SessionLine['kind'] = continues || prompt ? 'command' : 'output';
    parsed.push({ kind, prompt });
    continues = kind === 'command' && line.endsWith('\\');
  }
  return parsed;
}

/** What copying a session gives: its commands without prompts, one a line (output left out). */
export function sessionCommands(lines: readonly string[]): string {
  return parseSession(lines)
    .map((info, i) => (info.kind === 'command' ? lines[i]!.slice(info.prompt.length) : undefined))
    .filter((line) => line !== undefined)
    .join('\n');
}
