/* Search as soon as the query changes, however it changed.
 *
 * Material's search reads the field on key presses (keyup) only. Text pasted
 * with a long press, dictated, or picked from a phone keyboard's suggestions
 * changes the field without a key, and nothing was searched until the reader
 * typed another key. Each such change now counts as a key press; while an
 * input method is still composing (pinyin letters), the change counts when
 * the reader picks the characters.
 */
(function () {
  function isSearchField(node) {
    return node.getAttribute && node.getAttribute("data-md-component") === "search-query";
  }
  function search(event) {
    if (!isSearchField(event.target) || event.isComposing) return;
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", search);
  document.addEventListener("compositionend", search);
})();
