"""Loads claimgraph's JSON-LD and N-Quads exports with rdflib and checks
them against the same selection's Cytoscape JSON and against each other:
every edge the store holds as a quad is in the N-Quads under its label,
and the JSON-LD states it in the named graph of that same label.

usage: /usr/bin/python3 check_rdflib.py DIR   (DIR holds graph.json,
graph.jsonld, graph.nq). Prints 'rdflib: N passed, M failed'.
"""
import json
import sys

import rdflib
from rdflib import RDF, Literal, Namespace, URIRef

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SEG = {"document": "doc", "claim": "claim", "entity": "entity", "account": "account", "event": "event"}
STORE_PRED = {"document": "cg:document", "speaker": "cg:speaker", "mentions": "cg:mentions", "claim": "cg:claim",
              "event": "cg:event", "place": "cg:place", "perpetrator": "cg:perpetrator", "within": "cg:within",
              "affiliation": "cg:affiliation"}

passed, failed = 0, []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failed.append(what)


def main(d):
    ref = json.load(open(f"{d}/graph.json", encoding="utf-8"))
    nodes = {n["data"]["id"]: n["data"] for n in ref["elements"]["nodes"]}
    edges = [e["data"] for e in ref["elements"]["edges"]]
    iri = {nid: URIRef(f"cg:{SEG[n['type']]}/{nid}") for nid, n in nodes.items()}

    ld = rdflib.Dataset()
    ld.parse(f"{d}/graph.jsonld", format="json-ld")
    nq = rdflib.Dataset()
    nq.parse(f"{d}/graph.nq", format="nquads")
    lines = [l for l in open(f"{d}/graph.nq", encoding="utf-8") if l.strip()]
    nquads = list(nq.quads((None, None, None, None)))
    check(len(nquads) == len(lines), f"nquads: rdflib read {len(nquads)} quads from {len(lines)} lines")

    claims = [nid for nid, n in nodes.items() if n["type"] == "claim"]
    typed = set(s for s, _, _, _ in ld.quads((None, RDF.type, SCHEMA.Claim, None)))
    check(len(typed) == len(claims), f"jsonld: {len(typed)} schema:Claim, want {len(claims)}")
    for nid in claims:
        s = iri[nid]
        check(s in typed, f"jsonld: claim {nid} is not a schema:Claim")
        texts = [o for _, _, o, _ in ld.quads((s, SCHEMA.text, None, None))]
        check(texts == [Literal(nodes[nid]["text"])], f"jsonld: claim {nid} schema:text {texts!r}")
        recs = list(nq.quads((s, URIRef("cg:record"), None, None)))
        check(len(recs) == 1, f"nquads: claim {nid} has {len(recs)} records")
        if recs:
            rec = json.loads(str(recs[0][2]))
            check(rec.get("text") == nodes[nid]["text"], f"nquads: claim {nid} record text")
        attributed = list(ld.quads((s, PROV.wasAttributedTo, None, None)))
        speaker_in = any(e["relation"] == "speaker" and e["source"] == nid for e in edges)
        check(bool(attributed) == speaker_in, f"jsonld: claim {nid} prov:wasAttributedTo {attributed!r}")
    for nid in nodes:
        check(any(True for _ in nq.quads((iri[nid], URIRef("cg:type"), None, None))), f"nquads: node {nid} has no cg:type")

    # Every store edge of the selection is a quad; the JSON-LD states it in
    # the graph of the quad's label.
    store_edges = 0
    for e in edges:
        p = STORE_PRED.get(e["relation"])
        if not p:
            continue
        s, o = iri[e["source"]], iri[e["target"]]
        qs = list(nq.quads((s, URIRef(p), o, None)))
        check(len(qs) >= 1, f"nquads: no quad for {e['source']} {p} {e['target']}")
        for _, _, _, g in qs:
            store_edges += 1
            label = g.identifier if hasattr(g, "identifier") else g
            check(label is not None and str(label).startswith("cg:"), f"nquads: quad without a cg: label: {label!r}")
            named = ld.graph(URIRef(str(label)))
            check((s, URIRef(p), o) in named, f"jsonld: {e['source']} {p} {e['target']} not in graph {label}")
    check(store_edges > 0, "no store edge compared")
    # Stance links carry their PROV term.
    for e in edges:
        if e.get("stance") == "repeats":
            check((iri[e["source"]], PROV.wasQuotedFrom, iri[e["target"]]) in ld.graph(ld.default_context.identifier) or
                  any(True for _ in ld.quads((iri[e["source"]], PROV.wasQuotedFrom, iri[e["target"]], None))),
                  "jsonld: repeats without prov:wasQuotedFrom")
        if e.get("stance") == "revises":
            check(any(True for _ in ld.quads((iri[e["source"]], PROV.wasRevisionOf, iri[e["target"]], None))),
                  "jsonld: revises without prov:wasRevisionOf")

    print(f"rdflib {rdflib.__version__}: {len(nquads)} quads, {len(list(ld.quads((None, None, None, None))))} JSON-LD statements, {store_edges} store edges compared")
    for f in failed[:30]:
        print("FAIL:", f)
    print(f"rdflib: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
