/* The language switcher keeps the reader's place on the page.

   overrides/partials/alternate.html links to the page's translation, which
   has the same ids (headings, and each question or outcome of a decision
   tree, shown as the :target). A plain link cannot know where the reader
   is, so without JavaScript the switch lands at the top of the page, or on
   a tree's first question. Here each switcher link takes the address's
   #hash, now and whenever it changes (a heading link followed, a tree
   question answered, the back button). Nothing is loaded; works from
   file:// too. */
(function () {
  "use strict";

  function keepPlace() {
    var links = document.querySelectorAll(".md-header .md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var page = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", page + window.location.hash);
    }
  }

  keepPlace();
  window.addEventListener("hashchange", keepPlace);
})();
