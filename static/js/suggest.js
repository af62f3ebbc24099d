/* Autocomplete for every search box marked data-suggest: the ARIA 1.2 combobox pattern over
   /api/suggest/. Without JavaScript the box is a plain search field and its form still submits.
   Up/Down move through the suggestions, Enter opens the chosen one (or searches when none is
   chosen), Escape closes the list; a status region says how many suggestions there are. */
(function () {
  "use strict";

  var DELAY = 150;
  var KINDS = { official: "Official", topic: "Topic", meeting: "Meeting" };

  function setUp(input) {
    var endpoint = input.getAttribute("data-suggest");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.id = input.id + "-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    var wrapper = document.createElement("div");
    wrapper.className = "suggest";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function show(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", item.url);
        var label = document.createElement("span");
        label.className = "suggest__label";
        label.textContent = item.label; // text, never HTML
        var kind = document.createElement("span");
        kind.className = "suggest__kind";
        kind.textContent = KINDS[item.kind] || item.kind;
        option.appendChild(label);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keeps focus in the box
        });
        option.addEventListener("click", function () {
          window.location.assign(item.url);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      var n = options.length;
      status.textContent = n ? n + (n === 1 ? " suggestion" : " suggestions") + ", use up and down arrows to choose" : "No suggestions";
      list.hidden = n === 0;
      input.setAttribute("aria-expanded", n ? "true" : "false");
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      var ticket = ++asked;
      if (q.length < 2) {
        close();
        status.textContent = "";
        return;
      }
      fetch(endpoint + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (ticket === asked && document.activeElement === input) show(data.suggestions || []);
        })
        .catch(function () {
          if (ticket === asked) close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) {
          if (options.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          } else {
            fetchSuggestions();
          }
          event.preventDefault();
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var n = options.length;
        // Up and Down go round the list; from the box, Down is the first, Up the last.
        choose(active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n);
        event.preventDefault();
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          window.location.assign(options[active].getAttribute("data-url"));
        } else {
          close(); // the form submits: a search for the words typed
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), setUp);
})();
