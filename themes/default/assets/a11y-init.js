/* Applies the saved "Версия для слабовидящих" settings before first paint. Blocking on purpose; keep it tiny. */
(function (d) {
  var c = d.documentElement.classList;
  c.add('js');
  try {
    var s = JSON.parse(localStorage.getItem('vitrina-a11y') || 'null');
    if (s && s.on) {
      c.add('a11y', 'a11y-font-' + (s.font || 1), 'a11y-scheme-' + (s.scheme || 'bw'));
      if (s.spacing) c.add('a11y-spacing');
      if (s.noimages) c.add('a11y-noimages');
    }
  } catch (e) { /* storage unavailable: default view */ }
})(document);
