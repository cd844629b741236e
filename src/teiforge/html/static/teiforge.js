/* teiforge reading edition: the reading switch and the popovers.

   Progressive enhancement: without this script the page shows the corrected reading, a
   note reference is a link to the note list, and what a correction replaced is in its
   title. With it:
   - the button "Original reading" (aria-pressed) shows the source's forms (.reading-source)
     instead of the editor's (.reading-edited), and back, without reloading; the choice is
     remembered for the other pages of the site when the browser allows it;
   - a note reference shows its note beside it on hover, focus or click (touch); Escape or
     a click elsewhere closes it; Enter on a focused reference still goes to the note list;
   - a correction, a flagged word, a variant or a speaker label shows what its title says,
     in the same popover, also reachable by keyboard.
   Nothing is loaded: no framework, no request. */
(function () {
  "use strict";

  var STORE = "teiforge-reading";
  var root = document.documentElement;

  /* --- the two readings ------------------------------------------------------------ */

  function remembered() {
    try {
      return window.localStorage.getItem(STORE);
    } catch (e) {
      return null; // storage refused (privacy settings, some file:// pages)
    }
  }

  function remember(reading) {
    try {
      window.localStorage.setItem(STORE, reading);
    } catch (e) {
      /* the switch still works on this page */
    }
  }

  function setReading(reading, button, status) {
    var original = reading === "original";
    root.setAttribute("data-reading", original ? "original" : "corrected");
    document.querySelectorAll(".reading-source").forEach(function (el) {
      el.hidden = !original;
    });
    document.querySelectorAll(".reading-edited").forEach(function (el) {
      el.hidden = original;
    });
    if (button) {
      button.setAttribute("aria-pressed", original ? "true" : "false");
    }
    // what a correction removed is visible, and so reachable by keyboard, in the
    // original reading only
    document.querySelectorAll("main .removal[data-info]").forEach(function (el) {
      if (original && !el.closest("a")) {
        el.tabIndex = 0;
      } else {
        el.removeAttribute("tabindex");
      }
    });
    if (status) {
      status.textContent = original
        ? "Showing the original reading"
        : "Showing the corrected reading";
    }
  }

  function initSwitch() {
    var bar = document.querySelector(".reading-switch");
    if (!bar) {
      return;
    }
    var button = bar.querySelector(".reading-toggle");
    var status = bar.querySelector(".reading-status");
    bar.hidden = false;
    if (remembered() === "original") {
      setReading("original", button, status);
    }
    button.addEventListener("click", function () {
      var next = button.getAttribute("aria-pressed") === "true" ? "corrected" : "original";
      setReading(next, button, status);
      remember(next);
      hide();
    });
  }

  /* --- popovers ------------------------------------------------------------------- */

  var popover = null;
  var current = null; // the element whose popover is shown
  var pinned = false; // opened by a click: stays until Escape or a click elsewhere
  var timer = null;

  function make() {
    popover = document.createElement("div");
    popover.id = "teiforge-popover";
    popover.className = "popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () {
      clearTimeout(timer);
    });
    popover.addEventListener("mouseleave", later);
    document.body.appendChild(popover);
  }

  function noteOf(trigger) {
    var href = trigger.getAttribute("href") || "";
    return href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
  }

  function fill(trigger) {
    popover.textContent = "";
    if (trigger.matches("a[role=doc-noteref]")) {
      var note = noteOf(trigger);
      var body = note && note.querySelector(".note-body");
      if (!body) {
        return false;
      }
      var label = document.createElement("span");
      label.className = "popover-label";
      label.textContent = trigger.textContent + " ";
      var copy = body.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (el) {
        el.removeAttribute("id"); // ids stay unique on the page
      });
      var link = document.createElement("a");
      link.href = "#" + note.id;
      link.className = "popover-more";
      link.textContent = "in the notes";
      link.lang = "en";
      popover.append(label, copy, " ", link);
    } else {
      // "OCR: médiotion → médiation; certainty: medium; by: ..." one fact a line
      (trigger.getAttribute("data-info") || "").split("; ").forEach(function (fact) {
        var line = document.createElement("span");
        line.className = "popover-line";
        line.textContent = fact;
        popover.append(line, " ");
      });
    }
    return true;
  }

  function place(trigger) {
    var box = trigger.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    popover.style.maxWidth = Math.min(448, width - 16) + "px";
    popover.style.left = "0px";
    popover.style.top = "0px";
    var own = popover.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, width - own.width - 8));
    // below the word, or above it when the window has no room left below
    var below = box.bottom + 6 + own.height <= window.innerHeight || box.top < own.height + 6;
    var top = below ? box.bottom + 6 : box.top - own.height - 6;
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function show(trigger, pin) {
    clearTimeout(timer);
    if (current !== trigger) {
      hide();
      if (!fill(trigger)) {
        return;
      }
      current = trigger;
      popover.hidden = false;
      place(trigger);
      trigger.setAttribute("aria-describedby", popover.id);
      trigger.classList.add("popover-open");
    }
    pinned = pinned || pin;
  }

  function hide() {
    clearTimeout(timer);
    if (current) {
      current.removeAttribute("aria-describedby");
      current.classList.remove("popover-open");
    }
    current = null;
    pinned = false;
    if (popover) {
      popover.hidden = true;
    }
  }

  function later() {
    clearTimeout(timer);
    if (!pinned) {
      timer = setTimeout(hide, 250);
    }
  }

  function initPopovers() {
    make();
    var triggers = Array.prototype.slice.call(
      document.querySelectorAll("a[role=doc-noteref]")
    );
    // the title's text moves to the popover (one tooltip, not two)
    document
      .querySelectorAll(
        "main .choice[title], main .app[title], main .sic[title], main .corr[title], main .who[title]"
      )
      .forEach(function (el) {
        el.setAttribute("data-info", el.getAttribute("title"));
        el.removeAttribute("title");
        if (!el.closest("a") && el.tagName !== "A" && !el.classList.contains("removal")) {
          el.tabIndex = 0; // reachable by keyboard, outside links only
        }
        triggers.push(el);
      });
    triggers.forEach(function (trigger) {
      trigger.addEventListener("mouseenter", function () {
        show(trigger, false);
      });
      trigger.addEventListener("mouseleave", later);
      trigger.addEventListener("focus", function () {
        show(trigger, false);
      });
      trigger.addEventListener("blur", function (event) {
        if (!popover.contains(event.relatedTarget)) {
          hide();
        }
      });
      trigger.addEventListener("click", function (event) {
        var keyboard = event.detail === 0; // Enter on a link: follow it
        if (keyboard && trigger.tagName === "A") {
          hide();
          return;
        }
        if (trigger.tagName === "A" && trigger.matches("a[role=doc-noteref]")) {
          event.preventDefault();
        } else if (trigger.tagName === "A") {
          return; // a speaker's label: a link to the index
        }
        if (pinned && current === trigger) {
          hide();
        } else {
          show(trigger, true);
        }
      });
      if (trigger.tagName !== "A") {
        trigger.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            show(trigger, true);
          }
        });
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) {
        current.focus(); // back to where the reader was (focus does not reopen it)
        hide();
      }
    });
    document.addEventListener("click", function (event) {
      if (current && !current.contains(event.target) && !popover.contains(event.target)) {
        hide();
      }
    });
    window.addEventListener("resize", function () {
      if (current) {
        place(current);
      }
    });
  }

  function init() {
    initPopovers();
    initSwitch();
    // on paper, the header panel is printed open
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.about").forEach(function (el) {
        el.open = true;
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
