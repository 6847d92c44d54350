import { createInProcessService, createRenderService, createPoolService } from '/work/main/src/markdown/pool.ts';
const nested = (d: number) => Array.from({ length: d }, (_, i) => '  '.repeat(i) + '- x').join('\n') + '\n';
const nestedQ = (d: number) => '>'.repeat(d) + ' x\n';
const ip = await createInProcessService();
for (const d of [100, 200, 300, 500, 1000]) {
  const t = Date.now();
  try { const r = await ip.render({ body: nested(d), bodyLine: 1 }); console.log('list', d, 'ok', r.html.length, Date.now() - t); }
  catch (e) { console.log('list', d, 'fail', (e as Error).constructor.name, (e as Error).message, Date.now() - t); }
}
for (const d of [1000, 3000, 10000]) {
  const t = Date.now();
  try { const r = await ip.render({ body: nestedQ(d), bodyLine: 1 }); console.log('quote', d, 'ok', r.html.length, Date.now() - t); }
  catch (e) { console.log('quote', d, 'fail', (e as Error).message, Date.now() - t); }
}
