/**
 * Code blocks for the `realistic` bench corpus: what Linux-kernel notes really hold, 15–25 lines
 * each — shell scripts, kernel-style C (tab-indented) and console sessions (`$ ` and `# ` prompts
 * with their output: dmesg, ps, /proc dumps, ftrace, strace, perf, gdb). Numbers, names and the
 * choice of pieces come from the post's PRNG, so no two blocks are alike (a cache keyed by block
 * content gets no free hits) and the same seed gives the same bytes.
 */

type Rand = () => number;

export const MIN_LINES = 15;
export const MAX_LINES = 25;

/** Random helpers over one PRNG. */
class Gen {
  constructor(readonly rand: Rand) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }
  hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  /** `k` distinct items of `list`, in the list's order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(Math.floor(this.rand() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  }
  /** `list` in a random order. */
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  pid(): number {
    return this.int(300, 48000);
  }
}

const NAMES = [
  'demo',
  'mydev',
  'kprobe_demo',
  'rcu_list',
  'slab_test',
  'vfs_hook',
  'epoll_bench',
  'cgrp_stat',
  'ktimer',
  'nflog',
  'pagewalk',
  'futex_test',
  'blkstat',
  'irqwatch',
];
const COMMS = [
  'systemd',
  'kworker/0:1',
  'kswapd0',
  'sshd',
  'bash',
  'containerd',
  'dockerd',
  'java',
  'mysqld',
  'nginx',
  'qemu-system-x86',
  'rcu_sched',
  'ksoftirqd/1',
  'migration/0',
  'systemd-journal',
  'python3',
  'redis-server',
  'node',
  'postgres',
  'cron',
  'a.out',
  'stress-ng',
];
const KFUNCS = [
  '__schedule',
  'schedule',
  'do_syscall_64',
  'ksys_read',
  'vfs_read',
  'new_sync_read',
  'ext4_file_read_iter',
  'filemap_read',
  'handle_mm_fault',
  '__handle_mm_fault',
  'do_user_addr_fault',
  'exc_page_fault',
  'futex_wait',
  'do_futex',
  '__x64_sys_futex',
  'ep_poll',
  'do_epoll_wait',
  'tcp_recvmsg',
  'inet_recvmsg',
  'sock_read_iter',
  'kthread',
  'worker_thread',
  'process_one_work',
  'shrink_node',
  'balance_pgdat',
  'kswapd',
  'rcu_gp_kthread',
  'try_to_wake_up',
  'wake_up_process',
  '__mutex_lock_slowpath',
  'copy_process',
  'kernel_clone',
  '__do_sys_clone',
  'do_exit',
  'do_group_exit',
  'get_signal',
  'dequeue_task_fair',
  'pick_next_task_fair',
  'update_curr',
  'select_task_rq_fair',
];
const WCHAN = [
  '-',
  'do_epoll_wait',
  'futex_wait_queue',
  'do_select',
  'pipe_read',
  'hrtimer_nanosleep',
  'kthread_worker_fn',
  'rescuer_thread',
  'smpboot_thread_fn',
  'do_wait',
  'unix_stream_read_generic',
  'ep_poll',
  'do_sys_poll',
  'kswapd',
];
const STATS = ['Ss', 'S', 'Sl', 'R+', 'D', 'I<', 'S<', 'Ssl', 'Z', 'S+', 'SNl'];
const UPPER = (name: string) => name.toUpperCase();

const kernelRelease = (g: Gen) => `5.15.0-${g.int(40, 120)}-generic`;
const kaddr = (g: Gen) => `ffff${g.pick(['ffff8', '9a3c4', 'b5c2c', 'a0b1e'])}${g.hex(7)}`;
const uaddr = (g: Gen) => `0x7ff${g.hex(9)}`;
const sym = (g: Gen) => `${g.pick(KFUNCS)}+0x${g.int(16, 900).toString(16)}/0x${g.int(901, 2400).toString(16)}`;

// ---------------------------------------------------------------------------------------------
// Console sessions: a list of segments (a prompt line and its output), cut to the block's length.

