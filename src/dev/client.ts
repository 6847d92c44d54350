/**
 * The live-reload script the preview server injects into every HTML page it serves (never into
 * the files in the output folder). It listens to the server's event stream, reloads the page when
 * a rebuild changed it (keeping the scroll position), shows build errors as an overlay over the
 * page, and the current warnings of the page being viewed as a dismissible bar at its foot.
 */

/** Where the script is served. */
export const CLIENT_PATH = '/__inkstone/client.js';

/** The Server-Sent Events stream. */
export const EVENTS_PATH = '/__inkstone/events';

/** Id of the error overlay element (for tests and user styles). */
export const OVERLAY_ID = 'inkstone-error-overlay';

/** Id of the warning bar's host element (its content is in an open shadow root, apart from the site's styles). */
export const WARNINGS_ID = 'inkstone-warnings';

/** The warning bar's styles: amber, light or dark as the reader's system is, at the foot of the window. */
const WARNINGS_CSS = [
  ':host{all:initial}',
  '.bar{position:fixed;left:0;right:0;bottom:0;z-index:2147483646;box-sizing:border-box;max-height:40vh;overflow:auto;padding:10px 52px 12px 16px;',
  'font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left;color:#422006;background:#fffbeb;border-top:3px solid #d97706;box-shadow:0 -4px 16px rgba(0,0,0,.12)}',
  '.title{font-weight:600}.more{margin-left:8px;font-size:13px;color:#92400e}',
  'ul{margin:4px 0 0;padding:0;list-style:none}li{padding:2px 0;overflow-wrap:anywhere}',
  '.inkstone-warning-file{margin-right:8px;font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#92400e}',
  'button{position:absolute;top:6px;right:8px;width:32px;height:32px;padding:0;border:0;border-radius:6px;font:20px/1 system-ui,sans-serif;color:inherit;background:transparent;cursor:pointer}',
  'button:hover,button:focus-visible{background:rgba(0,0,0,.08)}',
  '@media (prefers-color-scheme:dark){.bar{color:#fef3c7;background:#292524;border-top-color:#f59e0b;box-shadow:0 -4px 16px rgba(0,0,0,.5)}',
  '.more,.inkstone-warning-file{color:#fbbf24}button:hover,button:focus-visible{background:rgba(255,255,255,.12)}}',
  // Phones: each warning's place on a line of its own, and a bigger target to dismiss.
  '@media (max-width:600px){.bar{font-size:13px;padding-right:52px}.more{display:block;margin-left:0}li{padding:4px 0}',
  '.inkstone-warning-file{display:block;font-size:12px}button{top:4px;right:4px;width:44px;height:44px}}',
].join('');

