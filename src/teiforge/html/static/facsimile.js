/* teiforge reading edition: the page images beside the text (TEI <facsimile>).

   Progressive enhancement: without this script every page image is shown, one after the
   other, and each framed line of an image is a link to its text. With it:
   - the image of the page being read is shown, and follows the reading as it scrolls;
   - the image zooms (buttons, the mouse wheel, +/- keys) around the pointer, and pans by
     dragging; "Whole page" shows it all again;
   - pointing at a line of the text frames its zone on the image (and the zone of a word
     or block that has one); pointing at a zone marks its line in the text;
   - clicking a zone goes to its line and marks it.
   Lines are found from the empty marks (span.line-start) that TEI <lb facs> leaves where
   each line begins; the text is never rewrapped. Nothing is loaded: no request but for the
   page images themselves, which are files of the site or the edition's own web images. */
(function () {
  "use strict";

  var panel = document.querySelector("aside.facsimile");
  if (!panel) {
    return;
  }
  var figures = Array.prototype.slice.call(panel.querySelectorAll("figure.surface"));
  if (!figures.length) {
    return;
  }
  var label = panel.querySelector(".facs-label");
  var tools = panel.querySelector(".facs-tools");
  var main = document.querySelector("main.doc");
  var breaks = Array.prototype.slice.call(document.querySelectorAll("main [data-surface]"));
  var starts = Array.prototype.slice.call(document.querySelectorAll("main .line-start"));
  var highlights = window.CSS && CSS.highlights && window.Highlight ? CSS.highlights : null;
  var boxes = new Map(); // figure -> {base: viewBox as printed, box: viewBox shown}
  var current = null;
  var activeZone = null;
  var FOLLOWING = Node.DOCUMENT_POSITION_FOLLOWING;

  panel.classList.add("enhanced");
  if (tools) {
    tools.hidden = false;
  }

  /* --- which page image is shown ------------------------------------------------- */

  figures.forEach(function (figure) {
    var view = figure.querySelector("svg").viewBox.baseVal;
    var base = { x: view.x, y: view.y, w: view.width, h: view.height };
    boxes.set(figure, { base: base, box: copy(base) });
  });

  function copy(box) {
    return { x: box.x, y: box.y, w: box.w, h: box.h };
  }

  function show(figure) {
    if (!figure || figure === current) {
      return;
    }
    figures.forEach(function (other) {
      other.hidden = other !== figure;
    });
    current = figure;
    panel.setAttribute("data-current", figure.id);
    if (label) {
      label.textContent = figure.getAttribute("data-label");
    }
  }

  function shown(element) {
    return element.getClientRects().length > 0;
  }

  /* the last page break above the reading line (below the reading switch, at most a third
     of the window down): the page being read */
  function pageInView() {
    var line = Math.min(window.innerHeight / 3, 120);
    var found = null;
    var low = 0;
    var high = breaks.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (breaks[middle].getBoundingClientRect().top <= line) {
        found = breaks[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found || breaks[0];
  }

  function follow() {
    var pb = pageInView();
    show(pb ? document.getElementById(pb.getAttribute("data-surface")) : figures[0]);
  }

  var pending = false;
  window.addEventListener(
    "scroll",
    function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          follow();
        });
      }
    },
    { passive: true }
  );

  /* --- zoom and pan ------------------------------------------------------------- */

  function setBox(figure, box) {
    boxes.get(figure).box = box;
    figure.querySelector("svg").setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" "));
  }

  function zoom(figure, factor, cx, cy) {
    var view = boxes.get(figure);
    var box = view.box;
    var width = Math.min(view.base.w, Math.max(view.base.w / 16, box.w / factor));
    var height = box.h * (width / box.w);
    if (width >= view.base.w) {
      setBox(figure, copy(view.base));
      return;
    }
    if (cx === undefined) {
      cx = box.x + box.w / 2;
      cy = box.y + box.h / 2;
    }
    setBox(figure, {
      x: cx - (cx - box.x) * (width / box.w),
      y: cy - (cy - box.y) * (height / box.h),
      w: width,
      h: height,
    });
  }

  function pointIn(figure, event) {
    var svg = figure.querySelector("svg");
    var matrix = svg.getScreenCTM();
    if (!matrix) {
      return null;
    }
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(matrix.inverse());
  }

  if (tools) {
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button || !current) {
        return;
      }
      var how = button.getAttribute("data-zoom");
      if (how === "fit") {
        setBox(current, copy(boxes.get(current).base));
      } else {
        zoom(current, how === "in" ? 1.5 : 1 / 1.5);
      }
    });
  }

  panel.addEventListener(
    "wheel",
    function (event) {
      var figure = event.target.closest("figure.surface");
      if (!figure) {
        return;
      }
      event.preventDefault();
      var at = pointIn(figure, event);
      zoom(figure, event.deltaY < 0 ? 1.25 : 1 / 1.25, at && at.x, at && at.y);
    },
    { passive: false }
  );

  panel.addEventListener("keydown", function (event) {
    if (!current || event.target.closest("button")) {
      return;
    }
    if (event.key === "+" || event.key === "=") {
      zoom(current, 1.5);
    } else if (event.key === "-") {
      zoom(current, 1 / 1.5);
    }
  });

  var drag = null;
  panel.addEventListener("pointerdown", function (event) {
    var figure = event.target.closest("figure.surface");
    if (!figure || event.button !== 0) {
      return;
    }
    drag = {
      figure: figure,
      x: event.clientX,
      y: event.clientY,
      box: copy(boxes.get(figure).box),
      moved: false,
    };
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) {
      return; // a click, not yet a drag
    }
    drag.moved = true;
    var scale = drag.box.w / drag.figure.querySelector("svg").getBoundingClientRect().width;
    setBox(drag.figure, {
      x: drag.box.x - dx * scale,
      y: drag.box.y - dy * scale,
      w: drag.box.w,
      h: drag.box.h,
    });
  });
  window.addEventListener("pointerup", function () {
    window.setTimeout(function () {
      drag = null; // after the click that ends a drag has been seen
    }, 0);
  });

  /* --- lines, both ways ----------------------------------------------------------- */

  /* the last of `sorted` (elements in document order) that comes before `node` */
  function lastBefore(sorted, node) {
    var found = null;
    var low = 0;
    var high = sorted.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] === node || sorted[middle].compareDocumentPosition(node) & FOLLOWING) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      var position = document.caretPositionFromPoint(x, y);
      return position ? position.offsetNode : null;
    }
    if (document.caretRangeFromPoint) {
      var range = document.caretRangeFromPoint(x, y);
      return range ? range.startContainer : null;
    }
    return null;
  }

  /* the line mark that begins the line a text node is on, if on this page */
  function lineOf(node) {
    var index = lastBefore(starts, node);
    if (index === null) {
      return null;
    }
    var pb = lastBefore(breaks, node);
    if (pb !== null && breaks[pb].compareDocumentPosition(starts[index]) & Node.DOCUMENT_POSITION_PRECEDING) {
      return null; // the page began after the last line mark: a line with no zone
    }
    return index;
  }

  function markLine(index) {
    if (!highlights) {
      return;
    }
    highlights.delete("tf-line");
    if (index === null || index === undefined) {
      return;
    }
    var range = document.createRange();
    range.setStartAfter(starts[index]);
    var next = starts[index + 1];
    var end = null;
    var pb = lastBefore(breaks, starts[index]);
    var nextPage = breaks[pb === null ? 0 : pb + 1];
    if (next && (!nextPage || next.compareDocumentPosition(nextPage) & FOLLOWING)) {
      end = next;
    } else if (nextPage && starts[index].compareDocumentPosition(nextPage) & FOLLOWING) {
      end = nextPage;
    }
    if (end) {
      range.setEndBefore(end);
    } else {
      range.setEndAfter(starts[index].parentNode.lastChild);
    }
    highlights.set("tf-line", new Highlight(range));
  }

  function frame(anchor) {
    if (activeZone) {
      activeZone.classList.remove("active");
      activeZone = null;
    }
    if (!anchor) {
      panel.removeAttribute("data-zone");
      return;
    }
    var zone = document.getElementById(anchor);
    if (!zone) {
      return;
    }
    show(zone.closest("figure.surface"));
    zone.classList.add("active");
    activeZone = zone;
    panel.setAttribute("data-zone", anchor);
  }

  var lastNode = null;
  if (main) {
    main.addEventListener("mousemove", function (event) {
      var framed = event.target.closest("[data-zone]");
      if (framed) {
        frame(framed.getAttribute("data-zone"));
        markLine(null);
        return;
      }
      var node = caretAt(event.clientX, event.clientY);
      if (node === lastNode) {
        return;
      }
      lastNode = node;
      var index = node && main.contains(node) ? lineOf(node) : null;
      frame(index === null ? null : starts[index].getAttribute("data-line"));
      markLine(index);
    });
    main.addEventListener("mouseleave", function () {
      lastNode = null;
      frame(null);
      markLine(null);
    });
  }

  function lineFor(anchor) {
    for (var i = 0; i < starts.length; i++) {
      if (starts[i].getAttribute("data-line") === anchor && shown(starts[i].parentNode)) {
        return i;
      }
    }
    return null;
  }

  panel.addEventListener("mouseover", function (event) {
    var link = event.target.closest("a[data-line]");
    if (link) {
      var index = lineFor(link.getAttribute("data-line"));
      frame(link.getAttribute("data-line"));
      markLine(index);
    }
  });

  panel.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-line]");
    if (!link) {
      return;
    }
    event.preventDefault();
    if (drag && drag.moved) {
      return; // the end of a pan, not a click
    }
    var anchor = link.getAttribute("data-line");
    var index = lineFor(anchor);
    var target = index !== null ? starts[index] : document.querySelector('main [data-zone="' + anchor + '"]');
    if (!target) {
      return;
    }
    var figure = current;
    target.scrollIntoView({ block: "center" });
    show(figure); // scrolling would follow the page; the reader chose this one
    frame(anchor);
    markLine(index);
    document.documentElement.setAttribute("data-line", anchor);
  });

  follow();
})();
