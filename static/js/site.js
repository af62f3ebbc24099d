// Small enhancements. Every page works without this file.
(function () {
  "use strict";

  // Skip links: move focus to their target too (browsers only scroll to some targets).
  document.querySelectorAll("a.skip-link[href^='#']:not([data-skip-to-filters])").forEach(function (link) {
    link.addEventListener("click", function () {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  });

  // "Copy citation": the button stays hidden unless the clipboard can be used.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source || !navigator.clipboard) return;
    var status = (button.closest("[data-copy-scope]") || button.parentElement).querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value || source.textContent).then(
        function () { if (status) status.textContent = "Copied."; },
        function () {
          source.select();
          if (status) status.textContent = "Select the text and copy it.";
        }
      );
    });
  });
})();
