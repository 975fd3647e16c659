// sidelines review page: send a review to the API with the analyst's token, show the audit trail.
"use strict";

(function () {
  var form = document.getElementById("review-form");
  if (!form) return;
  var TOKEN_KEY = "sidelines.token";
  var REVIEWER_KEY = "sidelines.reviewer";
  var factType = form.getAttribute("data-fact-type");
  var factId = form.getAttribute("data-fact-id");
  var status = document.getElementById("review-status");
  var tokenBox = document.getElementById("review-token");
  var reviewerBox = document.getElementById("review-reviewer");

  tokenBox.value = sessionStorage.getItem(TOKEN_KEY) || "";
  reviewerBox.value = sessionStorage.getItem(REVIEWER_KEY) || "";

  function say(text, kind) {
    status.textContent = text;
    status.className = "status " + (kind || "");
  }

  // a value of the trail as an analyst reads it: participants by name and country, a merged
  // meeting by its id, parties and date, a split by the meetings it made
  function shown(value) {
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) return value.map(shown).join(", ");
    if (typeof value !== "object") return value;
    if (value.name !== undefined) return value.name + (value.country ? " (" + value.country + ")" : "");
    if (value.merged !== undefined) return "meeting " + value.merged + " merged into " + value.into;
    if (value.participants !== undefined) {
      return "meeting " + (value.id || "") + ": " + shown(value.participants) +
        (value.date ? ", " + value.date : "") + (value.mode ? ", " + value.mode.replace("_", " ") : "");
    }
    return Object.keys(value).map(function (k) { return k.replace("_", " ") + ": " + shown(value[k]); }).join("; ");
  }

  function cell(row, value) {
    var td = document.createElement("td");
    value = shown(value);
    var text = value === null || value === undefined || value === "" ? "–" : String(value);
    if (text.length > 160) { td.title = text; text = text.slice(0, 160) + "…"; } // a merged meeting's record is long
    td.textContent = text;
    row.appendChild(td);
  }

  // "2026-11-27T03:42:49.150156+00:00" -> "2026-11-27 03:42 UTC"
  function when(iso) {
    var t = Date.parse(iso || "");
    return isNaN(t) ? iso : new Date(t).toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }

  function showTrail(reviews) {
    var body = document.querySelector("#review-trail tbody");
    body.textContent = "";
    if (!reviews.length) {
      var empty = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 7; td.className = "muted"; td.textContent = "No review yet.";
      empty.appendChild(td); body.appendChild(empty);
      return;
    }
    reviews.forEach(function (r) {
      var row = document.createElement("tr");
      row.className = "review-row";
      [when(r.at), r.reviewer, r.action, r.field, r.before, r.after, r.note].forEach(function (v) { cell(row, v); });
      body.appendChild(row);
    });
  }

  function loadTrail() {
    return fetch("/api/v1/reviews?fact_id=" + encodeURIComponent(factId), { headers: { Accept: "application/json" } })
      .then(function (res) {
        if (res.status === 404) throw new Error("the review API is not available on this server");
        if (!res.ok) throw new Error("could not load reviews (HTTP " + res.status + ")");
        return res.json();
      })
      .then(function (body) { showTrail(Array.isArray(body) ? body : (body.data || [])); })
      .catch(function (err) {
        var body = document.querySelector("#review-trail tbody");
        body.textContent = "";
        var row = document.createElement("tr");
        var td = document.createElement("td");
        td.colSpan = 7; td.className = "warn"; td.textContent = err.message;
        row.appendChild(td); body.appendChild(row);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var action = data.get("action");
    var field = data.get("field") || null;
    var value = data.get("value").trim();
    if (action === "not_held") { action = "correct"; field = "status"; value = "not_held"; }
    if (action === "merge" && !value) {
      say("A merge needs the id of the other meeting in “New value”.", "error");
      return;
    }
    if (action === "merge" || action === "split") field = null;
    if (action === "split") {
      value = data.getAll("split_document");
      if (!value.length) { say("Tick the sources that report another meeting.", "error"); return; }
    }
    if (field === "participants" && value) {
      // "Name, ISO3; Name" -> [{name, country}, {name}]
      value = value.split(";").map(function (part) {
        var bits = part.split(",").map(function (b) { return b.trim(); });
        var party = { name: bits[0] };
        if (bits[1]) party.country = bits[1].toUpperCase();
        return party;
      }).filter(function (p) { return p.name; });
    }
    if (action === "correct" && (!field || !value)) {
      say("A correction needs a field and its new value.", "error");
      return;
    }
    if (action === "annotate" && !data.get("note")) {
      say("An annotation needs a note.", "error");
      return;
    }
    if (field === "topics" && value) {
      value = value.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
    }
    var token = tokenBox.value.trim();
    if (!token) { say("Enter the API token to submit a review.", "error"); tokenBox.focus(); return; }
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(REVIEWER_KEY, reviewerBox.value.trim());
    var payload = {
      fact_type: factType, fact_id: factId, action: action, field: field,
      value: value === "" ? null : value, note: data.get("note") || null,
      reviewer: reviewerBox.value.trim()
    };
    say("Sending…");
    fetch("/api/v1/reviews", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + token },
      body: JSON.stringify(payload)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.status === 201) {
          var extra = body.after && body.after.new_meeting ? " New meeting: " + body.after.new_meeting + "." : "";
          say("Saved: review " + body.id + " (" + body.action + ")." + extra, "ok");
          form.querySelectorAll("[name=split_document]").forEach(function (box) { box.checked = false; });
          form.querySelector("[name=value]").value = "";
          form.querySelector("[name=note]").value = "";
          return loadTrail();
        }
        if (res.status === 401 || res.status === 403) sessionStorage.removeItem(TOKEN_KEY);
        var detail = (body.error && body.error.message) || body.detail || ("HTTP " + res.status);
        say("Not saved: " + (typeof detail === "string" ? detail : JSON.stringify(detail)), "error");
      });
    }).catch(function (err) { say("Not saved: " + err.message, "error"); });
  });

  loadTrail();
})();
