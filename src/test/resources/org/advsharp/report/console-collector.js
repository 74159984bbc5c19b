// Injected by HeadlessChromium into a test copy of the report: collects every script error, failed load,
// unhandled rejection and console error/warning, and writes them into the DOM at the load event.
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
  window.addEventListener('load', function () {
    var pre = document.createElement('pre');
    pre.id = 'advsharp-console';
    pre.textContent = JSON.stringify({
      errors: errors,
      math: document.querySelectorAll('span.math').length,
      katexErrors: document.querySelectorAll('.katex-error').length,
      rendered: Number(document.documentElement.getAttribute('data-math-rendered') || -1)
    });
    document.body.appendChild(pre);
  });
})();
