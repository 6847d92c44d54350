/**
 * The live-reload script the preview server injects into every HTML page it serves (never into
 * the files in the output folder). It listens to the server's event stream, reloads the page when
 * a rebuild changed it (keeping the scroll position), and shows build errors as an overlay.
 */

/** Where the script is served. */
export const CLIENT_PATH = '/__inkstone/client.js';

/** The Server-Sent Events stream. */
export const EVENTS_PATH = '/__inkstone/events';

/** Id of the error overlay element (for tests and user styles). */
export const OVERLAY_ID = 'inkstone-error-overlay';

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
  });
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