const DMESG: ((g: Gen) => string)[] = [
  (g) =>
    `Linux version ${kernelRelease(g)} (buildd@lcy02-amd64-0${g.int(10, 99)}) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #${g.int(40, 130)}-Ubuntu SMP`,
  (g) => `Command line: BOOT_IMAGE=/boot/vmlinuz-${kernelRelease(g)} root=UUID=${g.hex(8)}-${g.hex(4)}-${g.hex(4)}-${g.hex(4)}-${g.hex(12)} ro quiet splash`,
  (g) => `BUG: soft lockup - CPU#${g.int(0, 7)} stuck for ${g.int(22, 83)}s! [${g.pick(COMMS)}:${g.pid()}]`,
  (g) =>
    `Out of memory: Killed process ${g.pid()} (${g.pick(COMMS)}) total-vm:${g.int(100000, 9000000)}kB, anon-rss:${g.int(10000, 4000000)}kB, file-rss:${g.int(0, 9000)}kB, shmem-rss:0kB, UID:${g.pick([0, 999, 1000])} pgtables:${g.int(200, 20000)}kB oom_score_adj:0`,
  (g) =>
    `${g.pick(COMMS)}[${g.pid()}]: segfault at ${g.hex(g.int(1, 12))} ip 0000${g.hex(12)} sp 00007ff${g.hex(9)} error ${g.pick([4, 6, 14, 15])} in libc.so.6[7f${g.hex(10)}+195000]`,
  (g) => `EXT4-fs (${g.pick(['sda1', 'sda2', 'nvme0n1p2', 'vda1'])}): mounted filesystem with ordered data mode. Quota mode: none.`,
  (g) => `e1000e 0000:00:1f.${g.int(0, 7)} eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx`,
  (g) => `usb 1-${g.int(1, 4)}: new high-speed USB device number ${g.int(2, 30)} using xhci_hcd`,
  (g) =>
    `rcu: INFO: rcu_sched detected stalls on CPUs/tasks: { ${g.int(0, 7)}-... } ${g.int(5000, 60000)} jiffies s: ${g.int(100, 9000)} root: 0x${g.int(1, 15).toString(16)}/.`,
  (g) =>
    `audit: type=1400 audit(${g.int(1600000000, 1700000000)}.${g.int(100, 999)}:${g.int(10, 999)}): apparmor="STATUS" operation="profile_load" profile="unconfined" name="${g.pick(['/usr/bin/man', 'lsb_release', 'nvidia_modprobe', '/usr/sbin/tcpdump'])}" pid=${g.pid()} comm="apparmor_parser"`,
  (g) => `TCP: request_sock_TCP: Possible SYN flooding on port ${g.pick([80, 443, 8080, 6379, 3306])}. Sending cookies.  Check SNMP counters.`,
  () => 'nf_conntrack: nf_conntrack: table full, dropping packet',
  (g) => `blk_update_request: I/O error, dev sdb, sector ${g.int(100000, 900000000)} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`,
  (g) => `kvm[${g.pid()}]: vcpu${g.int(0, 7)}, guest rIP: 0xffffffff${g.hex(8)} disabled perfctr wrmsr: 0xc2 data 0xffff`,
  (g) => `${g.pick(NAMES)}: loading out-of-tree module taints kernel.`,
  (g) => `${g.pick(NAMES)}: module verification failed: signature and/or required key missing - tainting kernel`,
  (g) => `perf: interrupt took too long (${g.int(2500, 4000)} > ${g.int(4001, 9000)}), lowering kernel.perf_event_max_sample_rate to ${g.int(10000, 80000)}`,
  (g) => `hrtimer: interrupt took ${g.int(100000, 9000000)} ns`,
  (g) => `cgroup: fork rejected by pids controller in /system.slice/${g.pick(['docker', 'containerd', 'cron', 'nginx'])}.service`,
  () => 'overlayfs: upper fs does not support RENAME_WHITEOUT.',
  (g) => `x86/fpu: Enabled xstate features 0x${g.pick(['7', '1f', '2e7'])}, context size is ${g.pick([832, 1088, 2696])} bytes, using 'compacted' format.`,
  (g) =>
    `Memory: ${g.int(1000000, 32000000)}K/${g.int(32000001, 33554432)}K available (${g.int(14000, 20000)}K kernel code, ${g.int(2000, 5000)}K rwdata, ${g.int(8000, 12000)}K rodata, ${g.int(2000, 4000)}K init, ${g.int(2000, 6000)}K bss, ${g.int(100000, 900000)}K reserved, 0K cma-reserved)`,
  (g) => `NMI watchdog: Watchdog detected hard LOCKUP on cpu ${g.int(0, 7)}`,
  (g) => `${g.pick(NAMES)}: ${g.pick(['probe', 'init', 'open', 'release'])} called, pid=${g.pid()} comm=${g.pick(COMMS)}`,
  (g) => `sched: RT throttling activated for cpu ${g.int(0, 7)}`,
  (g) => `INFO: task ${g.pick(COMMS)}:${g.pid()} blocked for more than ${g.pick([120, 241, 362])} seconds.`,
];

/** dmesg timestamps: increasing, `[ssssss.uuuuuu]`. */
function clock(g: Gen): () => string {
  let t = g.int(1, 90000) * 1e6 + g.int(0, 999999);
  return () => {
    t += g.int(1, 3_000_000);
    const s = Math.floor(t / 1e6);
    return `[${String(s).padStart(5)}.${String(t % 1e6).padStart(6, '0')}]`;
  };
}

function dmesgSegment(g: Gen, room: number): string[] {
  const k = Math.max(4, Math.min(room - 1, g.int(8, 20)));
  const ts = clock(g);
  const head = g.pick([
    '$ dmesg | tail -n ' + k,
    '$ sudo dmesg -T | tail -n ' + k,
    '# dmesg | tail -n ' + k,
    '$ journalctl -k -n ' + k + ' --no-hostname -o short-monotonic',
  ]);
  return [head, ...Array.from({ length: k }, () => `${ts()} ${g.pick(DMESG)(g)}`)];
}

function oopsSegment(g: Gen): string[] {
  const ts = clock(g);
  const mod = g.pick(NAMES);
  const fn = `${mod}_${g.pick(['init', 'open', 'read', 'ioctl', 'probe'])}`;
  const reg = (a: string, b: string, c: string) => `${a}: ${g.hex(16)} ${b}: ${g.hex(16)} ${c}: ${g.hex(16)}`;
  const trace = Array.from({ length: g.int(3, 6) }, () => ` ${sym(g)}`);
  return [
    g.pick(['$ dmesg | tail -n 22', '# dmesg | grep -A 20 "BUG:"']),
    ...[
      `BUG: kernel NULL pointer dereference, address: 00000000000000${g.hex(2)}`,
      '#PF: supervisor read access in kernel mode',
      '#PF: error_code(0x0000) - not-present page',
      'PGD 0 P4D 0 ',
      `Oops: 0000 [#1] PREEMPT SMP NOPTI`,
      `CPU: ${g.int(0, 7)} PID: ${g.pid()} Comm: ${g.pick(['insmod', 'cat', 'bash', mod])} Tainted: G           OE     ${kernelRelease(g)} #${g.int(40, 130)}-Ubuntu`,
      'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.15.0-1 04/01/2014',
      `RIP: 0010:${fn}+0x${g.int(8, 200).toString(16)}/0x${g.int(201, 900).toString(16)} [${mod}]`,
      `RSP: 0018:${kaddr(g)} EFLAGS: 00010246`,
      reg('RAX', 'RBX', 'RCX'),
      reg('RDX', 'RSI', 'RDI'),
      'Call Trace:',
      ' <TASK>',
      ...trace,
      ` ${g.pick(['do_one_initcall+0x46/0x1e0', 'vfs_read+0xb0/0x1e0', '__x64_sys_ioctl+0x92/0xd0'])}`,
      ' do_syscall_64+0x5c/0xc0',
      ' entry_SYSCALL_64_after_hwframe+0x62/0xcc',
      ' </TASK>',
    ].map((line) => `${ts()} ${line}`),
  ];
}

