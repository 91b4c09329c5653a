// Loads claimgraph's Cytoscape JSON export into Cytoscape.js, headless,
// and checks what it built against the export.
// usage: node check_cytoscape.js DIR   (DIR holds graph.json)
"use strict";
const fs = require("fs");
const path = require("path");
const cytoscape = require("cytoscape");

let passed = 0;
const failed = [];
const check = (ok, what) => { if (ok) passed++; else failed.push(what); };

const ref = JSON.parse(fs.readFileSync(path.join(process.argv[2], "graph.json"), "utf8"));
const cy = cytoscape({ headless: true, elements: ref.elements });
check(cy.nodes().length === ref.node_count, `${cy.nodes().length} nodes, want ${ref.node_count}`);
check(cy.edges().length === ref.edge_count, `${cy.edges().length} edges, want ${ref.edge_count}`);
for (const n of ref.elements.nodes) {
  const got = cy.getElementById(n.data.id);
  check(got.nonempty() && got.isNode(), `node ${n.data.id} missing`);
  check(got.data("type") === n.data.type && got.data("label") === n.data.label, `node ${n.data.id} data`);
  for (const cls of (n.classes || "").split(" ").filter(Boolean)) check(got.hasClass(cls), `node ${n.data.id} lacks class ${cls}`);
}
for (const e of ref.elements.edges) {
  const got = cy.getElementById(e.data.id);
  check(got.nonempty() && got.isEdge(), `edge ${e.data.id} missing`);
  check(got.source().id() === e.data.source && got.target().id() === e.data.target, `edge ${e.data.id} ends`);
}
const focus = cy.getElementById(ref.focus);
check(focus.nonempty() && focus.degree() > 0, "the focus is missing or isolated");
// Everything selected hangs together around the focus.
const reached = cy.elements().bfs({ roots: focus, directed: false }).path.nodes().length;
check(reached === cy.nodes().length, `${reached} of ${cy.nodes().length} nodes reachable from the focus`);
const stances = ref.elements.edges.filter((e) => e.data.stance).length;
check(cy.edges("[stance]").length === stances, "stance edges");
cy.layout({ name: "breadthfirst", roots: focus }).run();
check(cy.nodes().every((n) => Number.isFinite(n.position("x")) && Number.isFinite(n.position("y"))), "layout positions");

console.log(`cytoscape ${cytoscape.version || require("cytoscape/package.json").version}: ${cy.nodes().length} nodes, ${cy.edges().length} edges, ${stances} stance edges`);
for (const f of failed.slice(0, 30)) console.log("FAIL:", f);
console.log(`cytoscape: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
