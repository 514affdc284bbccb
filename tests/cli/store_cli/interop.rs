//! Exports parse back in the tools people use: Graphviz, networkx.

use std::io::Write;
use std::process::{Command, Stdio};

use super::{have, have_networkx, Fixture};

fn python(script: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn json_export_reads_in_networkx() {
    if !have_networkx() {
        return;
    }
    let f = Fixture::new();
    let out = f.ok(&["export", "--format", "json"]);
    let script = r#"
import json, sys, inspect
import networkx as nx
data = json.load(sys.stdin)
kw = {"edges": "links"} if "edges" in inspect.signature(nx.node_link_graph).parameters else {}
g = nx.node_link_graph(data, **kw)
print(g.is_directed(), g.is_multigraph(), g.number_of_nodes(), g.number_of_edges(), g.nodes["entity:1"]["name"])
"#;
    assert_eq!(python(script, &out), "True True 16 28 Basem Naim");
}

#[test]
fn graphml_export_reads_in_networkx() {
    if !have_networkx() {
        return;
    }
    let f = Fixture::new();
    let out = f.ok(&["export", "--format", "graphml"]);
    let script = r#"
import sys, io
import networkx as nx
g = nx.read_graphml(io.BytesIO(sys.stdin.buffer.read()))
q = [d for n, d in g.nodes(data=True) if d.get("kind") == "quote"]
print(g.number_of_nodes(), g.number_of_edges(), len(q), type(g.nodes["entity:1"]["said"]).__name__, sorted(d["name"] for d in q)[-1])
"#;
    assert_eq!(python(script, &out), "16 28 5 int the tour was long for Trump");
}

#[test]
fn dot_and_svg_exports_render() {
    let f = Fixture::new();
    if !have("dot", &["-V"], "DOT and SVG exports") {
        let (code, _, err) = f.run(&["export", "--format", "svg"]);
        assert_eq!(code, 1);
        assert!(err.contains("Graphviz"), "{err}");
        return;
    }
    let svg = f.ok(&["export", "--format", "svg"]);
    assert!(svg.contains("<svg") && svg.contains("Basem Naim"), "{svg}");
    let svg = f.ok(&["export", "--format", "svg", "--entity", "Naim", "--depth", "2"]);
    assert!(svg.contains("<svg"));
}
