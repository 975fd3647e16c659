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
    // one trace per mode, in one order and colour on every page (charts.MODE_COLOURS)
    var traces = (data.modes || []).map(function (m) {
      var pts = groups[m.mode] || [];
      return {
        type: "scatter", mode: "markers", name: m.name,
        x: pts.map(function (p) { return p.date; }),
        y: pts.map(function (p) { return p.row; }),
        customdata: pts.map(function (p) { return p.url; }),
        text: pts.map(function (p) { return p.label + (p.occasion ? "<br>" + p.occasion : ""); }),
        hovertemplate: "%{x}<br>%{y}<br>%{text}<extra></extra>",
        marker: { size: 10, opacity: 0.8, color: m.colour }
      };
    });
    // every row gets its own tick (plotly would skip some), busiest at the top, cut labels
    var rows = (data.rows || []).slice().reverse();
    div.style.height = Math.max(220, 90 + rows.length * 22) + "px";
    Plotly.newPlot(div, traces, {
      margin: { l: 10, r: 20, t: 10, b: 40 }, font: FONT, hovermode: "closest",
      xaxis: { type: "date", range: dateRange(data.points) },
      yaxis: {
        automargin: true, type: "category",
        categoryorder: "array", categoryarray: rows.map(function (r) { return r.row; }),
        tickmode: "array", tickvals: rows.map(function (r) { return r.row; }),
        ticktext: rows.map(function (r) { return r.tick; })
      },
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
    var edgeTraces = data.edges.map(function (e) {
      var a = byId[e.source], b = byId[e.target];
      return {
        type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
        x: [a.x, b.x], y: [a.y, b.y],
        line: { width: e.width, color: "rgba(90,100,120,0.35)" }
      };
    });
    // an invisible point in the middle of each edge says who met whom, how often and when
    var edgeHover = {
      type: "scatter", mode: "markers", showlegend: false, hoverinfo: "text",
      x: data.edges.map(function (e) { return (byId[e.source].x + byId[e.target].x) / 2; }),
      y: data.edges.map(function (e) { return (byId[e.source].y + byId[e.target].y) / 2; }),
      hovertext: data.edges.map(function (e) {
        return byId[e.source].name + " – " + byId[e.target].name + "<br>" + e.weight +
          " meeting(s)" + (e.first_date ? "<br>" + e.first_date + " – " + e.last_date : "");
      }),
      marker: { size: 8, opacity: 0 }
    };
    // one trace per colour, so the legend names the countries
    var legendName = {};
    (data.legend || []).forEach(function (l) { legendName[l.colour] = l.name; });
    var byColour = groupBy(data.nodes, "colour");
    var nodeTraces = Object.keys(byColour).map(function (colour) {
      var nodes = byColour[colour];
      return {
        type: "scatter", mode: "markers+text", name: legendName[colour] || "other countries",
        x: nodes.map(function (n) { return n.x; }),
        y: nodes.map(function (n) { return n.y; }),
        text: nodes.map(function (n) { return n.label; }),
        textposition: nodes.map(function (n) { return n.label_position; }), textfont: { size: 11 },
        customdata: nodes.map(function (n) { return n.url; }),
        hovertext: nodes.map(function (n) {
          return n.name + (n.country ? " (" + n.country_name + ")" : "") + "<br>" + n.meetings + " meeting(s)";
        }),
        hoverinfo: "text",
        marker: {
          size: nodes.map(function (n) { return n.size; }),  // as charts.marker_size says
          color: colour, line: { color: "#fff", width: 1.5 }
        }
      };
    });
    nodeTraces.sort(function (a, b) { return a.name === "other countries" ? 1 : b.name === "other countries" ? -1 : 0; });
    // the person view: a shaded disc behind each country's people, named (charts._cluster_labels)
    var clusters = data.clusters || [];
    var shapes = clusters.map(function (c) {
      return {
        type: "circle", layer: "below", xref: "x", yref: "y",
        x0: c.x - c.r, x1: c.x + c.r, y0: c.y - c.r, y1: c.y + c.r,
        fillcolor: c.colour, opacity: 0.12, line: { color: c.colour, width: 1 }
      };
    });
    var annotations = clusters.filter(function (c) { return c.label; }).map(function (c) {
      return {
        x: c.x, y: c.label_y, xref: "x", yref: "y", text: c.label, showarrow: false,
        yanchor: c.label_anchor, font: { size: 11, color: "#3c4043" }, captureevents: false
      };
    });
    Plotly.newPlot(div, edgeTraces.concat([edgeHover], nodeTraces), {
      shapes: shapes, annotations: annotations,
      margin: { l: 20, r: 20, t: 20, b: 20 }, font: FONT, hovermode: "closest",
      xaxis: { visible: false, range: data.range.x }, yaxis: { visible: false, range: data.range.y, scaleanchor: "x" },
      legend: { title: { text: "Country" }, itemclick: "toggle" }
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
