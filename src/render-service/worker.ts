/** Render worker entry: owns one Markdown renderer (and so one highlighter) and renders what it is sent. */
import { parentPort } from 'node:worker_threads';
import { createMarkdownRenderer, type MarkdownInput } from '../markdown/pipeline.js';
import { describeRenderFailure } from './failure.js';

/** A job sent to a render worker. */
export interface RenderRequest {
  input: MarkdownInput;
}

const renderer = createMarkdownRenderer();

parentPort!.on('message', async ({ input }: RenderRequest) => {
  try {
    const ready = await renderer;
    parentPort!.postMessage({ started: true });
    const result = await ready.render(input);
    parentPort!.postMessage({ result });
  } catch (thrown) {
    parentPort!.postMessage({ error: describeRenderFailure(thrown) });
  }
});
