// Typesets every math span of the advsharp report with KaTeX (inlined above this script).
document.addEventListener('DOMContentLoaded', function () {
  var spans = document.querySelectorAll('span.math');
  for (var i = 0; i < spans.length; i++) {
    var el = spans[i];
    katex.render(el.textContent, el, {
      displayMode: el.getAttribute('data-display') === 'true',
      throwOnError: false
    });
  }
  document.documentElement.setAttribute('data-math-rendered', String(spans.length));
});
