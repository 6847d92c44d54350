/** Starting a worker thread from one of inkstone's modules, from TypeScript sources or compiled JavaScript. */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker running the module `name` (`./render-service/worker`, no extension) next to
 * `from` (the caller's `import.meta.url`). From compiled JavaScript (`dist/`, what `bin/inkstone.js`
 * runs) it loads `name.js`; from TypeScript sources (tests, tsx) it registers tsx in the worker first.
 */
export function spawnModuleWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  if (from.endsWith('.ts')) {
    const url = new URL(`${name}.ts`, from).href;
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    return new Worker(code, { ...options, eval: true });
  }
  return new Worker(new URL(`${name}.js`, from), options);
}
