/**
 * Deterministic corpora of Chinese kernel notes for benchmarks: CJK headings, tab-nested lists, a
 * table, 1–3 code blocks, ~10 categories. Same seed, same bytes. Two variants:
 *
 * - `short` (the default, and what bench:identical and other tools build): ~4 KB per post, code
 *   blocks of 3–13 lines picked from four fixed snippets (so most blocks repeat verbatim).
 * - `realistic`: the same posts with code blocks of real size, 15–25 lines each of shell, C and
 *   console sessions (dmesg, ps, /proc dumps, ftrace, strace, perf, gdb), every block different
 *   (see code-blocks.ts); ~5–8 KB per post.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';
import { realisticBlock } from './code-blocks.js';

export const CORPUS_VARIANTS = ['short', 'realistic'] as const;
export type CorpusVariant = (typeof CORPUS_VARIANTS)[number];

/** `text` as a corpus variant, or an Error naming the known ones. */
export function corpusVariant(text: string): CorpusVariant {
  if ((CORPUS_VARIANTS as readonly string[]).includes(text)) return text as CorpusVariant;
  throw new Error(`unknown corpus variant "${text}" (known: ${CORPUS_VARIANTS.join(', ')})`);
}

const CATEGORIES = ['内核', 'shell', '调度', '内存', '文件系统', '网络', '虚拟化', '容器', '调试', 'c'];
const TOPICS = [
  '内核抢占',
  '页面回收',
  'RCU 机制',
  '中断处理',
  '系统调用',
  '进程调度',
  'slab 分配器',
  'VFS 层',
  'epoll 实现',
  'cgroup v2',
  'KVM 虚拟化',
  'eBPF 探针',
  'ftrace 跟踪',
  'futex 原理',
];
const SENTENCES = [
  '内核在加载ELF文件时，固定一个基址后，就按照`readelf -l`查询出来的`MemSiz`不断累加。',
  '抢占的前提条件是：配置了`TIF_NEED_RESCHED`说明有进程在等待CPU时间；抢占计数器`preempt_count = 0`。',
  '用户态app调用open接口时，会先陷入内核态，然后内核态将请求转发给用户态处理，得到结果后返回。',
  'IOMMU可以将连续的虚拟地址映射到不连续的多个物理内存片段，这部分功能与MMU类似。',
  '旧版本的kernel涉及到两把锁：logbuf、console信号量，在NMI中重复调用printk会造成AA死锁。',
  'snapshotter组织snapshot形成rootfs，containerd默认的snapshotter是overlayfs。',
  'The scheduler picks the task with the smallest `vruntime` from the red-black tree.',
  '缺页异常发生后，内核根据`vm_area_struct`判断访问是否合法，再决定分配页面还是发送SIGSEGV。',
];
const CODE = [
  ['shell', 'mount -t fusectl none /sys/fs/fuse/connections\nls -l /sys/fs/fuse/connections\ncat /proc/$$/status | grep -i ctxt'],
  [
    'bash',
    'for cpu in /sys/devices/system/cpu/cpu[0-9]*; do\n  echo "$cpu: $(cat "$cpu"/cpufreq/scaling_governor)"\ndone\nperf stat -e context-switches -a sleep 1',
  ],
  [
    'c',
    '#include <stdio.h>\n#include <unistd.h>\n\nint main(void)\n{\n\tpid_t pid = fork();\n\tif (pid == 0) {\n\t\tprintf("child %d\\n", getpid());\n\t\treturn 0;\n\t}\n\treturn 0;\n}',
  ],
  ['console', '$ cat /proc/sys/kernel/sched_child_runs_first\n0\n$ sudo sysctl -w vm.drop_caches=3\nvm.drop_caches = 3'],
];

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of post number `i` (front matter included). */
export function corpusPost(i: number, variant: CorpusVariant = 'short'): { name: string; text: string } {
  const rand = random(i * 7919 + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const day = new Date(Date.UTC(2015, 0, 1) + i * 86400000 * 0.9);
  const ymd = day.toISOString().slice(0, 10);
  const topic = pick(TOPICS);
  const category = pick(CATEGORIES);
  const paragraph = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SENTENCES)).join('');
  const parts: string[] = [
    '---',
    `title: "${topic}笔记 ${i}"`,
    `date: ${ymd} ${String(8 + (i % 14)).padStart(2, '0')}:30:00 +0800`,
    `categories: [${category}]`,
    `tags: [${pick(TOPICS).split(' ')[0]}, note${i % 25}]`,
    '---',
    '',
    paragraph(),
    '',
    `## ${topic}的基本原理`,
    '',
    paragraph(),
    '',
    '* 触发条件：',
    `\t* ${pick(SENTENCES)}`,
    `\t* ${pick(SENTENCES)}`,
    '* 处理流程：',
    `\t* ${pick(SENTENCES)}`,
    '',
  ];
  const blocks = 1 + Math.floor(rand() * 3);
  for (let b = 0; b < blocks; b++) {
    const [lang, code] = variant === 'short' ? pick(CODE) : realisticBlock(rand);
    parts.push(`### 示例 ${b + 1}：${lang}`, '', paragraph(), '', '```' + lang, code!, '```', '');
  }
  parts.push(
    '## 对比',
    '',
    '| 方案 | 优点 | 缺点 |',
    '| --- | --- | --- |',
    `| ${pick(TOPICS)} | 简单 | 慢 |`,
    `| ${pick(TOPICS)} | 快 | 复杂 |`,
    '',
    paragraph(),
    '',
    `参见 [${topic}](#${encodeURIComponent(slug(`${topic}的基本原理`))})。`,
    '',
  );
  return { name: `${ymd}-note-${i}.md`, text: parts.join('\n') };
}

/** Writes an N-post site (posts and _config.yml) into `root`; returns the post file names in order. */
export async function writeCorpus(root: string, count: number, variant: CorpusVariant = 'short'): Promise<string[]> {
  await mkdir(path.join(root, 'posts'), { recursive: true });
  await writeFile(path.join(root, '_config.yml'), 'title: 内核笔记\nurl: https://example.github.io\ntimezone: Asia/Shanghai\n');
  const posts = Array.from({ length: count }, (_, i) => corpusPost(i, variant));
  for (let i = 0; i < posts.length; i += 200) {
    await Promise.all(posts.slice(i, i + 200).map((p) => writeFile(path.join(root, 'posts', p.name), p.text)));
  }
  return posts.map((p) => p.name);
}
