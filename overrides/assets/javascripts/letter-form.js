/* The letter form on each letter page (hooks/letters.py, partials/letter.html).
 *
 * Without this script the reader gets the letter with blank lines to fill by
 * hand. With it, the form above the letter shows, and what the reader types
 * fills the blanks live. Nothing typed leaves the browser: no requests, no
 * cookies. Nothing is stored unless the reader ticks "keep on this phone";
 * then localStorage only, under one key per letter, which "erase" removes.
 */
(function () {
  "use strict";

  if (window.letterFormReady) return;
  window.letterFormReady = true;

  var PREFIX = "guide-letter:";

  function formatDate(value, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || typeof Intl === "undefined") return value;
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    try {
      return new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(day);
    } catch (e) {
      return value;
    }
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null; /* blocked (file:// in some browsers, private windows) */
    }
  }

  function setup(box) {
    var panel = box.querySelector("[data-letter-form]");
    var form = panel && panel.querySelector("form");
    if (!form) return;
    var words = JSON.parse(panel.getAttribute("data-words") || "{}");
    var key = PREFIX + box.getAttribute("data-letter");
    var keep = form.querySelector("[data-keep]");
    var status = form.querySelector("[data-status]");
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name]"));
    var paper = box.querySelector("[data-letter-text]");

    function say(text) {
      status.textContent = text;
    }

    function fill() {
      inputs.forEach(function (input) {
        var value = input.value.trim();
        box.querySelectorAll('[data-field="' + input.name + '"]').forEach(function (blank) {
          var shown = input.getAttribute("data-kind") === "date" ? formatDate(value, blank.getAttribute("data-lang")) : value;
          var out = blank.querySelector(".letter-blank__value");
          out.textContent = shown;
          out.hidden = !value;
          blank.querySelector(".letter-blank__line").hidden = !!value;
          blank.querySelector(".letter-blank__hint").hidden = !!value;
          blank.classList.toggle("letter-blank--filled", !!value);
        });
      });
    }

    function values() {
      var out = {};
      inputs.forEach(function (input) {
        out[input.name] = input.value;
      });
      return out;
    }

    function save() {
      var store = storage();
      if (store && keep.checked) {
        try {
          store.setItem(key, JSON.stringify(values()));
        } catch (e) { /* full or blocked: nothing kept */ }
      }
    }

    function forget() {
      var store = storage();
      if (store) store.removeItem(key);
    }

    function restore() {
      var store = storage();
      var kept = store && store.getItem(key);
      if (!kept) return;
      try {
        kept = JSON.parse(kept);
      } catch (e) {
        forget();
        return;
      }
      inputs.forEach(function (input) {
        if (typeof kept[input.name] === "string") input.value = kept[input.name];
      });
      keep.checked = true;
    }

    function letterText() {
      return paper.innerText.replace(/\n{3,}/g, "\n\n").trim();
    }

    function copy(text) {
      function fallback() {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.className = "letter-form__copy-area";
        form.appendChild(area);
        area.select();
        var done = false;
        try {
          done = document.execCommand("copy");
        } catch (e) {
          done = false;
        }
        form.removeChild(area);
        say(done ? words.copied : words.copy_failed);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () {
          say(words.copied);
        }, fallback);
      } else {
        fallback();
      }
    }

    form.addEventListener("input", function (event) {
      if (event.target === keep) return;
      fill();
      save();
      say("");
    });
    keep.addEventListener("change", function () {
      if (keep.checked) {
        save();
        say(words.saved);
      } else {
        forget();
        say(words.erased);
      }
    });
    form.querySelector("[data-copy]").addEventListener("click", function () {
      copy(letterText());
    });
    form.querySelector("[data-share]").addEventListener("click", function () {
      var text = letterText();
      if (navigator.share) {
        navigator.share({ text: text }).catch(function () { /* the reader closed the sheet */ });
      } else {
        copy(text);
      }
    });
    /* The print button prints the letter alone, on clean paper to post
       (letters.css); the browser's own print still prints the whole page. */
    form.querySelector("[data-print]").addEventListener("click", function () {
      document.documentElement.classList.add("letter-print-only");
      box.classList.add("letter--printing");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("letter-print-only");
      box.classList.remove("letter--printing");
    });
    form.querySelector("[data-erase]").addEventListener("click", function () {
      inputs.forEach(function (input) {
        input.value = "";
      });
      keep.checked = false;
      forget();
      fill();
      say(words.erased);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });

    restore();
    fill();
    panel.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-letter]"), setup);
})();