function psSegment(g: Gen, room: number): string[] {
  const k = Math.max(4, Math.min(room - 2, g.int(6, 16)));
  const rows = Array.from({ length: k }, () => {
    const pid = g.pid();
    return `${String(pid).padStart(7)} ${String(g.chance(0.3) ? 1 : g.int(2, pid)).padStart(7)} ${g.pick(STATS).padEnd(4)} ${String(g.pick([0, 0, 0, -20, 5, 19])).padStart(3)} ${String(g.int(0, 2_000_000)).padStart(8)} ${g.pick(WCHAN).padEnd(24)} ${g.pick(COMMS)}`;
  });
  return [
    `$ ps -eo pid,ppid,stat,ni,rss,wchan:24,comm --sort=-rss | head -n ${k + 1}`,
    '    PID    PPID STAT  NI      RSS WCHAN                    COMMAND',
    ...rows,
  ];
}

function meminfoSegment(g: Gen, room: number): string[] {
  const keys = [
    'MemTotal',
    'MemFree',
    'MemAvailable',
    'Buffers',
    'Cached',
    'SwapCached',
    'Active',
    'Inactive',
    'Active(anon)',
    'Inactive(anon)',
    'Active(file)',
    'Inactive(file)',
    'Unevictable',
    'Mlocked',
    'Dirty',
    'Writeback',
    'AnonPages',
    'Mapped',
    'Shmem',
    'KReclaimable',
    'Slab',
    'SReclaimable',
    'SUnreclaim',
    'KernelStack',
    'PageTables',
    'CommitLimit',
    'Committed_AS',
    'VmallocTotal',
    'HugePages_Total',
  ];
  const k = Math.max(4, Math.min(room - 1, g.int(8, 18)));
  const total = g.int(2_000_000, 64_000_000);
  const lines = keys.slice(0, k).map((key, i) => `${(key + ':').padEnd(15)}${String(i === 0 ? total : g.int(0, total)).padStart(9)} kB`);
  return [`$ cat /proc/meminfo | head -n ${k}`, ...lines];
}

function statusSegment(g: Gen, room: number): string[] {
  const pid = g.pid();
  const comm = g.pick(COMMS);
  const kb = () => `${String(g.int(100, 9_000_000)).padStart(8)} kB`;
  const uid = g.pick([0, 1000]);
  const all = [
    `Name:\t${comm.split('/')[0]}`,
    'Umask:\t0022',
    `State:\t${g.pick(['S (sleeping)', 'R (running)', 'D (disk sleep)', 'I (idle)'])}`,
    `Tgid:\t${pid}`,
    'Ngid:\t0',
    `Pid:\t${pid}`,
    `PPid:\t${g.int(1, pid)}`,
    `TracerPid:\t${g.chance(0.2) ? g.pid() : 0}`,
    `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`,
    `Gid:\t${uid}\t${uid}\t${uid}\t${uid}`,
    `FDSize:\t${g.pick([64, 128, 256, 1024])}`,
    `VmPeak:\t${kb()}`,
    `VmSize:\t${kb()}`,
    `VmHWM:\t${kb()}`,
    `VmRSS:\t${kb()}`,
    `RssAnon:\t${kb()}`,
    `Threads:\t${g.int(1, 200)}`,
    `SigQ:\t${g.int(0, 3)}/${g.int(30000, 127000)}`,
    `SigBlk:\t${g.hex(16)}`,
    `CapEff:\t${uid === 0 ? '000001ffffffffff' : '0000000000000000'}`,
    `Seccomp:\t${g.int(0, 2)}`,
    `Cpus_allowed_list:\t0-${g.pick([1, 3, 7, 15])}`,
    `voluntary_ctxt_switches:\t${g.int(0, 9_000_000)}`,
    `nonvoluntary_ctxt_switches:\t${g.int(0, 90_000)}`,
  ];
  const k = Math.max(4, Math.min(room - 1, g.int(10, all.length)));
  return [`${g.pick(['$', '#'])} cat /proc/${pid}/status`, ...g.sample(all, k)];
}

function interruptsSegment(g: Gen, room: number): string[] {
  const cpus = g.pick([2, 4]);
  const devices = [
    'IO-APIC    2-edge      timer',
    'IO-APIC    8-edge      rtc0',
    'IO-APIC    9-fasteoi   acpi',
    'IO-APIC   12-edge      i8042',
    'PCI-MSI 327680-edge      xhci_hcd',
    'PCI-MSI 512000-edge      ahci[0000:00:1f.2]',
    'PCI-MSI 49152-edge      virtio0-input.0',
    'PCI-MSI 49153-edge      virtio0-output.0',
    'PCI-MSI 1048576-edge      nvme0q0',
  ];
  const num = () => String(g.int(0, 90_000_000)).padStart(10);
  const rows = devices
    .slice(0, g.int(4, devices.length))
    .map((d, i) => `${String(i < 4 ? [0, 8, 9, 12][i] : 24 + i).padStart(3)}: ${Array.from({ length: cpus }, num).join(' ')}   ${d}`);
  const arch = ['NMI', 'LOC', 'SPU', 'PMI', 'RES', 'CAL', 'TLB'].map(
    (n) =>
      `${n}: ${Array.from({ length: cpus }, num).join(' ')}   ${{ NMI: 'Non-maskable interrupts', LOC: 'Local timer interrupts', SPU: 'Spurious interrupts', PMI: 'Performance monitoring interrupts', RES: 'Rescheduling interrupts', CAL: 'Function call interrupts', TLB: 'TLB shootdowns' }[n]}`,
  );
  const lines = ['     ' + Array.from({ length: cpus }, (_, i) => `CPU${i}`.padStart(10)).join(' '), ...rows, ...arch];
  return ['$ cat /proc/interrupts', ...lines.slice(0, Math.max(4, room - 1))];
}

