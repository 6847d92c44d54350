/** Starting a worker thread from one of inkstone's modules, from TypeScript sources or compiled JavaScript. */
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { FROM_SOURCES, moduleFile } from '../package-files.js';

/**
 * Starts a worker running inkstone's module `name` (`render-service/worker`, from the code folder,
 * no extension). From the bundles in dist/ (what `bin/inkstone.js` runs) it loads `name.js`; from
 * the TypeScript sources (tests, tsx) it registers tsx in the worker first.
 */
export function spawnModuleWorker(name: string, options: WorkerOptions = {}): Worker {
  const url = pathToFileURL(moduleFile(name));
  if (FROM_SOURCES) {
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
    return new Worker(code, { ...options, eval: true });
  }
  return new Worker(url, options);
}
