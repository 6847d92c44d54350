/* inkstone default theme: copy buttons on code blocks and the table of contents' current section.
   Progressive enhancement: the page works without it. */
(function () {
  'use strict';
  var script = document.currentScript;
  var label = function (name, fallback) { return (script && script.getAttribute('data-' + name)) || fallback; };

  /* The text a block's copy button copies: no prompts, no line numbers (CSS draws them), no lines a
     diff removes, and in shell sessions only the commands. */
  function codeText(block) {
    var code = block.querySelector('pre code') || block.querySelector('pre');
    var lines = code.querySelectorAll('.line');
    if (!lines.length) return code.textContent.replace(/\n$/, '');
    var session = block.classList.contains('session');
    var out = [];
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (session && !line.classList.contains('command')) continue;
      if (line.classList.contains('remove')) continue;
      var copy = line.cloneNode(true);
      var prompts = copy.querySelectorAll('.prompt');
      for (var j = 0; j < prompts.length; j++) prompts[j].remove();
      out.push(copy.textContent);
    }
    return out.join('\n');
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }

  function addCopyButton(block) {
    var button = document.createElement('button');
    var idle = label('copy', 'Copy');
    button.type = 'button';
    button.className = 'copy-button';
    button.setAttribute('aria-live', 'polite');
    button.textContent = idle;
    var timer;
    button.addEventListener('click', function () {
      var text = codeText(block);
      var copied = navigator.clipboard && window.isSecureContext ? navigator.clipboard.writeText(text) : fallbackCopy(text);
      copied.catch(function () { return fallbackCopy(text); }).then(
        function () { show(label('copied', 'Copied'), 'copied'); },
        function () { show(label('copy-failed', 'Press Ctrl+C to copy'), 'failed'); }
      );
    });
    function show(text, state) {
      button.textContent = text;
      button.setAttribute('data-state', state);
      clearTimeout(timer);
      timer = setTimeout(function () { button.textContent = idle; button.removeAttribute('data-state'); }, 2000);
    }
    block.appendChild(button);
  }

  /* Marks the table of contents' link to the section being read (aria-current). */
  function followSections(nav) {
    var links = nav.querySelectorAll('a[href^="#"]');
    var targets = [];
    for (var i = 0; i < links.length; i++) {
      var target = document.getElementById(decodeURIComponent(links[i].getAttribute('href').slice(1)));
      if (target) targets.push({ link: links[i], target: target });
    }
    if (!targets.length) return;
    var current;
    var queued = false;
    function update() {
      queued = false;
      var active = targets[0];
      for (var i = 0; i < targets.length; i++) {
        if (targets[i].target.getBoundingClientRect().top <= 96) active = targets[i];
        else break;
      }
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) active = targets[targets.length - 1];
      if (active === current) return;
      if (current) current.link.removeAttribute('aria-current');
      active.link.setAttribute('aria-current', 'true');
      current = active;
    }
    window.addEventListener('scroll', function () {
      if (!queued) { queued = true; requestAnimationFrame(update); }
    }, { passive: true });
    update();
  }

  function start() {
    var blocks = document.querySelectorAll('.code-block');
    for (var i = 0; i < blocks.length; i++) addCopyButton(blocks[i]);
    var side = document.querySelector('.toc-side .toc');
    if (side) followSections(side);
    var inline = document.querySelector('details.toc-inline');
    if (inline) inline.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('a')) inline.open = false;
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