function mapsSegment(g: Gen, room: number): string[] {
  const bin = g.pick(['/usr/bin/cat', '/usr/bin/sleep', '/home/user/a.out', '/usr/sbin/nginx']);
  const base = 0x55d000000000 + g.int(0, 0xfffffff) * 0x1000;
  const lib = 0x7f0000000000 + g.int(0, 0xfffffff) * 0x1000;
  const range = (start: number, pages: number) => `${start.toString(16)}-${(start + pages * 0x1000).toString(16)}`;
  const inode = () => String(g.int(100000, 9000000)).padEnd(26);
  const lines = [
    `${range(base, 2)} r--p 00000000 08:01 ${inode()}${bin}`,
    `${range(base + 0x2000, 4)} r-xp 00002000 08:01 ${inode()}${bin}`,
    `${range(base + 0x6000, 2)} r--p 00006000 08:01 ${inode()}${bin}`,
    `${range(base + 0x9000, 1)} rw-p 00009000 08:01 ${inode()}${bin}`,
    `${range(base + 0x4000000 + g.int(0, 255) * 0x1000, 33)} rw-p 00000000 00:00 0                          [heap]`,
    `${range(lib, 40)} r--p 00000000 08:01 ${inode()}/usr/lib/locale/locale-archive`,
    `${range(lib + 0x300000, 40)} r--p 00000000 08:01 ${inode()}/usr/lib/x86_64-linux-gnu/libc.so.6`,
    `${range(lib + 0x328000, 405)} r-xp 00028000 08:01 ${inode()}/usr/lib/x86_64-linux-gnu/libc.so.6`,
    `${range(lib + 0x4bd000, 88)} r--p 001bd000 08:01 ${inode()}/usr/lib/x86_64-linux-gnu/libc.so.6`,
    `${range(lib + 0x515000, 4)} rw-p 00214000 08:01 ${inode()}/usr/lib/x86_64-linux-gnu/libc.so.6`,
    `${range(lib + 0x560000, 2)} r--p 00000000 08:01 ${inode()}/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2`,
    `7ffd${g.hex(4)}0000-7ffd${g.hex(4)}1000 rw-p 00000000 00:00 0                          [stack]`,
    `7ffd${g.hex(4)}2000-7ffd${g.hex(4)}6000 r--p 00000000 00:00 0                          [vvar]`,
    'ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                          [vsyscall]',
  ];
  return [`$ cat /proc/${g.pick(['self', String(g.pid())])}/maps`, ...lines.slice(0, Math.max(4, room - 1))];
}

function ftraceSegment(g: Gen, room: number): string[] {
  const fn = g.pick(['vfs_read', 'do_sys_openat2', 'handle_mm_fault', 'tcp_sendmsg', 'futex_wait', 'schedule']);
  const cpu = String(g.int(0, 3));
  if (g.chance(0.5)) {
    const lines = [
      `# echo ${fn} > set_graph_function`,
      '# echo function_graph > current_tracer',
      '# cat trace | head -n 16',
      '# tracer: function_graph',
      '#',
      '# CPU  DURATION                  FUNCTION CALLS',
      '# |     |   |                     |   |   |   |',
    ];
    let depth = 0;
    lines.push(` ${cpu})               |  ${fn}() {`);
    depth = 1;
    while (lines.length < room - 1) {
      const pad = '  '.repeat(depth + 1);
      if (depth < 4 && g.chance(0.35)) {
        lines.push(` ${cpu})               |${pad}${g.pick(KFUNCS)}() {`);
        depth++;
      } else if (depth > 1 && g.chance(0.3)) {
        depth--;
        lines.push(` ${cpu})   ${g.int(1, 60)}.${g.int(100, 999)} us    |${'  '.repeat(depth + 1)}}`);
      } else {
        lines.push(` ${cpu})   0.${g.int(100, 999)} us    |${pad}${g.pick(KFUNCS)}();`);
      }
    }
    lines.push(` ${cpu}) + ${g.int(10, 99)}.${g.int(100, 999)} us   |  }`);
    return lines;
  }
  let t = g.int(1000, 90000) * 1e6;
  const events = Array.from({ length: Math.max(4, Math.min(room - 3, g.int(8, 16))) }, () => {
    t += g.int(5, 4000);
    const prev = g.pick(COMMS);
    const next = g.pick(COMMS);
    return `${`${prev}-${g.pid()}`.padStart(16)} [00${cpu}] d..2. ${String(Math.floor(t / 1e6)).padStart(5)}.${String(t % 1e6).padStart(6, '0')}: sched_switch: prev_comm=${prev} prev_pid=${g.pid()} prev_prio=120 prev_state=${g.pick(['S', 'R', 'D', 'R+'])} ==> next_comm=${next} next_pid=${g.pid()} next_prio=${g.pick([120, 120, 100, 49])}`;
  });
  return ['# cd /sys/kernel/debug/tracing', '# echo 1 > events/sched/sched_switch/enable', `# cat trace_pipe | head -n ${events.length}`, ...events];
}

function straceSegment(g: Gen, room: number): string[] {
  const parent = g.pid();
  const child = parent + g.int(1, 9);
  const lines = [
    `execve("./a.out", ["./a.out"], 0x7ffd${g.hex(8)} /* ${g.int(18, 40)} vars */) = 0`,
    `brk(NULL)                               = 0x55${g.hex(10)}`,
    `arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd${g.hex(8)}) = -1 EINVAL (Invalid argument)`,
    `mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ${uaddr(g)}`,
    `openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3`,
    `newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=${g.int(20000, 90000)}, ...}, AT_EMPTY_PATH) = 0`,
    'close(3)                                = 0',
    `clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=${uaddr(g)}) = ${child}`,
    `strace: Process ${child} attached`,
    `[pid ${child}] getpid()                 = ${child}`,
    `[pid ${child}] write(1, "child ${child}\\n", ${`child ${child}\n`.length}child ${child}`,
    `) = ${`child ${child}\n`.length}`,
    `[pid ${child}] exit_group(0)            = ?`,
    `[pid ${child}] +++ exited with 0 +++`,
    `--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${child}, si_uid=1000, si_status=0, si_utime=0, si_stime=0} ---`,
    `wait4(-1, NULL, 0, NULL)                = ${child}`,
    'exit_group(0)                           = ?',
    '+++ exited with 0 +++',
  ];
  return [
    `$ strace -f -e trace=${g.pick(['all', 'process,memory', 'clone,execve,wait4,write'])} ./a.out`,
    ...lines.slice(Math.max(0, lines.length - (room - 1))),
  ];
}

