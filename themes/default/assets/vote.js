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

  /* Proof-of-work: find n with SHA-256(challenge + ":" + n) starting with `bits` zero bits. */
  function zeroBits(buf, bits) {
    var b = new Uint8Array(buf), i = 0;
    for (; bits >= 8; bits -= 8) if (b[i++] !== 0) return false;
    return bits === 0 || (b[i] >> (8 - bits)) === 0;
  }
  function solve(challenge, bits, onProgress) {
    var enc = new TextEncoder(), next = 0, batch = 256, expected = Math.pow(2, bits);
    return new Promise(function (resolve, reject) {
      function round() {
        var start = next, jobs = [];
        for (var i = 0; i < batch; i++) jobs.push(crypto.subtle.digest('SHA-256', enc.encode(challenge + ':' + (start + i))));
        next += batch;
        Promise.all(jobs).then(function (hashes) {
          for (var k = 0; k < hashes.length; k++) if (zeroBits(hashes[k], bits)) return resolve(String(start + k));
          onProgress(Math.min(0.95, next / (expected * 2)));
          if (next > expected * 64) return reject(Object.assign(new Error('pow'), { code: 'POW_INVALID' }));
          setTimeout(round, 0);
        }, reject);
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
    if (!window.fetch || !window.crypto || !crypto.subtle || !window.Promise) return; // the no-JS note stays
    Array.prototype.forEach.call(document.querySelectorAll('section.vote[data-vote-endpoint]'), enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
