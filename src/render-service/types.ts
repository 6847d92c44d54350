/** What the rest of the build sees of Markdown rendering: a renderer that can be shut down. */
import type { MarkdownRenderer } from '../markdown/pipeline.js';

/** A renderer that can be shut down. */
export interface RenderService extends MarkdownRenderer {
  /** Number of worker threads (0 when rendering in this thread). */
  readonly workers: number;
  close(): Promise<void>;
}
