// sidelines dashboard: keyboard shortcuts, evidence scrolling, and charts when plotly.js is served.
// Written for this project; plotly.js itself comes from the installed plotly package.
"use strict";

(function () {
  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (err) { return null; }
  }

  // "/" focuses the search box, as on many sites, unless the user is typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var box = document.getElementById("site-search");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  // --- document page: show the sentence a link points at ------------------------------------
  function showEvidence(anchorId, fact) {
    var marks = document.querySelectorAll("mark.ev");
    var target = anchorId ? document.getElementById(anchorId) : null;
    if (!target && !fact) return;
    marks.forEach(function (m) {
      var facts = (m.getAttribute("data-facts") || "").split(" ");
      var on = (fact && facts.indexOf(fact) >= 0) || (!fact && m.getAttribute("data-span") === anchorId);
      m.classList.toggle("current", on);
    });
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  }

  function showHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("ev-") === 0) showEvidence(id, null);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.fact-link");
    if (!link) return;
    var anchorId = (link.getAttribute("href") || "").slice(1);
    if (!anchorId) return;
    event.preventDefault();
    history.replaceState(null, "", "#" + anchorId);
    showEvidence(anchorId, link.getAttribute("data-fact"));
  });
  window.addEventListener("hashchange", showHash);

  // --- charts (plotly.js is loaded only on pages that draw one) ---------------------------------
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  var FONT = { family: "system-ui, sans-serif", size: 12 };

  function groupBy(items, key) {
    var groups = {};
    items.forEach(function (item) {
      var k = item[key] == null ? "(none)" : String(item[key]);
      (groups[k] = groups[k] || []).push(item);
    });
    return groups;
  }

  // the dates of the points padded by at least two weeks, so one day does not zoom to milliseconds
  function dateRange(points) {
    var times = points.map(function (p) { return Date.parse(p.date); });
    var first = Math.min.apply(null, times), last = Math.max.apply(null, times);
    var pad = Math.max(14 * 864e5, (last - first) * 0.05);
    return [new Date(first - pad).toISOString().slice(0, 10), new Date(last + pad).toISOString().slice(0, 10)];
  }

  function navigateOnClick(div) {
    div.on("plotly_click", function (data) {
      var point = data.points && data.points[0];
      if (point && point.customdata) window.location.href = point.customdata;
    });
  }

  function drawTimeline(Plotly) {
    var data = readJSON("timeline-data");
    var div = document.getElementById("timeline-chart");
    if (!data || !div) return;
    var groups = groupBy(data.points, "mode");
    var traces = Object.keys(groups).map(function (mode) {
      var pts = groups[mode];
      return {
        type: "scatter", mode: "markers", name: mode.replace("_", " "),
        x: pts.map(function (p) { return p.date; }),
        y: pts.map(function (p) { return p.row; }),
        customdata: pts.map(function (p) { return p.url; }),
        text: pts.map(function (p) { return p.label + (p.occasion ? "<br>" + p.occasion : ""); }),
        hovertemplate: "%{x}<br>%{text}<extra></extra>",
        marker: { size: 11, opacity: 0.85 }
      };
    });
    var rows = new Set(data.points.map(function (p) { return p.row; })).size;
    div.style.height = Math.max(220, Math.min(520, 90 + rows * 28)) + "px";
    Plotly.newPlot(div, traces, {
      margin: { l: 150, r: 20, t: 10, b: 40 }, font: FONT, hovermode: "closest",
      xaxis: { type: "date", range: dateRange(data.points) }, yaxis: { automargin: true, type: "category" },
      legend: { orientation: "h", y: 1.08 }
    }, CONFIG);
    navigateOnClick(div);
  }

  function drawNetwork(Plotly) {
    var data = readJSON("network-data");
    var div = document.getElementById("network-chart");
    if (!data || !div) return;
    var byId = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    var maxWeight = Math.max.apply(null, data.edges.map(function (e) { return e.weight; }).concat([1]));
    var edgeTraces = data.edges.map(function (e) {
      var a = byId[e.source], b = byId[e.target];
      return {
        type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
        x: [a.x, b.x], y: [a.y, b.y],
        line: { width: 1 + 5 * e.weight / maxWeight, color: "rgba(31,95,191,0.45)" }
      };
    });
    var nodes = {
      type: "scatter", mode: "markers+text", showlegend: false,
      x: data.nodes.map(function (n) { return n.x; }),
      y: data.nodes.map(function (n) { return n.y; }),
      text: data.nodes.map(function (n) { return n.name; }),
      textposition: data.nodes.map(function (n) { return n.label; }),
      customdata: data.nodes.map(function (n) { return n.url; }),
      hovertext: data.nodes.map(function (n) {
        return n.name + (n.country ? " (" + n.country + ")" : "") + "<br>" + n.meetings + " meeting(s)";
      }),
      hoverinfo: "text",
      marker: {
        size: data.nodes.map(function (n) { return 12 + 4 * Math.sqrt(n.meetings); }),
        color: "#1f5fbf", line: { color: "#fff", width: 2 }
      }
    };
    Plotly.newPlot(div, edgeTraces.concat([nodes]), {
      margin: { l: 20, r: 20, t: 20, b: 20 }, font: FONT, hovermode: "closest",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" }
    }, CONFIG);
    navigateOnClick(div);
  }

  function drawStance(Plotly) {
    var data = readJSON("stance-data");
    var div = document.getElementById("stance-chart");
    if (!data || !div) return;
    var groups = groupBy(data.points, "topic");
    var traces = Object.keys(groups).map(function (topic) {
      var pts = groups[topic];
      return {
        type: "scatter", mode: "markers", name: topic,
        x: pts.map(function (p) { return p.date; }),
        y: pts.map(function (p) { return p.stance; }),
        customdata: pts.map(function (p) { return p.url; }),
        text: pts.map(function (p) { return p.cue + ": " + p.text; }),
        hovertemplate: "%{x}<br>%{text}<extra>" + topic + "</extra>",
        marker: { size: 11, opacity: 0.8 }
      };
    });
    Plotly.newPlot(div, traces, {
      margin: { l: 95, r: 20, t: 10, b: 40 }, font: FONT, hovermode: "closest",
      xaxis: { type: "date", range: dateRange(data.points) },
      yaxis: { range: [-1.5, 1.5], tickvals: [-1, 0, 1], ticktext: ["conflictual", "neutral", "cooperative"] }
    }, CONFIG);
    navigateOnClick(div);
  }

  document.addEventListener("DOMContentLoaded", function () {
    showHash();
    var Plotly = window.Plotly;
    if (!Plotly) return; // no plotly.js: the tables beside each chart say the same
    drawTimeline(Plotly);
    drawNetwork(Plotly);
    drawStance(Plotly);
  });
})();
