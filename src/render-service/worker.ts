/**
 * Render worker entry: owns one Markdown renderer (and so one highlighter) and renders the batches
 * it is sent, one post after another, in order. Says `ready` once the renderer is loaded, and
 * `started` before each post, so the time limit counts rendering only.
 */
import { parentPort } from 'node:worker_threads';
import { createMarkdownRenderer, type MarkdownInput } from '../markdown/pipeline.js';
import { describeRenderFailure } from './failure.js';

/** A batch sent to a render worker. */
export interface RenderRequest {
  inputs: MarkdownInput[];
}

const port = parentPort!;
const renderer = createMarkdownRenderer();
const pending: MarkdownInput[] = [];
let running = false;

async function run(): Promise<void> {
  running = true;
  while (pending.length > 0) {
    const input = pending.shift()!;
    try {
      const ready = await renderer;
      port.postMessage({ started: true });
      port.postMessage({ result: await ready.render(input) });
    } catch (thrown) {
      port.postMessage({ error: describeRenderFailure(thrown) });
    }
  }
  running = false;
}

renderer.then(
  () => port.postMessage({ ready: true }),
  () => port.postMessage({ ready: true }),
);

port.on('message', ({ inputs }: RenderRequest) => {
  pending.push(...inputs);
  if (!running) void run();
});
