/* Search as soon as the query changes, however it changed.
 *
 * Material's search reads the field on key presses (keyup) only. Text pasted
 * with a long press, dictated, or picked from a phone keyboard's suggestions
 * changes the field without a key, and nothing was searched until the reader
 * typed another key. Each such change now counts as a key press.
 */
(function () {
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.getAttribute || field.getAttribute("data-md-component") !== "search-query") return;
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
