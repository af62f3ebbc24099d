// Search page enhancement: follow facet, chip, sort and page links and submit the form without a
// full reload (the server renders the same page; we swap the results region and keep the URL).
// Without JavaScript every link and the form work as plain GET requests.
(function () {
  "use strict";
  var page = document.querySelector("[data-search-page]");
  if (!page || !window.fetch || !window.DOMParser || !window.history.pushState) return;

  function swap(url, push) {
    var region = page.querySelector("[data-search-results]");
    region.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-search-results]");
        if (!fresh) { window.location.assign(url); return; }
        region.replaceWith(fresh);
        var form = doc.querySelector("[data-search-form]");
        if (form) page.querySelector("[data-search-form]").replaceWith(form);
        document.title = doc.title;
        if (push) window.history.pushState({ search: true }, "", url);
        var count = fresh.querySelector(".result-count");
        if (count) { count.setAttribute("tabindex", "-1"); count.focus({ preventScroll: true }); }
      })
      .catch(function () { window.location.assign(url); });
  }

  page.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    event.preventDefault();
    swap(url.href, true);
  });

  page.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-search-form]");
    if (!form) return;
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) {
      if (!params.getAll(key).some(Boolean)) params.delete(key);
    });
    swap(form.action + "?" + params.toString(), true);
  });

  window.addEventListener("popstate", function () { swap(window.location.href, false); });
})();
