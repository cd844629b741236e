/* teiforge reading edition: full-text search, offline and from disk.

   Each document's index is a script (<stem>.search.js) that pushes onto
   window.teiforgeSearch: {title, targets: [[file, anchor, label]...], words: {word:
   "gaps"}}, a word's places written as the gaps between place numbers, in base 36.
   Every word of the query must stand in a place (a page, a heading, a note) for it to
   be a result; the last word may be the start of a word. Words are compared case and
   accents aside, as the index folds them. Nothing is fetched: no request, no framework. */
(function () {
  "use strict";

  var LIMIT = 200;
  var WORD = /[\p{L}\p{N}_]+/gu;

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function places(gaps) {
    var found = [];
    var place = 0;
    gaps.split(" ").forEach(function (gap) {
      place += parseInt(gap, 36);
      found.push(place);
    });
    return found;
  }

  /* the places of `token` in `doc`: of the word itself, or (`prefix`) of every word it starts */
  function lookup(doc, token, prefix) {
    var found = {};
    Object.keys(doc.words).forEach(function (word) {
      if (word === token || (prefix && word.lastIndexOf(token, 0) === 0)) {
        places(doc.words[word]).forEach(function (place) {
          found[place] = true;
        });
      }
    });
    return found;
  }

  function search(indexes, query) {
    var tokens = fold(query).match(WORD) || [];
    var results = [];
    if (!tokens.length) {
      return results;
    }
    indexes.forEach(function (doc) {
      var common = null;
      tokens.forEach(function (token, i) {
        var found = lookup(doc, token, i === tokens.length - 1);
        if (common === null) {
          common = found;
        } else {
          Object.keys(common).forEach(function (place) {
            if (!found[place]) {
              delete common[place];
            }
          });
        }
      });
      Object.keys(common)
        .map(Number)
        .sort(function (a, b) {
          return a - b;
        })
        .forEach(function (place) {
          results.push({ doc: doc, target: doc.targets[place] });
        });
    });
    return results;
  }

  function show(results, list, status, query) {
    list.textContent = "";
    results.slice(0, LIMIT).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var target = result.target;
      link.href = encodeURI(target[0]) + (target[1] ? "#" + target[1] : "");
      link.textContent = result.doc.title + (target[2] ? " — " + target[2] : "");
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!query.trim()) {
      status.textContent = "Type a word to search the documents.";
    } else if (!results.length) {
      status.textContent = "Nothing found.";
    } else {
      status.textContent =
        results.length +
        (results.length === 1 ? " place found" : " places found") +
        (results.length > LIMIT ? ", the first " + LIMIT + " shown." : ".");
    }
  }

  function init() {
    var box = document.getElementById("search-box");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!box || !list || !status) {
      return;
    }
    var indexes = window.teiforgeSearch || [];
    var form = box.form;
    function run() {
      show(search(indexes, box.value), list, status, box.value);
    }
    box.addEventListener("input", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    var given = new URLSearchParams(window.location.search).get("q");
    if (given) {
      box.value = given;
    }
    run();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
