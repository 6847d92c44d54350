import { describe, expect, it } from 'vitest';
import { isSession, parseSession, promptOf, sessionCommands } from '../../src/markdown/console-prompts.js';

describe('promptOf', () => {
  it.each([
    ['$ ls -l', '$ '],
    ['# modprobe fuse', '# '],
    ['(gdb) bt', '(gdb) '],
    ['(lldb) frame variable', '(lldb) '],
    ['user@host:~/linux$ make -j8', 'user@host:~/linux$ '],
    ['root@debian:/# uname -r', 'root@debian:/# '],
    ['[root@localhost ~]# dmesg | tail', '[root@localhost ~]# '],
    ['bash-5.1$ echo hi', 'bash-5.1$ '],
    ['$', '$'],
    ['total 0', ''],
    ['$HOME is set', ''],
    ['#include <stdio.h>', ''],
    ['  % Total    % Received', ''],
  ])('%j → %j', (line, prompt) => {
    expect(promptOf(line)).toBe(prompt);
  });
});

describe('isSession', () => {
  it('takes console and its aliases as sessions whatever they hold', () => {
    for (const lang of ['console', 'shellsession', 'shell-session', 'sh-session', 'Console', 'gdb']) expect(isSession(lang, ['total 0'])).toBe(true);
  });

  it('takes a shell block as a session when its first line starts with a prompt that is not a comment', () => {
    expect(isSession('shell', ['(gdb) add-symbol-file mymod.ko 0xffffffffc0a00000', '(gdb) c'])).toBe(true);
    expect(isSession('bash', ['', '$ make', 'cc -o x x.c'])).toBe(true);
    expect(isSession('sh', ['[root@localhost ~]# reboot'])).toBe(true);
    expect(isSession('bash', ['# stderr 跟着 stdout', 'cmd > out.log 2>&1'])).toBe(false);
    expect(isSession('shell', ['mount -t fusectl none /sys/fs/fuse/connections'])).toBe(false);
    expect(isSession('c', ['$ not c'])).toBe(false);
    expect(isSession('shell', [])).toBe(false);
  });
});

describe('parseSession and sessionCommands', () => {
  const lines = ['$ false | true; echo $?', '0', '# make \\', '> -j8', '  CC kernel/sched/core.o', '$', '(gdb) bt'];

  it('marks commands with their prompts, continuation lines and output', () => {
    expect(parseSession(lines)).toEqual([
      { kind: 'command', prompt: '$ ' },
      { kind: 'output', prompt: '' },
      { kind: 'command', prompt: '# ' },
      { kind: 'command', prompt: '> ' },
      { kind: 'output', prompt: '' },
      { kind: 'command', prompt: '$' },
      { kind: 'command', prompt: '(gdb) ' },
    ]);
  });

  it('copies the commands without prompts or output', () => {
    expect(sessionCommands(lines)).toBe('false | true; echo $?\nmake \\\n-j8\n\nbt');
  });
});
