/* Vitrina vote button: enhances <section class="vote" data-vote-endpoint data-stand data-nominations
   data-vote-from data-vote-to> (see voting/README.md). No framework; works cross-origin with credentials. */
(function () {
  'use strict';
  var MESSAGES = {
    VOTING_NOT_STARTED: 'Голосование ещё не началось.',
    VOTING_CLOSED: 'Голосование завершено.',
    STAND_UNKNOWN: 'Этот стенд не участвует в голосовании.',
    NOMINATION_REQUIRED: 'Выберите номинацию.',
    NOMINATION_UNKNOWN: 'Стенд не участвует в этой номинации.',
    ALREADY_VOTED: 'Вы уже проголосовали за этот стенд.',
    VOTER_COOKIE_MISSING: 'Браузер не сохранил cookie голосования. Разрешите cookie для сайта голосования и попробуйте снова.',
    VOTER_COOKIE_FORGED: 'Не удалось проверить голосующего. Нажмите кнопку ещё раз.',
    POW_MISSING: 'Проверка не пройдена. Нажмите кнопку ещё раз.',
    POW_INVALID: 'Проверка не пройдена. Нажмите кнопку ещё раз.',
    POW_EXPIRED: 'Проверка устарела. Нажмите кнопку ещё раз.',
    POW_REPLAYED: 'Проверка уже использована. Нажмите кнопку ещё раз.',
    RATE_LIMITED: 'Сейчас голосуют очень многие. Попробуйте через минуту.',
    ORIGIN_FORBIDDEN: 'Голосовать можно только со страниц сайта выставки.',
    BODY_TOO_LARGE: 'Запрос отклонён.', BAD_JSON: 'Запрос отклонён.', BAD_REQUEST: 'Запрос отклонён.',
    STORE_UNAVAILABLE: 'Сервис голосования временно недоступен. Попробуйте позже.',
    INTERNAL: 'Сервис голосования временно недоступен. Попробуйте позже.',
    NETWORK: 'Нет связи с сервисом голосования. Проверьте интернет и попробуйте снова.'
  };
  var RETRY = { VOTER_COOKIE_FORGED: 1, POW_MISSING: 1, POW_INVALID: 1, POW_EXPIRED: 1, POW_REPLAYED: 1,
    RATE_LIMITED: 1, STORE_UNAVAILABLE: 1, INTERNAL: 1, NETWORK: 1, NOMINATION_REQUIRED: 1 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function moscowToday() { // yyyy-mm-dd in Europe/Moscow (UTC+3, no DST)
    return new Date(Date.now() + 3 * 3600 * 1000).toISOString().slice(0, 10);
  }
  function ruDate(iso) { var p = iso.split('-'); return p[2] + '.' + p[1] + '.' + p[0]; }
  function api(base, path, opts) {
    opts = opts || {};
    opts.credentials = 'include';
    return fetch(base + path, opts).then(function (r) {
      if (r.status === 204) return {};
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { var e = new Error('api'); e.code = (body.error && body.error.code) || 'INTERNAL'; throw e; }
        return body;
      });
    }, function () { var e = new Error('net'); e.code = 'NETWORK'; throw e; });
  }

  /* Proof-of-work: find n with SHA-256(challenge + ":" + n) starting with `bits` zero bits. The search uses a
     small synchronous SHA-256 that hashes the constant prefix once (midstate), which is ~50x faster than one
     crypto.subtle promise per attempt; the found answer is double-checked with crypto.subtle when present. */
  var K = new Int32Array([0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
    0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138,
    0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70,
    0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
    0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa,
    0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Int32Array(64);
  function compress(H, m, off) {
    var i, x, y, t1, t2;
    for (i = 0; i < 16; i++, off += 4) W[i] = (m[off] << 24) | (m[off + 1] << 16) | (m[off + 2] << 8) | m[off + 3];
    for (i = 16; i < 64; i++) {
      x = W[i - 15]; y = W[i - 2];
      W[i] = (W[i - 16] + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[i - 7]
        + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
    for (i = 0; i < 64; i++) {
      t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
        + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
        + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
  }
  function hasher(prefix) { // returns n -> first 32 bits of SHA-256(prefix + n), prefix is ASCII
    var p = new TextEncoder().encode(prefix), full = p.length >> 6, k;
    var mid = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    for (k = 0; k < full; k++) compress(mid, p, k * 64);
    var rest = p.subarray(full * 64), buf = new Uint8Array(128), H = new Int32Array(8);
    return function (n) {
      var s = String(n), len = rest.length + s.length, blocks = len + 9 <= 64 ? 1 : 2, end = blocks * 64;
      var bits = (p.length + s.length) * 8;
      buf.fill(0); buf.set(rest, 0);
      for (k = 0; k < s.length; k++) buf[rest.length + k] = s.charCodeAt(k);
      buf[len] = 0x80;
      buf[end - 4] = bits >>> 24; buf[end - 3] = bits >>> 16; buf[end - 2] = bits >>> 8; buf[end - 1] = bits;
      H.set(mid);
      compress(H, buf, 0);
      if (blocks === 2) compress(H, buf, 64);
      return H[0];
    };
  }
  function zeroBits(buf, bits) {
    var b = new Uint8Array(buf), i = 0;
    for (; bits >= 8; bits -= 8) if (b[i++] !== 0) return false;
    return bits === 0 || (b[i] >> (8 - bits)) === 0;
  }
  function solve(challenge, bits, onProgress) {
    var first32 = hasher(challenge + ':'), n = 0, expected = Math.pow(2, bits);
    return new Promise(function (resolve, reject) {
      function round() {
        for (var stop = n + 20000; n < stop; n++) {
          if (bits === 0 || (first32(n) >>> (32 - bits)) === 0) return check(String(n));
        }
        onProgress(Math.min(0.95, n / (expected * 2)));
        if (n > expected * 64) return reject(Object.assign(new Error('pow'), { code: 'POW_INVALID' }));
        setTimeout(round, 0);
      }
      function check(answer) {
        if (!window.crypto || !crypto.subtle) return resolve(answer);
        crypto.subtle.digest('SHA-256', new TextEncoder().encode(challenge + ':' + answer)).then(function (h) {
          if (zeroBits(h, bits)) resolve(answer);
          else reject(Object.assign(new Error('pow'), { code: 'POW_INVALID' }));
        }, function () { resolve(answer); });
      }
      round();
    });
  }

  function enhance(section) {
    var base = (section.getAttribute('data-vote-endpoint') || '').replace(/\/+$/, '');
    var stand = section.getAttribute('data-stand');
    var noms = (section.getAttribute('data-nominations') || '').split(/\s+/).filter(Boolean);
    var from = section.getAttribute('data-vote-from'), to = section.getAttribute('data-vote-to');
    if (!base || !stand) return;
    var nojs = section.querySelector('.vote__nojs');
    if (nojs) nojs.hidden = true;
    var count = el('p', 'vote__count', 'Голосов: …');
    var status = el('p', 'vote__status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.tabIndex = -1;
    section.appendChild(count);
    var votes = 0;
    function showCount(n) { votes = n; count.textContent = 'Голосов: ' + n.toLocaleString('ru-RU'); }
    api(base, '/api/v1/counts/' + encodeURIComponent(stand)).then(function (b) { showCount(b.votes || 0); },
      function () { count.textContent = 'Голосов: нет данных'; });
    if (navigator.sendBeacon) {
      try { navigator.sendBeacon(base + '/api/v1/views', new Blob([JSON.stringify({ stand: stand })], { type: 'text/plain' })); } catch (e) { /* statistics only */ }
    }
    var today = moscowToday();
    if (from && today < from) { section.appendChild(el('p', 'vote__note', 'Голосование начнётся ' + ruDate(from) + '.')); return; }
    if (to && today > to) { section.appendChild(el('p', 'vote__note', 'Голосование завершено ' + ruDate(to) + '.')); return; }

    var select = null;
    if (noms.length > 1) {
      var label = el('label', 'vote__nomination', 'Номинация ');
      select = el('select');
      select.appendChild(new Option('— выберите —', ''));
      noms.forEach(function (n) { select.appendChild(new Option(n, n)); });
      label.appendChild(select);
      section.appendChild(label);
    }
    var button = el('button', 'vote__button', 'Проголосовать за стенд');
    button.type = 'button';
    var progress = el('progress', 'vote__progress');
    progress.max = 1; progress.value = 0; progress.hidden = true;
    progress.setAttribute('aria-label', 'Проверка, что вы не робот');
    section.appendChild(button);
    section.appendChild(progress);
    section.appendChild(status);
    var key = function () { return 'vitrina-voted:' + stand + ':' + (select ? select.value : ''); };
    function voted(message) {
      button.disabled = true;
      button.textContent = 'Вы проголосовали';
      section.classList.add('vote--done');
      status.textContent = message;
      try { localStorage.setItem(key(), '1'); } catch (e) { /* private mode */ }
    }
    function refresh() {
      var done = false;
      try { done = localStorage.getItem(key()) === '1'; } catch (e) { /* private mode */ }
      if (done) voted('Вы уже проголосовали за этот стенд.');
      else { button.disabled = false; button.textContent = 'Проголосовать за стенд'; section.classList.remove('vote--done'); status.textContent = ''; }
    }
    if (select) select.addEventListener('change', refresh);
    refresh();

    button.addEventListener('click', function () {
      var nomination = select ? select.value : '';
      if (select && !nomination) { status.textContent = MESSAGES.NOMINATION_REQUIRED; select.focus(); return; }
      button.disabled = true;
      section.setAttribute('aria-busy', 'true');
      status.textContent = 'Проверяем, что вы не робот…';
      progress.hidden = false; progress.value = 0;
      api(base, '/api/v1/challenge?stand=' + encodeURIComponent(stand)).then(function (c) {
        return solve(c.challenge, c.difficulty, function (p) { progress.value = p; }).then(function (solution) {
          progress.value = 1;
          status.textContent = 'Отправляем голос…';
          var body = { stand: stand, challenge: c.challenge, solution: solution };
          if (nomination) body.nomination = nomination;
          return api(base, '/api/v1/votes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        });
      }).then(function () {
        showCount(votes + 1);
        voted('Спасибо! Ваш голос учтён.');
      }, function (e) {
        var code = e.code || 'INTERNAL';
        if (code === 'ALREADY_VOTED') voted(MESSAGES.ALREADY_VOTED);
        else {
          status.textContent = MESSAGES[code] || MESSAGES.INTERNAL;
          button.disabled = !RETRY[code];
        }
      }).then(function () {
        progress.hidden = true;
        section.removeAttribute('aria-busy');
        status.focus();
      });
    });
  }

  function init() {
    if (!window.fetch || !window.Promise || !window.TextEncoder || !window.Int32Array) return; // the no-JS note stays
    Array.prototype.forEach.call(document.querySelectorAll('section.vote[data-vote-endpoint]'), enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
