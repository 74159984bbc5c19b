// Injected by HeadlessChromium into a test copy of the report: collects every script error, failed load,
// unhandled rejection and console error/warning, and writes them into the DOM at the load event, with every
// text left as raw TeX after KaTeX ran: a text node outside code, pre, script, style and KaTeX's own output
// that holds a $ not followed by a digit ($5 is an amount) or a TeX command (a backslash and letters, \{ or
// \}). ASCII mathematics of the check texts (lambda_{d-1}, R^{2 x d}) is meant as written and is not looked for.
// Also every number the page keeps on one line (span.n) that the layout broke across lines all the same.
(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push('failed to load ' + (t.src || t.href));
    } else {
      errors.push('script error: ' + e.message + ' (line ' + e.lineno + ')');
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled promise rejection: ' + e.reason);
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      errors.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' '));
      return original.apply(console, arguments);
    };
  });
  var RAW_TEX = /\$(?!\d)|\\[A-Za-z]+|\\[{}]/;
  var SKIP = 'code, pre, script, style, .katex, .katex-display, .katex-error';
  function rawMath() {
    var found = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.nodeValue;
      var parent = node.parentElement;
      if (!RAW_TEX.test(text) || !parent || parent.closest(SKIP)) {
        continue;
      }
      var at = text.search(RAW_TEX);
      var section = parent.closest('section[id]');
      found.push((section ? section.id + ': ' : '') + '"'
          + text.substring(Math.max(0, at - 40), Math.min(text.length, at + 40)).replace(/\s+/g, ' ') + '"');
    }
    return found;
  }
  // A number kept whole (span.n, white-space: nowrap) that the layout still broke across lines.
  function brokenNumbers() {
    var found = [];
    var spans = document.querySelectorAll('span.n');
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].getClientRects().length > 1) {
        found.push('"' + spans[i].textContent + '"');
      }
    }
    return found;
  }
  window.addEventListener('load', function () {
    var pre = document.createElement('pre');
    pre.id = 'advsharp-console';
    pre.textContent = JSON.stringify({
      errors: errors,
      math: document.querySelectorAll('span.math').length,
      katexErrors: document.querySelectorAll('.katex-error').length,
      rawMath: rawMath(),
      brokenNumbers: brokenNumbers(),
      rendered: Number(document.documentElement.getAttribute('data-math-rendered') || -1)
    });
    document.body.appendChild(pre);
  });
})();
