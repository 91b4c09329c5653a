// claimgraph viewer. Every piece of text that comes from a document is put
// on the page with textContent or a text node, never as markup.
(function () {
  "use strict";

  var TYPE_COLOURS = {
    document: "#6baed6", claim: "#fdae6b", entity: "#74c476", account: "#9e9ac8", event: "#e6550d"
  };
  var STANCE_COLOURS = {
    corroborates: "#2ca02c", disputes: "#d62728", revises: "#ff7f0e", repeats: "#9467bd"
  };

  var state = { focus: "", depth: "2", from: "", to: "", selected: "" };
  var $ = function (id) { return document.getElementById(id); };

  // el builds an element; string children become text nodes.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "class") e.className = attrs[k];
        else if (k === "text") e.textContent = attrs[k];
        else if (k === "onclick") e.addEventListener("click", attrs[k]);
        else e.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // A server configured with read tokens answers 401 to reads without one:
  // the viewer then shows a token field; the token is kept for this tab only.
  function token() {
    try { return sessionStorage.getItem("claimgraph-token") || ""; } catch (e) { return ""; }
  }

  function askToken() {
    var f = $("token-form");
    if (f) f.hidden = false;
  }

  function api(path) {
    var headers = { Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    return fetch(path, { headers: headers }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          if (r.status === 401) askToken();
          var err = new Error((body && body.error && body.error.message) || ("HTTP " + r.status));
          err.status = r.status;
          throw err;
        }
        return body;
      });
    });
  }

  function items(body) {
    if (Array.isArray(body)) return body;
    if (body && Array.isArray(body.items)) return body.items;
    if (body && Array.isArray(body.conflicts)) return body.conflicts;
    return [];
  }

  // ---- the graph ----------------------------------------------------------

  var cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": "#b0bec5", "label": "data(label)", "font-size": 9, "color": "#263238",
        "text-wrap": "ellipsis", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 3,
        "width": 18, "height": 18, "border-width": 1, "border-color": "#fff" } },
      { selector: "node[type = 'document']", style: { "background-color": TYPE_COLOURS.document, "shape": "round-rectangle" } },
      { selector: "node[type = 'claim']", style: { "background-color": TYPE_COLOURS.claim, "shape": "rectangle", "width": 14, "height": 14 } },
      { selector: "node[type = 'entity']", style: { "background-color": TYPE_COLOURS.entity } },
      { selector: "node[kind = 'place']", style: { "shape": "diamond" } },
      { selector: "node[type = 'account']", style: { "background-color": TYPE_COLOURS.account, "shape": "tag", "width": 14, "height": 14 } },
      { selector: "node[type = 'event']", style: { "background-color": TYPE_COLOURS.event, "shape": "star", "width": 30, "height": 30, "font-weight": "bold" } },
      { selector: "node.focus", style: { "border-width": 3, "border-color": "#212121" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#1565c0" } },
      { selector: "edge", style: {
        "width": 1, "line-color": "#cfd8dc", "target-arrow-color": "#cfd8dc", "target-arrow-shape": "triangle",
        "arrow-scale": 0.6, "curve-style": "bezier" } },
      { selector: "node[type = 'claim'], node[type = 'account']", style: { "label": "" } },
      { selector: "node[type = 'claim']:selected, node[type = 'account']:selected, node.hover", style: { "label": "data(label)", "z-index": 10, "text-background-color": "#fff", "text-background-opacity": 0.85 } },
      { selector: "edge[stance]", style: { "width": 2.5 } },
      { selector: "edge[stance]:selected", style: { "label": "data(relation)", "font-size": 9, "text-rotation": "autorotate" } },
      { selector: "edge[relation = 'corroborates']", style: { "line-color": STANCE_COLOURS.corroborates, "target-arrow-color": STANCE_COLOURS.corroborates, "color": STANCE_COLOURS.corroborates } },
      { selector: "edge[relation = 'disputes']", style: { "line-color": STANCE_COLOURS.disputes, "target-arrow-color": STANCE_COLOURS.disputes, "color": STANCE_COLOURS.disputes } },
      { selector: "edge[relation = 'revises']", style: { "line-color": STANCE_COLOURS.revises, "target-arrow-color": STANCE_COLOURS.revises, "color": STANCE_COLOURS.revises } },
      { selector: "edge[relation = 'repeats']", style: { "line-color": STANCE_COLOURS.repeats, "target-arrow-color": STANCE_COLOURS.repeats, "color": STANCE_COLOURS.repeats } }
    ]
  });

  function legend() {
    var l = $("legend");
    Object.keys(TYPE_COLOURS).forEach(function (t) {
      var i = el("i"); i.style.background = TYPE_COLOURS[t];
      l.appendChild(el("span", null, i, t));
    });
    Object.keys(STANCE_COLOURS).forEach(function (t) {
      var i = el("i", { "class": "line" }); i.style.background = STANCE_COLOURS[t];
      l.appendChild(el("span", null, i, t));
    });
  }

  function graphURL() {
    var p = new URLSearchParams();
    if (state.focus) p.set("focus", state.focus);
    p.set("depth", state.depth);
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (!state.focus) p.set("max_nodes", "400");
    p.set("format", "cytoscape");
    return "/v1/graph?" + p.toString();
  }

  function loadGraph() {
    var status = $("status");
    status.className = "";
    status.textContent = "loading…";
    return api(graphURL()).then(function (g) {
      cy.elements().remove();
      cy.add(g.elements.nodes.concat(g.elements.edges));
      var focus = state.focus ? cy.getElementById(state.focus) : null;
      var layout = focus && focus.nonempty()
        ? { name: "concentric", concentric: function (n) { return 10 - (n.data("depth") || 0); }, levelWidth: function () { return 1; }, minNodeSpacing: 18, animate: false }
        : { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 60 };
      cy.layout(layout).run();
      cy.fit(undefined, 30);
      var msg = g.node_count + " nodes, " + g.edge_count + " edges";
      if (g.focus) msg = g.focus_type + " neighbourhood, depth " + g.depth + ": " + msg;
      else msg = "whole graph: " + msg;
      if (g.truncated) {
        msg += " — " + g.note;
        status.className = "truncated";
      }
      status.textContent = msg;
      status.title = msg;
      return g;
    }).catch(function (err) {
      status.className = "truncated";
      status.textContent = "could not load the graph: " + err.message;
    });
  }

  cy.on("tap", "node", function (evt) { showNode(evt.target.data()); });
  cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
  cy.on("dbltap", "node", function (evt) { focusOn(evt.target.id()); });

  // ---- state in the URL ---------------------------------------------------

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.focus = p.get("focus") || "";
    state.depth = p.get("depth") || "2";
    state.from = p.get("from") || "";
    state.to = p.get("to") || "";
    $("depth").value = state.depth;
    $("from").value = state.from;
    $("to").value = state.to;
  }

  function writeHash() {
    var p = new URLSearchParams();
    if (state.focus) p.set("focus", state.focus);
    if (state.depth !== "2") p.set("depth", state.depth);
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    var h = p.toString();
    if (location.hash.replace(/^#/, "") !== h) history.replaceState(null, "", h ? "#" + h : location.pathname);
  }

  function focusOn(id) {
    state.focus = id;
    writeHash();
    return loadGraph().then(function () {
      var n = cy.getElementById(id);
      if (n.nonempty()) {
        n.select();
        showNode(n.data());
      }
    });
  }

  // ---- search -------------------------------------------------------------

  function search(q) {
    var box = $("results");
    clear(box);
    box.hidden = false;
    box.appendChild(el("h3", { text: "searching…" }));
    var enc = encodeURIComponent(q);
    var ql = q.toLowerCase();
    var safe = function (p) { return p.catch(function () { return { items: [] }; }); };
    Promise.all([
      safe(api("/v1/events?q=" + enc + "&limit=20")),
      safe(api("/v1/entities?q=" + enc + "&limit=20")),
      safe(api("/v1/documents?limit=500"))
    ]).then(function (r) {
      clear(box);
      var events = items(r[0]), ents = items(r[1]);
      var docs = items(r[2]).filter(function (d) {
        return [d.title, d.symbol, d.author, d.file].some(function (s) { return s && s.toLowerCase().indexOf(ql) >= 0; });
      }).slice(0, 20);
      var group = function (title, list, label, kind) {
        if (!list.length) return;
        box.appendChild(el("h3", { text: title }));
        list.forEach(function (x) {
          box.appendChild(el("button", { type: "button", "class": "result", "data-id": x.id, "data-kind": kind, onclick: function () {
            box.hidden = true;
            focusOn(x.id);
          } }, label(x)));
        });
      };
      group("Events", events, function (e) {
        var n = e.documents || 0;
        return (e.title || e.type) + " — " + n + (n === 1 ? " document" : " documents");
      }, "event");
      group("Entities", ents, function (e) { return e.name + " (" + e.kind + ")"; }, "entity");
      group("Documents", docs, function (d) { return (d.date ? d.date + " — " : "") + (d.title || d.symbol || d.file || d.id); }, "document");
      if (!box.firstChild) box.appendChild(el("h3", { text: "nothing found for “" + q + "”" }));
    });
  }

  $("search").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = $("q").value.trim();
    if (q) search(q);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") $("results").hidden = true; });

  $("apply").addEventListener("click", function () {
    state.depth = $("depth").value;
    state.from = $("from").value;
    state.to = $("to").value;
    writeHash();
    loadGraph();
  });

  // ---- text with spans ----------------------------------------------------

  // marked renders text (whose first code point is at offset base in the
  // document) with the given spans, in document code points, marked.
  function marked(text, base, marks) {
    var cps = Array.from(text);
    var out = el("span", { "class": "text" });
    var ms = (marks || []).map(function (m) {
      return { s: Math.max(0, m.start - base), e: Math.min(cps.length, m.end - base), cls: m.cls };
    }).filter(function (m) { return m.e > m.s; }).sort(function (a, b) { return a.s - b.s; });
    var at = 0;
    ms.forEach(function (m) {
      if (m.s < at) return; // overlapping: keep the first
      if (m.s > at) out.appendChild(document.createTextNode(cps.slice(at, m.s).join("")));
      out.appendChild(el("mark", { "class": m.cls }, cps.slice(m.s, m.e).join("")));
      at = m.e;
    });
    if (at < cps.length) out.appendChild(document.createTextNode(cps.slice(at).join("")));
    return out;
  }

  function claimMarks(c) {
    var ms = (c.values || []).map(function (v) { return { start: v.span.start, end: v.span.end, cls: "figure" }; });
    if (c.speaker_span) ms.push({ start: c.speaker_span.start, end: c.speaker_span.end, cls: "speaker" });
    return ms;
  }

  function valueText(v) {
    var words = { at_least: "at least ", more_than: "more than ", at_most: "at most ", less_than: "less than ", about: "about " };
    if (v.value === null || v.value === undefined) return "“" + v.text + "”";
    return (words[v.bound] || "") + v.value + (v.bound === "exact" ? " (exact)" : "") + (v.who ? " " + v.who : "");
  }

  // claimBox shows one claim: who says it, where, and its text with its
  // figures and speaker marked.
  function claimBox(c, doc) {
    var src = el("div", { "class": "src" },
      el("b", { text: (c.speaker && c.speaker.name) || "unknown source" }),
      c.reported ? " (reported)" : "",
      doc ? " — " + (doc.title || doc.symbol || doc.file || "document") + (doc.date ? ", " + doc.date : "") : "",
      c.polarity === "negative" ? " — denies" : "",
      c.hedge ? " — " + c.hedge : "");
    var box = el("div", { "class": "claim", "data-claim": c.id }, src, marked(c.text, c.span.start, claimMarks(c)));
    if (c.values && c.values.length) {
      box.appendChild(el("div", { "class": "meta" }, c.values.map(function (v) { return v.attribute + ": " + valueText(v); }).join("; ")));
    }
    box.appendChild(el("div", { "class": "actions" }, el("button", { type: "button", onclick: function () { focusOn(c.id); } }, "Centre on this claim")));
    return box;
  }

  // ---- the side panel -----------------------------------------------------

  var panelToken = 0;

  function panel(title, subtitle) {
    var p = $("panel");
    clear(p);
    panelToken++;
    p.appendChild(el("h2", { text: title }));
    if (subtitle) p.appendChild(el("div", { "class": "meta", text: subtitle }));
    return { node: p, token: panelToken };
  }

  function fail(p, what) {
    return function (err) {
      if (p.token === panelToken) p.node.appendChild(el("p", { "class": "error", text: what + ": " + err.message }));
    };
  }

  function showNode(d) {
    state.selected = d.id;
    switch (d.type) {
      case "event": return showEvent(d);
      case "claim": return showClaim(d);
      case "document": return showDocument(d);
      case "entity": return showEntity(d);
      case "account": return showAccount(d);
    }
  }

  function focusButton(id) {
    return el("div", { "class": "actions" }, el("button", { type: "button", onclick: function () { focusOn(id); } }, "Centre the graph here"));
  }

  function showEvent(d) {
    var p = panel(d.label, [d.kind, d.date, d.grade ? "grade: " + d.grade : ""].filter(Boolean).join(" · "));
    p.node.appendChild(focusButton(d.id));
    var conflicts = el("div", { id: "conflicts" });
    var sources = el("div", { id: "sources" });
    p.node.appendChild(conflicts);
    p.node.appendChild(sources);
    var src = api("/v1/events/" + d.id + "/sources");
    api("/v1/events/" + d.id + "/conflicts").then(function (body) {
      if (p.token !== panelToken) return;
      renderConflicts(conflicts, items(body));
    }).catch(function () {
      // No conflicts endpoint (or it failed): lay the accounts' values side
      // by side instead.
      src.then(function (body) {
        if (p.token === panelToken) renderAccountValues(conflicts, items(body));
      }).catch(function () {});
    });
    src.then(function (body) {
      if (p.token !== panelToken) return;
      var list = items(body);
      sources.appendChild(el("h3", { text: "Sources (" + list.length + " documents)" }));
      list.forEach(function (s) {
        s.claims.forEach(function (c) { sources.appendChild(claimBox(c, s.document)); });
      });
    }).catch(fail(p, "sources"));
  }

  function sourcesText(v) {
    return (v.sources || []).map(function (s) { return s.name; }).join(", ") || "—";
  }

  // renderConflicts lays out, for each attribute, every value given, with
  // its sources, grouped into compatible sets; more than one set is a
  // conflict.
  function renderConflicts(box, list) {
    clear(box);
    box.appendChild(el("h3", { text: "Values and conflicts" }));
    if (!list.length) { box.appendChild(el("p", { "class": "hint", text: "No attribute has values from more than one account." })); return; }
    list.forEach(function (c) {
      var groups = c.groups && c.groups.length ? c.groups : [c.values.map(function (_, i) { return i; })];
      var head = el("div", null, el("b", { text: c.attribute }),
        groups.length > 1 ? el("span", { "class": "conflict-flag", text: " — conflict: " + groups.length + " incompatible sets" }) : " — compatible");
      box.appendChild(head);
      var table = el("table", { "class": "conflicts", "data-attribute": c.attribute });
      var hr = el("tr");
      groups.forEach(function (_, gi) { hr.appendChild(el("th", { text: groups.length > 1 ? "set " + String.fromCharCode(65 + gi) : "values" })); });
      table.appendChild(hr);
      var rows = Math.max.apply(null, groups.map(function (g) { return g.length; }));
      for (var r = 0; r < rows; r++) {
        var tr = el("tr");
        groups.forEach(function (g) {
          var v = c.values[g[r]];
          if (!v) { tr.appendChild(el("td")); return; }
          var td = el("td", { "class": v.revised_by ? "revised" : "" },
            el("div", { "class": "value", text: v.text + (v.polarity === "negative" ? " (denied)" : "") }),
            el("div", { "class": "meta", text: sourcesText(v) + (v.revised_by ? " — revised later" : "") }));
          tr.appendChild(td);
        });
        table.appendChild(tr);
      }
      box.appendChild(table);
    });
  }

  // renderAccountValues is the fallback: each attribute's values from the
  // accounts, side by side with who gives them.
  function renderAccountValues(box, sources) {
    clear(box);
    box.appendChild(el("h3", { text: "Values given by each account" }));
    var byAttr = {}, order = [];
    var add = function (attr, text, who, doc) {
      if (!byAttr[attr]) { byAttr[attr] = []; order.push(attr); }
      byAttr[attr].push({ text: text, who: who, doc: doc });
    };
    sources.forEach(function (s) {
      var doc = s.document.title || s.document.symbol || s.document.file || "";
      (s.accounts || []).forEach(function (a) {
        var who = (a.speaker && a.speaker.name) || "unknown";
        (a.values || []).forEach(function (v) { add(v.attribute, valueText(v), who, doc); });
        if (a.perpetrator) add("perpetrator", (a.perpetrator.polarity === "negative" ? "not " : "") + a.perpetrator.entity.name, who, doc);
      });
    });
    if (!order.length) { box.appendChild(el("p", { "class": "hint", text: "The accounts give no figures." })); return; }
    order.forEach(function (attr) {
      var vals = byAttr[attr];
      var distinct = {};
      vals.forEach(function (v) { distinct[v.text] = true; });
      var n = Object.keys(distinct).length;
      box.appendChild(el("div", null, el("b", { text: attr }),
        n > 1 ? el("span", { "class": "conflict-flag", text: " — " + n + " different values" }) : ""));
      var table = el("table", { "class": "conflicts", "data-attribute": attr },
        el("tr", null, el("th", { text: "value" }), el("th", { text: "source" }), el("th", { text: "document" })));
      vals.forEach(function (v) {
        table.appendChild(el("tr", null, el("td", { "class": "value", text: v.text }), el("td", { text: v.who }), el("td", { text: v.doc })));
      });
      box.appendChild(table);
    });
  }

  function showClaim(d) {
    var p = panel("Claim", [d.speaker, d.date].filter(Boolean).join(" · "));
    p.node.appendChild(focusButton(d.id));
    api("/v1/claims/" + d.id).then(function (c) {
      if (p.token !== panelToken) return;
      p.node.appendChild(claimBox(c, c.document));
      return api("/v1/documents/" + c.document_id).then(function (doc) {
        if (p.token !== panelToken || !doc.text) return;
        var cps = Array.from(doc.text);
        var from = Math.max(0, c.span.start - 300), to = Math.min(cps.length, c.span.end + 300);
        var ctx = cps.slice(from, to).join("");
        var marks = [{ start: c.span.start, end: c.span.end, cls: "quote" }];
        p.node.appendChild(el("h3", { text: "In its document" }));
        var box = el("div", { "class": "claim" }, el("div", { "class": "src", text: doc.title || doc.symbol || doc.file || "" }),
          from > 0 ? "… " : "", marked(ctx, from, marks), to < cps.length ? " …" : "");
        p.node.appendChild(box);
      });
    }).catch(fail(p, "claim"));
  }

  function showDocument(d) {
    var p = panel(d.label, [d.kind, d.author, d.date].filter(Boolean).join(" · "));
    p.node.appendChild(focusButton(d.id));
    Promise.all([api("/v1/documents/" + d.id), api("/v1/documents/" + d.id + "/claims?limit=200")]).then(function (r) {
      if (p.token !== panelToken) return;
      var doc = r[0], claims = items(r[1]);
      p.node.appendChild(el("h3", { text: "Claims (" + claims.length + ")" }));
      claims.forEach(function (c) { p.node.appendChild(claimBox(c, doc)); });
      if (doc.text) {
        p.node.appendChild(el("h3", { text: "Text, claims marked" }));
        var marks = claims.map(function (c) { return { start: c.span.start, end: c.span.end, cls: "quote" }; });
        p.node.appendChild(el("div", { "class": "claim doc-text" }, marked(doc.text, 0, marks)));
      }
    }).catch(fail(p, "document"));
  }

  function showEntity(d) {
    var p = panel(d.label, [d.kind, d.place_type, d.aliases ? "also: " + d.aliases : ""].filter(Boolean).join(" · "));
    p.node.appendChild(focusButton(d.id));
    api("/v1/entities/" + d.id + "/claims?limit=100").then(function (body) {
      if (p.token !== panelToken) return;
      var claims = items(body);
      p.node.appendChild(el("h3", { text: "Claims that name it (" + claims.length + ")" }));
      claims.forEach(function (c) { p.node.appendChild(claimBox(c, null)); });
    }).catch(fail(p, "entity"));
  }

  function showAccount(d) {
    var p = panel(d.label, [d.kind, d.date].filter(Boolean).join(" · "));
    p.node.appendChild(focusButton(d.id));
    var dl = el("table", { "class": "conflicts" });
    [["source", d.speaker], ["place", d.place], ["perpetrator", d.perpetrator], ["figures", d.values], ["polarity", d.polarity]].forEach(function (r) {
      if (r[1]) dl.appendChild(el("tr", null, el("th", { text: r[0] }), el("td", { text: r[1] })));
    });
    p.node.appendChild(dl);
    var claims = cy.getElementById(d.id).outgoers("node[type = 'claim']");
    claims.forEach(function (n) {
      api("/v1/claims/" + n.id()).then(function (c) {
        if (p.token === panelToken) p.node.appendChild(claimBox(c, c.document));
      }).catch(fail(p, "claim"));
    });
  }

  // ---- start --------------------------------------------------------------

  legend();
  readHash();
  window.addEventListener("hashchange", function () {
    readHash();
    if (state.focus) focusOn(state.focus); else loadGraph();
  });
  if (state.focus) focusOn(state.focus); else loadGraph();
  window.claimgraphViewer = { cy: cy, focusOn: focusOn, state: state };
  var tf = $("token-form");
  if (tf) {
    tf.addEventListener("submit", function (ev) {
      ev.preventDefault();
      try { sessionStorage.setItem("claimgraph-token", $("token").value); } catch (e) { /* storage off: keep none */ }
      $("token").value = "";
      tf.hidden = true;
      if (state.focus) focusOn(state.focus); else loadGraph();
    });
  }
})();