function perfSegment(g: Gen): string[] {
  const num = (lo: number, hi: number) => g.int(lo, hi).toLocaleString('en-US');
  return [
    `$ perf stat -e context-switches,cpu-migrations,page-faults,cycles,instructions -a sleep ${g.int(1, 5)}`,
    '',
    " Performance counter stats for 'system wide':",
    '',
    `${num(1000, 900000).padStart(18)}      context-switches          #  ${g.int(100, 9000)}.${g.int(10, 99)} /sec`,
    `${num(10, 9000).padStart(18)}      cpu-migrations            #  ${g.int(1, 900)}.${g.int(10, 99)} /sec`,
    `${num(100, 90000).padStart(18)}      page-faults               #  ${g.int(10, 9000)}.${g.int(10, 99)} /sec`,
    `${num(1e8, 9e9).padStart(18)}      cycles                    #    ${g.int(0, 3)}.${g.int(100, 999)} GHz`,
    `${num(1e8, 9e9).padStart(18)}      instructions              #    ${g.int(0, 2)}.${g.int(10, 99)}  insn per cycle`,
    '',
    `${`${g.int(1, 5)}.${g.int(100000000, 999999999)}`.padStart(18)} seconds time elapsed`,
  ];
}

function gdbSegment(g: Gen, room: number): string[] {
  const file = g.pick(['fork.c', 'mmap.c', 'futex.c', 'epoll.c', 'main.c']);
  const bin = file.replace('.c', '');
  const pid = g.pid();
  const line = g.int(6, 40);
  const lines = [
    `$ gcc -g -O0 -o ${bin} ${file}`,
    `$ gdb -q ./${bin}`,
    `Reading symbols from ./${bin}...`,
    '(gdb) break main',
    `Breakpoint 1 at 0x${g.int(0x1100, 0x1400).toString(16)}: file ${file}, line ${line}.`,
    '(gdb) run',
    `Starting program: /home/user/${bin} `,
    '[Thread debugging using libthread_db enabled]',
    'Using host libthread_db library "/lib/x86_64-linux-gnu/libthread_db.so.1".',
    '',
    `Breakpoint 1, main () at ${file}:${line}`,
    `${line}\t\t${g.pick(['pid_t pid = fork();', 'int fd = open(argv[1], O_RDONLY);', 'char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);', 'int epfd = epoll_create1(0);'])}`,
    '(gdb) next',
    `[Detaching after fork from child process ${pid + 1}]`,
    `${line + 1}\t\tif (${g.pick(['pid', 'fd', 'p', 'epfd'])} ${g.pick(['== 0', '< 0', '== MAP_FAILED'])}) {`,
    `(gdb) print ${g.pick(['pid', 'fd', 'errno', '*p'])}`,
    `$1 = ${g.int(-1, pid)}`,
    '(gdb) bt',
    `#0  main () at ${file}:${line + 1}`,
    '(gdb) info registers rip rsp',
    `rip            0x5555555${g.hex(5)}      0x5555555${g.hex(5)} <main+${g.int(10, 90)}>`,
    `rsp            0x7fffffff${g.hex(4)}      0x7fffffff${g.hex(4)}`,
    '(gdb) x/2gx $rsp',
    `0x7fffffff${g.hex(4)}:\t0x${g.hex(16)}\t0x${g.hex(16)}`,
    '(gdb) continue',
    'Continuing.',
    `[Inferior 1 (process ${pid}) exited normally]`,
  ];
  return lines.slice(0, Math.max(6, room));
}

function miscSegment(g: Gen): string[] {
  return g.pick<() => string[]>([
    () => ['$ uname -r', kernelRelease(g)],
    () => [
      '$ cat /proc/loadavg',
      `${g.int(0, 9)}.${g.int(10, 99)} ${g.int(0, 9)}.${g.int(10, 99)} ${g.int(0, 9)}.${g.int(10, 99)} ${g.int(1, 9)}/${g.int(100, 3000)} ${g.pid()}`,
    ],
    () => ['# sysctl -w kernel.sysrq=1', 'kernel.sysrq = 1'],
    () => [`# echo ${g.pick([1, 2, 3])} > /proc/sys/vm/drop_caches`],
    () => ['$ cat /proc/sys/kernel/sched_child_runs_first', '0'],
    () => ['$ nproc', String(g.pick([2, 4, 8, 16]))],
    () => [`$ cat /sys/fs/cgroup/${g.pick(NAMES)}/memory.current`, String(g.int(100000, 900000000))],
    () => {
      const total = g.int(2000, 64000);
      const used = g.int(100, total);
      return [
        '$ free -m',
        '               total        used        free      shared  buff/cache   available',
        `Mem:  ${String(total).padStart(14)} ${String(used).padStart(11)} ${String(total - used).padStart(11)} ${String(g.int(0, 500)).padStart(11)} ${String(g.int(0, total)).padStart(11)} ${String(g.int(0, total)).padStart(11)}`,
        `Swap: ${String(g.int(0, 4096)).padStart(14)} ${String(0).padStart(11)} ${String(g.int(0, 4096)).padStart(11)}`,
      ];
    },
    () => [
      '$ lsmod | head -n 4',
      'Module                  Size  Used by',
      ...Array.from(
        { length: 3 },
        () =>
          `${g.pick(['nf_conntrack', 'overlay', 'kvm_intel', 'kvm', 'xt_MASQUERADE', 'br_netfilter', g.pick(NAMES)]).padEnd(24)}${String(g.int(16384, 900000)).padStart(6)}  ${g.int(0, 4)}`,
      ),
    ],
    () => [`# insmod ${g.pick(NAMES)}.ko`, `# rmmod ${g.pick(NAMES)}`],
  ])();
}