/** The script tag to inject; `file` is the served file relative to the output folder. */
export function clientTag(file: string, missing: boolean): string {
  const attr = file.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script src="${CLIENT_PATH}" data-file="${attr}"${missing ? ' data-missing="1"' : ''}></script>`;
}

/** Puts the script tag before the last `</body>` (or at the end when there is none). */
export function injectClient(html: string, file: string, missing = false): string {
  const tag = clientTag(file, missing);
  const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** The browser side. Plain ES2017, no dependencies; text is only ever set with textContent. */
export const CLIENT_SCRIPT = `(() => {
  'use strict';
  const me = document.currentScript;
  const file = (me && me.dataset.file) || '';
  const missing = Boolean(me && me.dataset.missing);
  const scrollKey = 'inkstone:scroll:' + location.pathname;
  try {
    const saved = sessionStorage.getItem(scrollKey);
    if (saved) {
      sessionStorage.removeItem(scrollKey);
      const [x, y] = JSON.parse(saved);
      const restore = () => window.scrollTo(x, y);
      restore();
      document.addEventListener('DOMContentLoaded', restore, { once: true });
      window.addEventListener('load', () => {
        restore();
        history.scrollRestoration = 'auto';
      }, { once: true });
    }
  } catch (e) {}

  const reload = () => {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
      // Our saved position wins over the browser's own restoring, which differs between browsers.
      history.scrollRestoration = 'manual';
    } catch (e) {}
    location.reload();
  };

  const OVERLAY = ${JSON.stringify(OVERLAY_ID)};
  const el = (tag, text, css) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (css) node.style.cssText = css;
    return node;
  };
  const hide = () => {
    const old = document.getElementById(OVERLAY);
    if (old) old.remove();
  };
  const show = (errors) => {
    hide();
    const box = el('div', undefined, 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:32px;' +
      'background:rgba(24,24,27,.94);color:#f4f4f5;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left');
    box.id = OVERLAY;
    box.setAttribute('role', 'alert');
    const count = errors.length + ' error' + (errors.length === 1 ? '' : 's');
    box.appendChild(el('div', 'inkstone: the last save has ' + count + '. This page shows the last good build.', 'color:#fca5a5;font-weight:bold;margin-bottom:16px'));
    for (const error of errors) {
      const item = el('div', undefined, 'margin:0 0 16px;padding:12px 16px;border-left:3px solid #f87171;background:rgba(255,255,255,.05)');
      item.className = 'inkstone-error';
      const where = el('div', error.file + (error.line ? ':' + error.line : ''), 'color:#93c5fd');
      where.className = 'inkstone-error-file';
      const message = el('div', error.message);
      message.className = 'inkstone-error-message';
      item.append(where, message);
      box.appendChild(item);
    }
    const close = el('button', 'Dismiss', 'font:inherit;margin-top:8px;padding:4px 12px;cursor:pointer');
    close.type = 'button';
    close.addEventListener('click', hide);
    box.append(el('div', 'Fix the file and save: this goes away by itself.', 'color:#a1a1aa'), close);
    (document.body || document.documentElement).appendChild(box);
  };

  // The warning bar: this page's warnings (and the whole site's, like _config.yml's), not every
  // page's; the others are counted. Dismissed, it stays away until its warnings change.
  const BAR = ${JSON.stringify(WARNINGS_ID)};
  const dismissKey = 'inkstone:warnings-dismissed:' + location.pathname;
  let warnings = [];
  const showWarnings = () => {
    const old = document.getElementById(BAR);
    if (old) old.remove();
    const here = warnings.filter((w) => !w.pages || w.pages.indexOf(file) >= 0);
    if (!here.length) return;
    const signature = JSON.stringify(here.map((w) => [w.file, w.message]));
    try {
      if (sessionStorage.getItem(dismissKey) === signature) return;
    } catch (e) {}
    const host = el('div');
    host.id = BAR;
    const root = host.attachShadow({ mode: 'open' });
    root.appendChild(el('style', ${JSON.stringify(WARNINGS_CSS)}));
    const bar = el('section');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    bar.setAttribute('aria-label', 'inkstone warnings');
    const title = here.length + ' warning' + (here.length === 1 ? '' : 's') + ' for this page';
    bar.appendChild(el('span', '\u26a0 inkstone: ' + title)).className = 'title';
    const elsewhere = warnings.length - here.length;
    if (elsewhere > 0) bar.appendChild(el('span', '+ ' + elsewhere + ' elsewhere on the site (see the terminal)')).className = 'more';
    const list = el('ul');
    for (const w of here) {
      const item = el('li');
      item.className = 'inkstone-warning';
      const where = el('span', w.file + (w.line ? ':' + w.line : ''));
      where.className = 'inkstone-warning-file';
      const message = el('span', w.message);
      message.className = 'inkstone-warning-message';
      item.append(where, message);
      list.appendChild(item);
    }
    const close = el('button', '\u00d7');
    close.type = 'button';
    close.className = 'inkstone-warnings-dismiss';
    close.title = 'Dismiss (comes back when the warnings change)';
    close.setAttribute('aria-label', 'Dismiss warnings');
    close.addEventListener('click', () => {
      try {
        sessionStorage.setItem(dismissKey, signature);
      } catch (e) {}
      host.remove();
    });
    bar.append(list, close);
    root.appendChild(bar);
    (document.body || document.documentElement).appendChild(host);
  };
  const setWarnings = (list) => {
    warnings = list || [];
    if (document.body) showWarnings();
    else document.addEventListener('DOMContentLoaded', showWarnings, { once: true });
  };

  let seen;
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const data = (event) => JSON.parse(event.data);
  source.addEventListener('hello', (event) => {
    const hello = data(event);
    const id = hello.session + ':' + hello.build;
    if (seen !== undefined && seen !== id) return reload();
    seen = id;
    if (hello.errors.length) show(hello.errors);
    else hide();
    setWarnings(hello.warnings);
  });
  source.addEventListener('warnings', (event) => setWarnings(data(event).warnings));
  source.addEventListener('build-error', (event) => show(data(event).errors));
  source.addEventListener('build-ok', hide);
  source.addEventListener('reload', (event) => {
    const change = data(event);
    seen = change.session + ':' + change.build;
    if (change.all || missing || change.paths.indexOf(file) >= 0) reload();
  });
  window.addEventListener('pagehide', () => source.close());
  window.__inkstone = { file, source };
})();
`;
