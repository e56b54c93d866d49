//! The claim graph for people (Graphviz DOT) and for tools (JSON): subjects, roles and persons
//! with the claims linked to them, and the edges that linked them. Claims that nothing links
//! are left out, so the picture shows what the checks compare.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::claims::{ClaimRecord, claim_record};
use crate::documents::Document;
use crate::extract::Claim;
use crate::link::{ClaimGraph, Edge, Node};

/// One node of the exported graph.
#[derive(Debug, Serialize)]
pub struct GraphNode {
    pub id: String,
    pub kind: &'static str,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimRecord>,
    /// A subject declared in a rule file, as opposed to one found by heuristics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<bool>,
}

/// One edge of the exported graph.
#[derive(Debug, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct GraphExport {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

fn node_id(node: &Node) -> String {
    match node {
        Node::Claim(i) => format!("claim:{i}"),
        Node::Subject(i) => format!("subject:{i}"),
        Node::Person(i) => format!("person:{i}"),
        Node::Role(i) => format!("role:{i}"),
    }
}

fn edge_kind(edge: Edge) -> &'static str {
    match edge {
        Edge::About => "about",
        Edge::Names => "names",
        Edge::Holds => "holds",
        Edge::Alias => "alias",
        Edge::NameVariant => "name-variant",
    }
}

/// The nodes that take part in at least one edge, and every edge, in a stable order.
pub fn export(documents: &[Document], claims: &[Claim], graph: &ClaimGraph) -> GraphExport {
    let g = &graph.graph;
    let mut nodes = Vec::new();
    for index in g.node_indices() {
        if g.edges_directed(index, petgraph::Direction::Outgoing).next().is_none()
            && g.edges_directed(index, petgraph::Direction::Incoming).next().is_none()
        {
            continue;
        }
        let node = &g[index];
        let (kind, label, claim, declared) = match node {
            Node::Claim(i) => {
                let record = claim_record(documents, claims, Some(graph), *i);
                let label = format!("{} ({}:{})", record.text, record.file, record.line);
                ("claim", label, Some(record), None)
            }
            Node::Subject(i) => {
                let subject = &graph.subjects[*i];
                ("subject", subject.key.clone(), None, Some(subject.declared))
            }
            Node::Role(i) => ("role", graph.roles[*i].label.clone(), None, None),
            Node::Person(i) => ("person", graph.persons[*i].name.clone(), None, None),
        };
        nodes.push(GraphNode {
            id: node_id(node),
            kind,
            label,
            claim,
            declared,
        });
    }
    let edges = g
        .edge_references()
        .map(|e| GraphEdge {
            from: node_id(&g[e.source()]),
            to: node_id(&g[e.target()]),
            kind: edge_kind(*e.weight()),
        })
        .collect();
    GraphExport { nodes, edges }
}

pub fn write_graph_json(out: &mut dyn Write, export: &GraphExport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, export)?;
    writeln!(out)
}

/// A DOT string literal. A line break is a space; other control characters are shown as
/// escapes (`escape::visible`), whose backslashes are then escaped like any other.
fn quoted(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let text = super::escape::visible(&text);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn write_graph_dot(out: &mut dyn Write, export: &GraphExport) -> io::Result<()> {
    writeln!(out, "digraph claims {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    for node in &export.nodes {
        let shape = match node.kind {
            "subject" => "box, style=bold",
            "role" => "hexagon",
            "person" => "octagon",
            _ => "note",
        };
        writeln!(
            out,
            "  {} [label={}, shape={shape}];",
            quoted(&node.id),
            quoted(&node.label)
        )?;
    }
    for edge in &export.edges {
        let style = if edge.kind == "name-variant" {
            ", style=dashed, color=red"
        } else {
            ""
        };
        writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            quoted(&edge.from),
            quoted(&edge.to),
            quoted(edge.kind)
        )?;
    }
    writeln!(out, "}}")
}