function consoleBlock(g: Gen, lines: number): string[] {
  const main = g.pick<(room: number) => string[]>([
    (room) => dmesgSegment(g, room),
    () => oopsSegment(g),
    (room) => psSegment(g, room),
    (room) => meminfoSegment(g, room),
    (room) => statusSegment(g, room),
    (room) => interruptsSegment(g, room),
    (room) => mapsSegment(g, room),
    (room) => ftraceSegment(g, room),
    (room) => straceSegment(g, room),
    () => perfSegment(g),
    (room) => gdbSegment(g, room),
  ]);
  const out: string[] = g.chance(0.4) ? miscSegment(g) : [];
  out.push(...main(lines - out.length));
  // Fill up with short commands; never end on a blank line (a cut perf or gdb transcript).
  for (;;) {
    while (out.length < lines) out.push(...(g.chance(0.5) ? miscSegment(g) : dmesgSegment(g, lines - out.length)));
    out.length = lines;
    while (out.at(-1) === '') out.pop();
    if (out.length === lines) return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Shell scripts and C: pieces of 1–15 lines, put in their natural order, 15–25 lines in all.

interface Piece {
  order: number;
  lines: string[];
}

/** Joins pieces (blank line between) until at least MIN_LINES, never more than MAX_LINES. */
function assemble(g: Gen, fixed: Piece[], optional: (() => Piece)[], filler: () => string): string[] {
  const chosen = [...fixed];
  const size = () => chosen.reduce((n, p) => n + p.lines.length, 0) + chosen.length - 1;
  for (const make of g.shuffle(optional)) {
    if (size() >= MIN_LINES && g.chance(0.5)) break;
    const piece = make();
    if (size() + 1 + piece.lines.length <= MAX_LINES) chosen.push(piece);
  }
  chosen.sort((a, b) => a.order - b.order);
  const out = chosen.flatMap((p, i) => (i ? ['', ...p.lines] : p.lines));
  while (out.length < MIN_LINES) out.push(filler());
  return out;
}

function shellBlock(g: Gen): string[] {
  const name = g.pick(NAMES);
  const n = g.int(1, 64);
  const header: Piece = {
    order: 0,
    lines: [
      ...(g.chance(0.5) ? ['#!/bin/bash', 'set -euo pipefail'] : ['#!/bin/sh', 'set -eu']),
      ...(g.chance(0.6) ? [`# 用法：./${name}.sh ${g.pick(['<pid>', '<秒数>', '<cgroup>', '[-v] <设备>'])}`] : []),
    ],
  };
  const vars: Piece = {
    order: 1,
    lines: g.sample(
      [
        `PID=\${1:?用法: $0 pid}`,
        `DURATION=\${2:-${g.int(1, 30)}}`,
        'TRACING=/sys/kernel/debug/tracing',
        `OUT=/tmp/${name}.$$.log`,
        `CG=/sys/fs/cgroup/${name}`,
        `KDIR=/lib/modules/$(uname -r)/build`,
      ],
      g.int(2, 4),
    ),
  };
  const pieces: (() => Piece)[] = [
    () => ({
      order: 2,
      lines: ['cleanup() {', '\techo 0 > "$TRACING/tracing_on"', '\techo nop > "$TRACING/current_tracer"', `\trm -f "$OUT"`, '}', 'trap cleanup EXIT INT TERM'],
    }),
    () => ({
      order: 3,
      lines: [
        'cd "$TRACING"',
        '# 关闭跟踪，避免缓冲区被覆盖',
        'echo 0 > tracing_on',
        `echo ${g.pick(['function_graph', 'function'])} > current_tracer`,
        `echo ${g.pick(KFUNCS)} > set_graph_function`,
        `echo ${g.int(1, 64) * 1024} > buffer_size_kb`,
        'echo 1 > tracing_on',
        `sleep "\${DURATION:-${g.int(1, 10)}}"`,
        'echo 0 > tracing_on',
        `head -n ${g.int(20, 200)} trace > "$OUT"`,
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'for cpu in /sys/devices/system/cpu/cpu[0-9]*; do',
        '\tgov=$(cat "$cpu/cpufreq/scaling_governor" 2>/dev/null || echo none)',
        '\tprintf "%s\\t%s\\n" "$(basename "$cpu")" "$gov"',
        'done',
      ],
    }),
    () => ({
      order: 3,
      lines: [
        '# 统计每个进程的上下文切换次数',
        'ctxt() {',
        '\tawk \'/ctxt_switches/ { sum += $2 } END { print sum }\' "/proc/$1/status"',
        '}',
        `for p in $(pgrep ${g.pick(COMMS.filter((c) => !c.includes('/')))}); do`,
        '\techo "$p $(ctxt "$p")"',
        'done | sort -k2 -n -r | head',
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'mkdir -p "$CG"',
        'echo "+cpu +memory +pids" > /sys/fs/cgroup/cgroup.subtree_control',
        `echo ${g.int(16, 2048)}M > "$CG/memory.max"`,
        `echo "${g.int(10, 100) * 1000} 100000" > "$CG/cpu.max"`,
        `echo ${g.int(16, 512)} > "$CG/pids.max"`,
        'echo $$ > "$CG/cgroup.procs"',
        'cat "$CG/memory.events"',
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'qemu-system-x86_64 \\',
        '\t-kernel arch/x86/boot/bzImage \\',
        '\t-initrd initramfs.cpio.gz \\',
        `\t-append "console=ttyS0 nokaslr ${g.pick(['rdinit=/sbin/init', 'panic=-1', 'loglevel=8', 'isolcpus=1'])}" \\`,
        `\t-m ${g.pick([512, 1024, 2048, 4096])}M -smp ${g.pick([1, 2, 4])} \\`,
        `\t-netdev user,id=n0,hostfwd=tcp::${g.int(2200, 2299)}-:22 -device virtio-net,netdev=n0 \\`,
        '\t-nographic -s -S',
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'make defconfig',
        'scripts/config --enable CONFIG_DEBUG_INFO_DWARF5',
        `scripts/config --enable CONFIG_${g.pick(['KASAN', 'LOCKDEP', 'PROVE_LOCKING', 'DEBUG_ATOMIC_SLEEP', 'FTRACE', 'KPROBES'])}`,
        'scripts/config --disable CONFIG_RANDOMIZE_BASE',
        'make olddefconfig',
        'make -j"$(nproc)" bzImage modules 2>&1 | tee build.log',
        `make -C "$KDIR" M="$PWD" modules`,
      ],
    }),
    () => ({
      order: 3,
      lines: [
        `perf record -F ${g.pick([99, 499, 999, 4999])} -g -a -- sleep ${g.int(5, 60)}`,
        'perf script > out.perf',
        './stackcollapse-perf.pl out.perf | ./flamegraph.pl > flame.svg',
        `bpftrace -e 'kprobe:${g.pick(KFUNCS)} { @[comm] = count(); }'`,
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'ps -eo pid,stat,comm --no-headers | while read -r pid stat comm; do',
        '\tcase "$stat" in',
        '\tD*) echo "$pid $comm 处于不可中断睡眠" ;;',
        '\tZ*) echo "$pid $comm 是僵尸进程" ;;',
        '\tesac',
        'done',
      ],
    }),
    () => ({
      order: 3,
      lines: [
        'while getopts "vp:" opt; do',
        '\tcase $opt in',
        '\tv) VERBOSE=1 ;;',
        '\tp) PID=$OPTARG ;;',
        `\t*) echo "usage: $0 [-v] [-p pid]" >&2; exit ${g.int(1, 2)} ;;`,
        '\tesac',
        'done',
        'shift $((OPTIND - 1))',
      ],
    }),
    () => ({
      order: 4,
      lines: [
        `grep -E '${g.pick(['pgfault|pgmajfault', 'pgscan|pgsteal', 'oom_kill', 'thp_fault_alloc'])}' /proc/vmstat`,
        `cat /proc/"$PID"/${g.pick(['sched', 'stack', 'smaps_rollup', 'wchan', 'io'])}`,
        `echo "done: $(date +%T), ${n} samples"`,
      ],
    }),
  ];
  return assemble(g, [header, vars], pieces, () => `echo "${name}: $(cat /proc/loadavg)"`);
}

function cBlock(g: Gen): string[] {
  const n = g.pick(NAMES);
  const N = UPPER(n);
  const kernel = g.chance(0.75);
  if (!kernel) {
    const includes: Piece = {
      order: 0,
      lines: g.sample(
        [
          '#include <errno.h>',
          '#include <fcntl.h>',
          '#include <pthread.h>',
          '#include <stdio.h>',
          '#include <stdlib.h>',
          '#include <string.h>',
          '#include <sys/mman.h>',
          '#include <sys/wait.h>',
          '#include <unistd.h>',
        ],
        g.int(3, 6),
      ),
    };
    const mains: Piece[] = [
      {
        order: 3,
        lines: [
          'int main(int argc, char *argv[])',
          '{',
          '\tchar buf[4096];',
          '\tssize_t n;',
          '\tint fd = open(argv[1], O_RDONLY);',
          '',
          '\tif (fd < 0) {',
          '\t\tperror("open");',
          '\t\treturn 1;',
          '\t}',
          '\twhile ((n = read(fd, buf, sizeof(buf))) > 0)',
          '\t\twrite(STDOUT_FILENO, buf, n);',
          '\tclose(fd);',
          '\treturn 0;',
          '}',
        ],
      },
      {
        order: 3,
        lines: [
          'int main(void)',
          '{',
          '\tpid_t pid = fork();',
          '',
          '\tif (pid < 0) {',
          '\t\tperror("fork");',
          '\t\texit(EXIT_FAILURE);',
          '\t}',
          '\tif (pid == 0) {',
          `\t\tprintf("child %d, parent %d\\n", getpid(), getppid());`,
          `\t\t_exit(${g.int(0, 3)});`,
          '\t}',
          '\twaitpid(pid, NULL, 0);',
          '\treturn 0;',
          '}',
        ],
      },
      {
        order: 3,
        lines: [
          `static void *${n}_worker(void *arg)`,
          '{',
          '\tlong id = (long)arg;',
          '',
          `\tfor (int i = 0; i < ${g.int(1, 100) * 1000}; i++) {`,
          '\t\tpthread_mutex_lock(&lock);',
          '\t\tcounter++;',
          '\t\tpthread_mutex_unlock(&lock);',
          '\t}',
          '\tprintf("thread %ld done\\n", id);',
          '\treturn NULL;',
          '}',
        ],
      },
      {
        order: 3,
        lines: [
          'int main(void)',
          '{',
          `\tsize_t len = ${g.pick([4096, 8192, 1 << 20, 2 << 20])};`,
          '\tchar *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);',
          '',
          '\tif (p == MAP_FAILED)',
          '\t\treturn 1;',
          '\t/* 第一次写入才触发缺页，分配物理页 */',
          `\tmemset(p, 0x${g.hex(2)}, len);`,
          '\tgetchar();',
          '\tmunmap(p, len);',
          '\treturn 0;',
          '}',
        ],
      },
    ];
    const optional = [
      () => ({ order: 1, lines: [`#define ${N}_NR\t${g.int(2, 64)}`, `#define ${N}_BUF_SIZE\t${g.pick([64, 256, 4096])}`] }),
      () => ({ order: 2, lines: ['static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;', 'static long counter;'] }),
      () => ({ order: 2, lines: [`/* ${g.pick(['编译：gcc -O2 -pthread', '运行前先 ulimit -c unlimited', '用 strace -f 观察系统调用'])} */`] }),
    ];
    return assemble(g, [includes, g.pick(mains)], optional, () => '');
  }
  const includes: Piece = {
    order: 0,
    lines: g.sample(
      [
        '#include <linux/init.h>',
        '#include <linux/kernel.h>',
        '#include <linux/kthread.h>',
        '#include <linux/list.h>',
        '#include <linux/module.h>',
        '#include <linux/rcupdate.h>',
        '#include <linux/sched.h>',
        '#include <linux/slab.h>',
        '#include <linux/spinlock.h>',
        '#include <linux/wait.h>',
      ],
      g.int(2, 5),
    ),
  };
  const reg = g.pick(['CTRL', 'INT', 'DMA', 'RX']);
  const mains: Piece[] = [
    {
      order: 3,
      lines: [
        `static struct ${n}_entry *${n}_lookup(unsigned long key)`,
        '{',
        `\tstruct ${n}_entry *e;`,
        '',
        `\tspin_lock(&${n}_lock);`,
        `\tlist_for_each_entry(e, &${n}_list, list) {`,
        '\t\tif (e->key == key) {',
        '\t\t\tatomic_inc(&e->refcnt);',
        `\t\t\tspin_unlock(&${n}_lock);`,
        '\t\t\treturn e;',
        '\t\t}',
        '\t}',
        `\tspin_unlock(&${n}_lock);`,
        '\treturn NULL;',
        '}',
      ],
    },
    {
      order: 3,
      lines: [
        `static int ${n}_thread(void *data)`,
        '{',
        `\tstruct ${n}_dev *dev = data;`,
        '',
        '\twhile (!kthread_should_stop()) {',
        '\t\twait_event_interruptible(dev->wq, dev->pending || kthread_should_stop());',
        '\t\tmutex_lock(&dev->lock);',
        `\t\t${n}_process(dev);`,
        '\t\tdev->pending = false;',
        '\t\tmutex_unlock(&dev->lock);',
        '\t}',
        '\treturn 0;',
        '}',
      ],
    },
    {
      order: 3,
      lines: [
        `static void ${n}_update(struct ${n}_cfg *new)`,
        '{',
        `\tstruct ${n}_cfg *old;`,
        '',
        `\tspin_lock(&${n}_lock);`,
        `\told = rcu_dereference_protected(${n}_cfg, lockdep_is_held(&${n}_lock));`,
        `\trcu_assign_pointer(${n}_cfg, new);`,
        `\tspin_unlock(&${n}_lock);`,
        '\t/* 等待所有读者退出临界区后才能释放旧数据 */',
        '\tsynchronize_rcu();',
        '\tkfree(old);',
        '}',
      ],
    },
    {
      order: 3,
      lines: [
        `static irqreturn_t ${n}_irq(int irq, void *dev_id)`,
        '{',
        `\tstruct ${n}_dev *dev = dev_id;`,
        `\tu32 status = readl(dev->base + ${N}_${reg}_STATUS);`,
        '',
        `\tif (!(status & ${N}_IRQ_PENDING))`,
        '\t\treturn IRQ_NONE;',
        `\twritel(status, dev->base + ${N}_${reg}_STATUS);`,
        `\tif (status & ${N}_RX_DONE)`,
        '\t\tnapi_schedule(&dev->napi);',
        '\treturn IRQ_HANDLED;',
        '}',
      ],
    },
    {
      order: 3,
      lines: [
        `SYSCALL_DEFINE2(${n}, int, fd, unsigned long, arg)`,
        '{',
        '\tstruct fd f = fdget(fd);',
        '\tlong ret = -EBADF;',
        '',
        '\tif (!f.file)',
        '\t\treturn ret;',
        `\tret = vfs_${n}(f.file, arg);`,
        '\tfdput(f);',
        '\treturn ret;',
        '}',
      ],
    },
  ];
  const optional = [
    () => ({ order: 1, lines: [`#define ${N}_MAX_ENTRIES\t${g.pick([16, 64, 256, 1024])}`, `#define ${N}_TIMEOUT\t(HZ * ${g.int(1, 30)})`] }),
    () => ({
      order: 2,
      lines: [`struct ${n}_entry {`, '\tstruct list_head list;', '\tunsigned long key;', '\tatomic_t refcnt;', `\tchar name[${g.pick([16, 32, 64])}];`, '};'],
    }),
    () => ({ order: 2, lines: [`static DEFINE_SPINLOCK(${n}_lock);`, `static LIST_HEAD(${n}_list);`] }),
    () => ({
      order: 2,
      lines: [
        '/*',
        ` * ${n}_${g.pick(['lookup', 'update', 'thread', 'irq'])} - ${g.pick(['在链表中查找并增加引用计数', '替换配置，读者无锁访问', '后台线程，等待事件后处理', '中断上半部，只做最少的工作'])}`,
        ' *',
        ` * Context: ${g.pick(['Process context.', 'Any context.', 'Hard IRQ context.'])} ${g.pick(['Takes and releases the lock.', 'Must not sleep.', 'May sleep.'])}`,
        ' */',
      ],
    }),
    () => ({
      order: 4,
      lines: [
        `static int __init ${n}_init(void)`,
        '{',
        `\tpr_info("${n}: loaded, %d entries\\n", ${N}_MAX_ENTRIES);`,
        '\treturn 0;',
        '}',
        `module_init(${n}_init);`,
        'MODULE_LICENSE("GPL");',
      ],
    }),
  ];
  return assemble(g, [includes, g.pick(mains)], optional, () => '');
}

/** One fenced block's language and text (15–25 lines, no trailing newline). */
export function realisticBlock(rand: Rand): [lang: string, code: string] {
  const g = new Gen(rand);
  const kind = g.pick(['shell', 'bash', 'c', 'c', 'console', 'console', 'console']);
  const lines = kind === 'c' ? cBlock(g) : kind === 'console' ? consoleBlock(g, g.int(MIN_LINES, MAX_LINES)) : shellBlock(g);
  return [kind, lines.join('\n')];
}
