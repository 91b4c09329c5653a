"""Reads claimgraph's GraphML and GEXF exports with networkx and checks
them against the same selection's Cytoscape JSON.

usage: /usr/bin/python3 check_networkx.py DIR   (DIR holds graph.json,
graph.graphml, graph.gexf, and sources.json, the event's /sources answer). Prints 'networkx: N passed, M failed'.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf as nxgexf

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
    check(len(nodes) > 0 and len(edges) > 0, "the reference graph is empty")

    g = nx.read_graphml(f"{d}/graph.graphml")
    check(g.number_of_nodes() == len(nodes), f"graphml: {g.number_of_nodes()} nodes, want {len(nodes)}")
    check(g.number_of_edges() == len(edges), f"graphml: {g.number_of_edges()} edges, want {len(edges)}")
    check(g.is_directed(), "graphml: not directed")
    check(g.graph.get("truncated") is ref["truncated"], f"graphml: graph truncated {g.graph.get('truncated')!r}")
    check(g.graph.get("focus") == ref.get("focus"), "graphml: graph focus")
    for nid, data in nodes.items():
        if nid not in g.nodes:
            check(False, f"graphml: node {nid} missing")
            continue
        got = g.nodes[nid]
        for k in ("type", "label", "kind", "text", "speaker", "values", "date", "place", "grade"):
            if k in data:
                check(got.get(k) == data[k], f"graphml: node {nid} {k} {got.get(k)!r} != {data[k]!r}")
        for k in ("span_start", "span_end", "depth", "documents", "accounts"):
            if k in data:
                check(type(got.get(k)) is int and got[k] == data[k], f"graphml: node {nid} {k} {got.get(k)!r} is not the int {data[k]}")
        if "reported" in data:
            check(got.get("reported") is data["reported"], f"graphml: node {nid} reported {got.get('reported')!r}")
    multi = g.is_multigraph()
    for e in edges:
        s, t = e["source"], e["target"]
        if not g.has_edge(s, t):
            check(False, f"graphml: edge {s} -> {t} missing")
            continue
        datas = list(g.get_edge_data(s, t).values()) if multi else [g.get_edge_data(s, t)]
        rel = [x for x in datas if x.get("relation") == e["relation"]]
        check(len(rel) == 1, f"graphml: edge {s} -{e['relation']}-> {t}: {datas}")
        if rel and "score" in e:
            check(isinstance(rel[0].get("score"), float), f"graphml: score {rel[0].get('score')!r} not a float")
        if rel and "stance" in e:
            check(rel[0].get("stance") == e["stance"], "graphml: stance")

    # networkx before 3.0 knows GEXF 1.1draft and 1.2draft; 1.3 has the
    # same elements under its own namespace (networkx 3 registers it the
    # same way).
    if not any(v.get("NS_GEXF") == "http://gexf.net/1.3" for v in nxgexf.GEXF.versions.values()):
        nxgexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    h = nx.read_gexf(f"{d}/graph.gexf")
    check(h.graph.get("mode") == "dynamic", f"gexf: mode {h.graph.get('mode')!r}")
    check(h.number_of_nodes() == len(nodes), f"gexf: {h.number_of_nodes()} nodes, want {len(nodes)}")
    check(h.number_of_edges() == len(edges), f"gexf: {h.number_of_edges()} edges, want {len(edges)}")
    dated = 0
    for nid, data in nodes.items():
        if nid not in h.nodes:
            check(False, f"gexf: node {nid} missing")
            continue
        got = h.nodes[nid]
        check(got.get("label") == data["label"], f"gexf: node {nid} label {got.get('label')!r}")
        check(got.get("type") == data["type"], f"gexf: node {nid} type")
        if "text" in data:
            check(got.get("text") == data["text"], f"gexf: node {nid} text")
        if "date" in data:
            dated += 1
            check(got.get("start") == data["date"], f"gexf: node {nid} start {got.get('start')!r} != {data['date']}")
        else:
            check("start" not in got, f"gexf: undated node {nid} has a start")
    check(dated > 0, "gexf: no dated node to play on the timeline")
    for e in edges:
        check(h.has_edge(e["source"], e["target"]), f"gexf: edge {e['source']} -> {e['target']} missing")

    # Every document that reports the event is a node of the depth-2
    # selection around it, in both files.
    sources = json.load(open(f"{d}/sources.json", encoding="utf-8"))["items"]
    check(len(sources) > 1, "the event has fewer than two sources")
    for src in sources:
        doc = src["document"]["id"]
        check(doc in g.nodes and g.nodes[doc].get("type") == "document", f"graphml: source document {doc} is not a node")
        check(doc in h.nodes, f"gexf: source document {doc} is not a node")

    print(f"networkx {nx.__version__}: read {len(nodes)} nodes and {len(edges)} edges from GraphML and GEXF")
    for f in failed[:30]:
        print("FAIL:", f)
    print(f"networkx: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
