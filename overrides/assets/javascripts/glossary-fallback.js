// A glossary term is a button that opens its definition as a popover
// (overrides/partials/glossary-link.html), which needs no script. Browsers
// without popovers ignore that button: there a tap follows the link in the
// definition box to the glossary entry instead.
(function () {
  "use strict";
  if (Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) {
    return;
  }
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("button.glossary-term");
    var link = term && term.parentNode.querySelector(".glossary-pop__more");
    if (link) {
      window.location.href = link.href;
    }
  });
})();
