/* Progressive enhancement for Vitrina pages: the accessibility mode panel, click-to-load video, gallery viewer.
   Every page works without this file. */
(function () {
  'use strict';
  var KEY = 'vitrina-a11y';
  var root = document.documentElement;

  /* ---- Версия для слабовидящих (ГОСТ Р 52872-2019) ---- */
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || 'null') || {}; } catch (e) { return {}; }
  }
  function save(s) {
    try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode: session only */ }
  }
  function apply(s) {
    var keep = [];
    root.classList.forEach(function (c) { if (c.indexOf('a11y') !== 0) keep.push(c); });
    root.className = keep.join(' ');
    if (s.on) {
      root.classList.add('a11y', 'a11y-font-' + (s.font || 1), 'a11y-scheme-' + (s.scheme || 'bw'));
      if (s.spacing) root.classList.add('a11y-spacing');
      if (s.noimages) root.classList.add('a11y-noimages');
    }
    var panel = document.getElementById('a11y-panel');
    if (!panel) return;
    panel.querySelectorAll('[data-a11y-font]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-a11y-font')) === (s.font || 1)));
    });
    panel.querySelectorAll('[data-a11y-scheme]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-a11y-scheme') === (s.scheme || 'bw')));
    });
    panel.querySelector('[data-a11y-spacing]').setAttribute('aria-pressed', String(!!s.spacing));
    panel.querySelector('[data-a11y-noimages]').setAttribute('aria-pressed', String(!!s.noimages));
  }

  function initA11y() {
    var toggle = document.getElementById('a11y-toggle');
    var panel = document.getElementById('a11y-panel');
    if (!toggle || !panel) return;
    var state = load();
    toggle.hidden = false;
    function show(open) {
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    }
    show(!!state.on);
    apply(state);
    toggle.addEventListener('click', function () {
      state = load();
      if (!state.on) {
        state.on = true;
        save(state);
        apply(state);
        show(true);
        var first = panel.querySelector('button');
        if (first) first.focus();
      } else {
        show(panel.hidden);
      }
    });
    panel.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      state = load();
      state.on = true;
      if (b.hasAttribute('data-a11y-font')) state.font = Number(b.getAttribute('data-a11y-font'));
      if (b.hasAttribute('data-a11y-scheme')) state.scheme = b.getAttribute('data-a11y-scheme');
      if (b.hasAttribute('data-a11y-spacing')) state.spacing = !state.spacing;
      if (b.hasAttribute('data-a11y-noimages')) state.noimages = !state.noimages;
      if (b.hasAttribute('data-a11y-off')) {
        state = {};
        show(false);
        toggle.focus();
      }
      save(state);
      apply(state);
    });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { show(false); toggle.focus(); }
    });
  }

  /* ---- Video: no third-party request before a click ---- */
  function initVideo() {
    document.querySelectorAll('.video-embed[data-embed-src]').forEach(function (fig) {
      var src = fig.getAttribute('data-embed-src');
      var provider = fig.getAttribute('data-provider') || 'видео';
      if (!/^https:\/\/(rutube\.ru|vk\.com|vkvideo\.ru|www\.youtube-nocookie\.com)\//.test(src)) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'video-embed__play';
      button.textContent = '▶ Воспроизвести видео (' + provider + ')';
      button.addEventListener('click', function () {
        var frame = document.createElement('iframe');
        frame.src = src;
        frame.setAttribute('allowfullscreen', '');
        frame.setAttribute('loading', 'lazy');
        frame.setAttribute('allow', 'autoplay; encrypted-media; fullscreen; picture-in-picture');
        frame.title = 'Видео ' + provider;
        fig.classList.add('video-embed--loaded');
        button.replaceWith(frame);
        frame.focus();
      });
      fig.insertBefore(button, fig.firstChild);
      fig.classList.add('video-embed--ready');
    });
  }

  /* ---- Gallery viewer: a modal <dialog>; without JS links open the full-size photo ---- */
  function initLightbox() {
    var links = Array.prototype.slice.call(document.querySelectorAll('.gallery__link'));
    if (!links.length || typeof HTMLDialogElement !== 'function') return;
    var dialog = document.createElement('dialog');
    dialog.className = 'lightbox';
    dialog.setAttribute('aria-label', 'Просмотр фотографии');
    dialog.innerHTML = '<figure class="lightbox__figure"><img alt=""><figcaption></figcaption></figure>' +
      '<div class="lightbox__bar"><button type="button" data-step="-1">← Предыдущее</button>' +
      '<span class="lightbox__count" aria-live="polite"></span>' +
      '<button type="button" data-step="1">Следующее →</button>' +
      '<button type="button" data-close>Закрыть</button></div>';
    document.body.appendChild(dialog);
    var img = dialog.querySelector('img');
    var cap = dialog.querySelector('figcaption');
    var count = dialog.querySelector('.lightbox__count');
    var index = 0;
    var opener = null;
    function show(i) {
      index = (i + links.length) % links.length;
      var link = links[index];
      var thumb = link.querySelector('img');
      var figcap = link.parentNode.querySelector('figcaption');
      img.src = link.getAttribute('href');
      img.alt = thumb ? thumb.alt : '';
      cap.textContent = figcap ? figcap.textContent : '';
      count.textContent = (index + 1) + ' из ' + links.length;
    }
    links.forEach(function (link, i) {
      link.addEventListener('click', function (e) {
        e.preventDefault();
        opener = link;
        show(i);
        dialog.showModal();
      });
    });
    dialog.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (e.target === dialog || (b && b.hasAttribute('data-close'))) dialog.close();
      else if (b && b.hasAttribute('data-step')) show(index + Number(b.getAttribute('data-step')));
    });
    dialog.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowRight') show(index + 1);
      if (e.key === 'ArrowLeft') show(index - 1);
    });
    dialog.addEventListener('close', function () { if (opener) opener.focus(); });
  }

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }
  /* ---- Results: the region select opens the chosen region's page on «Показать» (no jump on change, WCAG
     3.2.2); the links below it work without JS ---- */
  function initResultsRegions() {
    document.querySelectorAll('[data-results-regions]').forEach(function (box) {
      var select = box.querySelector('select');
      var button = box.querySelector('button');
      if (!select || !button) return;
      box.hidden = false;
      button.addEventListener('click', function () {
        if (select.value) window.location.href = select.value;
      });
    });
  }

  ready(function () { initA11y(); initVideo(); initLightbox(); initResultsRegions(); });
})();
