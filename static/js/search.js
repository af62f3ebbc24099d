// Search page enhancement: follow facet, chip, sort and page links and submit the forms without a
// full reload (the server renders the same page; we swap the results region and keep the URL).
// Without JavaScript every link and form work as plain GET requests, and the filters drawer is a
// plain <details> (always open on wide screens through CSS).
(function () {
  "use strict";
  var page = document.querySelector("[data-search-page]");
  if (!page) return;
  var wide = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : { matches: true };

  function filters() { return page.querySelector("[data-filters]"); }
  function openOnWideScreens() {
    var drawer = filters();
    if (drawer && wide.matches) drawer.open = true;
  }
  openOnWideScreens();

  // "Skip to filters": open the drawer and land on its first control.
  document.querySelectorAll("[data-skip-to-filters]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var drawer = filters();
      if (!drawer) return;
      event.preventDefault();
      drawer.open = true;
      var first = drawer.querySelector(".search-filters__body a, .search-filters__body input");
      var target = wide.matches && first ? first : drawer.querySelector("summary");
      target.focus();
      target.scrollIntoView({ block: "start" });
    });
  });

  if (!window.fetch || !window.DOMParser || !window.history.pushState) return;

  // What should have focus after the swap: the same facet value (or "Show all") when one was
  // chosen, else the result count.
  function focusKey(link) {
    var list = link.closest("[data-facet]");
    if (list && link.hasAttribute("data-value")) {
      return '[data-facet="' + list.getAttribute("data-facet") + '"] a[data-value="' +
        CSS.escape(link.getAttribute("data-value")) + '"]';
    }
    var more = link.getAttribute("data-facet-more") || link.getAttribute("data-facet-fewer");
    if (more) return '[data-facet-more="' + more + '"], [data-facet-fewer="' + more + '"]';
    return null;
  }

  function swap(url, push, selector) {
    var region = page.querySelector("[data-search-results]");
    var wasOpen = filters() && filters().open;
    region.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-search-results]");
        if (!fresh) { window.location.assign(url); return; }
        var drawer = fresh.querySelector("[data-filters]");
        if (drawer && (wasOpen || wide.matches)) drawer.open = true;
        region.replaceWith(fresh);
        doc.querySelectorAll("[data-search-form]").forEach(function (form) {
          var old = form.id && document.getElementById(form.id);
          if (old) old.replaceWith(form);
        });
        document.title = doc.title;
        if (push) window.history.pushState({ search: true }, "", url);
        shown = window.location.href.split("#")[0];
        var status = page.querySelector("[data-search-status]");
        var count = fresh.querySelector(".result-count");
        if (status && count) status.textContent = count.textContent;
        var target = selector && fresh.querySelector(selector);
        if (!target) {
          target = fresh.querySelector(".result-count");
          if (target) target.setAttribute("tabindex", "-1");
        }
        if (target) target.focus({ preventScroll: !selector });
      })
      .catch(function () { window.location.assign(url); });
  }

  page.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    event.preventDefault();
    swap(url.href, true, focusKey(link));
  });

  page.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-search-form]");
    if (!form) return;
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) {
      if (!params.getAll(key).some(Boolean)) params.delete(key);
    });
    swap(form.action + "?" + params.toString(), true, null);
  });

  // Back and forward between searches; a skip link's #fragment is not another search.
  var shown = window.location.href.split("#")[0];
  window.addEventListener("popstate", function () {
    var url = window.location.href.split("#")[0];
    if (url === shown) return;
    swap(url, false, null);
  });
})();
