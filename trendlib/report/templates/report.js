// tabs and sortable tables; no external resources
(function () {
  var buttons = document.querySelectorAll("#tabs button");
  function show(id) {
    buttons.forEach(function (b) {
      var on = b.getAttribute("data-tab") === id;
      b.classList.toggle("active", on);
      b.setAttribute("aria-selected", on ? "true" : "false");
    });
    document.querySelectorAll("section.tab").forEach(function (s) { s.classList.toggle("active", s.id === "sec-" + id); });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-tab")); history.replaceState(null, "", "#" + b.getAttribute("data-tab")); });
  });
  // section ids carry a prefix, so "#bursts" opens the tab without the browser scrolling to it
  if (location.hash && document.getElementById("sec-" + location.hash.slice(1))) { show(location.hash.slice(1)); }
  function key(td) {
    var t = td.textContent.trim().replace(/,/g, "").replace(/%$/, "");
    var n = parseFloat(t);
    return isNaN(n) || !/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(t) ? td.textContent.trim().toLowerCase() : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = !th.classList.contains("asc");
        table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        rows.map(function (r, i) { return [key(r.cells[col]), i, r]; })
          .sort(function (a, b) {
            var x = a[0], y = b[0];
            if (typeof x !== typeof y) { x = String(x); y = String(y); }
            return (x < y ? -1 : x > y ? 1 : a[1] - b[1]) * (asc ? 1 : -1);
          })
          .forEach(function (t) { body.appendChild(t[2]); });
      });
    });
  });
})();
