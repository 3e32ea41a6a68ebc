//! The command line as clap parses it: the low-level arguments. Values that
//! can be checked without reading any file (formats, edge kinds, dates) are
//! checked here, so that bad flags fail before any work starts.

use std::collections::BTreeSet;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::graph::EdgeKind;
use crate::query::Date;

#[derive(Debug, Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Read news articles into a knowledge graph of who said what about whom",
    after_help = "EXAMPLES:
  newsgraph extract articles/ -o graph.json
  newsgraph extract new.txt --into graph.json
  newsgraph said graph.json --by \"Jay Carney\" --about China
  newsgraph path graph.json \"Jay Carney\" China
  newsgraph neighbors graph.json China --format dot | dot -Tsvg > china.svg
  newsgraph stats graph.json
  newsgraph render graph.json --focus \"Jay Carney\" -o carney.png
  newsgraph view graph.json -o graph.html
  newsgraph edges graph.json --kind accused --to China
  newsgraph top graph.json accused

Exit status: 0 ok, 1 nothing found (no path, no statement matched), 2 error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Refuse a graph file larger than this (K, M, G: KiB, MiB, GiB); graphs are read whole
    #[arg(long, global = true, value_name = "SIZE", default_value = "1G", value_parser = parse_size)]
    pub max_graph_bytes: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Extract(ExtractArgs),
    Merge(MergeArgs),
    Export(ExportArgs),
    Said(SaidArgs),
    Path(PathArgs),
    Neighbors(NeighborsArgs),
    Stats(StatsArgs),
    Render(RenderArgs),
    View(ViewArgs),
    Edges(EdgesArgs),
    Top(TopArgs),
}

/// `--corrections FILE`, shared by the commands that resolve a graph.
#[derive(Debug, Args)]
pub struct CorrectionsArg {
    /// Corrections by hand (TSV: same/not/drop lines), added to those the graph stores
    #[arg(long, value_name = "FILE")]
    pub corrections: Option<PathBuf>,
}

/// A graph output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// The newsgraph/1 graph JSON
    Json,
    /// Graphviz
    Dot,
    /// For networkx and Gephi
    Graphml,
    /// A directory (-o DIR) of CSV files with load.cypher, for LadybugDB and Neo4j
    Csv,
    /// RDF with schema.org classes
    Turtle,
}

/// How `neighbors` shows its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewFormat {
    Text,
    Dot,
    Json,
    Graphml,
    Turtle,
}

/// Build a graph from articles.
#[derive(Debug, Args)]
#[command(
    after_help = "Each PATH is a .txt article, a directory (every *.txt file below it, \
in path order; an article's id is its path below the directory without .txt), or - for \
standard input. A file that cannot be read is reported and skipped; the graph of the others \
is still written, and the exit status is 2.

EXAMPLES:
  newsgraph extract story.txt
  newsgraph extract articles/ -o graph.json
  newsgraph extract articles/ --format dot | dot -Tsvg > graph.svg
  newsgraph extract articles/ --format csv -o graph-csv/
  newsgraph extract today/ --into graph.json
  cat story.txt | newsgraph extract - --data my-lexicon/
  newsgraph extract articles/ --corrections beat.tsv -o graph.json
  newsgraph extract --jsonl dump.jsonl -o graph.json
  newsgraph extract --jsonl - --emit graphs < shard.jsonl > shard-graphs.jsonl

--jsonl FILE: one article a line, a JSON object with \"id\" (a string or a whole number: \
the article's id) and \"text\" (the article: a headline line, a blank line, the body); \
other fields are ignored, blank lines skipped. A bad line is reported with its line number \
and skipped, and the exit status is 2.

--corrections FILE: one correction a line, fields separated by TABs: \
`same<TAB>NAME<TAB>NAME` (one entity), `not<TAB>NAME<TAB>ALIAS` (that alias is not this \
entity), `drop<TAB>NAME` (not an entity: it goes with its edges and the statements it \
said); `#` starts a comment. They apply to every article and are stored in the graph \
(graph.corrections), so later merges and queries keep them."
)]
pub struct ExtractArgs {
    /// Articles: .txt files, directories, or - for standard input
    #[arg(value_name = "PATH", required_unless_present = "jsonl")]
    pub paths: Vec<PathBuf>,
    /// Articles as JSON lines, one {"id": ..., "text": ...} a line (- for standard input; repeatable)
    #[arg(long, value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,
    /// What to write: one graph of all the articles, the same graph on one line, or one graph per article per line
    #[arg(long, value_enum, default_value = "graph")]
    pub emit: Emit,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: GraphFormat,
    /// Write to FILE (atomically) instead of standard output; a directory for --format csv
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        conflicts_with = "into",
        required_if_eq("format", "csv")
    )]
    pub output: Option<PathBuf>,
    /// Add the articles to this graph file (created if missing), in place
    #[arg(long, value_name = "GRAPH.json", conflicts_with = "format")]
    pub into: Option<PathBuf>,
    /// Directory of gazetteer files whose entries are added to the built-in tables of the same name
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Number of threads (default and most: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Skip (and report) an article larger than this (K, M, G: KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub max_article_bytes: u64,
    /// Print no warnings and no progress (errors still print)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// What `extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// One graph of all the articles (in --format)
    Graph,
    /// The same graph as JSON on one line (a JSON line that merge reads)
    Line,
    /// One graph per article, each a JSON line in input order, for the map stage of a map/reduce
    Graphs,
}

/// What `merge` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MergeEmit {
    /// The graph, pretty-printed JSON
    Graph,
    /// The graph as JSON on one line (a JSON line that merge reads)
    Line,
}

/// Merge graph files into one.
#[derive(Debug, Args)]
#[command(
    after_help = "Merging is a union: the order of the inputs does not matter and an \
article present in several inputs counts once. Nothing is written if an input cannot be read.

EXAMPLES:
  newsgraph merge monday.json tuesday.json -o week.json
  newsgraph merge part-*.json > all.json
  newsgraph merge all.json --corrections beat.tsv -o all.json
  newsgraph extract --jsonl shard-1.jsonl --emit graphs | newsgraph merge - -o shard-1.json

An input is a graph file or JSON lines of graphs, one a line (what extract --emit graphs \
and --emit line write). The corrections the inputs store are united (a `same` and a `not` \
on one pair is an error)."
)]
pub struct MergeArgs {
    /// Graph files or JSON lines of graphs (- for standard input)
    #[arg(value_name = "GRAPH.json", required = true)]
    pub graphs: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the graph pretty-printed, or on one line (to feed another merge)
    #[arg(long, value_enum, default_value = "graph")]
    pub emit: MergeEmit,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// Convert a graph file to another format.
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  newsgraph export graph.json --format dot -o graph.dot
  newsgraph export graph.json --format dot | dot -Tsvg > graph.svg
  newsgraph export old.json --format json -o normalised.json
  newsgraph export graph.json --format graphml -o graph.graphml
  newsgraph export graph.json --format csv -o graph-csv/   (then: cd graph-csv, run load.cypher)
  newsgraph export graph.json --format turtle -o graph.ttl

Formats are described in docs/FORMAT.md.")]
pub struct ExportArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: GraphFormat,
    /// Write to FILE (atomically) instead of standard output; a directory for --format csv
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        required_if_eq("format", "csv")
    )]
    pub output: Option<PathBuf>,
}

/// List statements: who said what, where.
#[derive(Debug, Args)]
#[command(
    after_help = "Names match the name or any alias of an entity, ignoring case and \
punctuation (\"U.S.\" = \"us\"). --about matches statements with an `about` edge to the \
entity or one of its names in the words; a name no entity has is looked for in the words.

--since and --until compare article dates (\"2015-05-18\", \"May 18, 2015\", \"Monday, May 18, \
2015\"). When either is given, articles whose date is unknown or has no year (\"May 30\") \
are left out.

Exit status 1 when no statement matched.

EXAMPLES:
  newsgraph said graph.json
  newsgraph said graph.json --by \"Jay Carney\"
  newsgraph said graph.json --by carney --about \"U.S.\"
  newsgraph said graph.json --about China --since 2013-05-01 --until \"June 30, 2013\"
  newsgraph said graph.json --by Obama --json | jq '.[].text'
  newsgraph said graph.json --by carney --evidence"
)]
pub struct SaidArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Only statements by this speaker
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Only statements about this entity (or containing these words)
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,
    /// Only from articles dated on or after DATE (undated articles are left out)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Only from articles dated on or before DATE (undated articles are left out)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<Date>,
    /// Show the sentence each statement was read in
    #[arg(long)]
    pub evidence: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// Find how two entities are connected.
#[derive(Debug, Args)]
#[command(
    after_help = "Edges are walked in both directions, and each hop is printed with \
its real direction (A -kind-> B, or A <-kind- B when the edge points back), followed by the \
sentences it was read in. Among paths with the fewest hops, those through specific nodes \
come first: a hop through a hub with hundreds of edges costs more. Exit status 1 when \
there is no path; with --all, the message gives the length of the shortest path when it \
is longer than --max-hops.

EXAMPLES:
  newsgraph path graph.json \"Jay Carney\" China
  newsgraph path graph.json Obama Xi --via said,about
  newsgraph path graph.json Obama Xi --avoid \"United States\" --avoid China
  newsgraph path graph.json \"United States\" China --all --max-hops 3
  newsgraph path graph.json Obama \"United Nations\" --json"
)]
pub struct PathArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Start: a name, alias or node id
    #[arg(value_name = "FROM")]
    pub from: String,
    /// End: a name, alias or node id
    #[arg(value_name = "TO")]
    pub to: String,
    /// Only walk edges of these kinds (comma-separated: said,about,accused,attends,cites,member_of,authored_by)
    #[arg(long, value_name = "KINDS", value_parser = parse_kinds)]
    pub via: Option<BTreeSet<EdgeKind>>,
    /// Print every simple path up to --max-hops, shortest first
    #[arg(long)]
    pub all: bool,
    /// Longest path --all looks for
    #[arg(long, value_name = "N", default_value_t = 4, requires = "all",
          value_parser = clap::value_parser!(u64).range(1..=10))]
    pub max_hops: u64,
    /// Most paths --all prints
    #[arg(long, value_name = "N", default_value_t = 50, requires = "all",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
    /// Never pass through this node (a name, alias or id; repeat for several)
    #[arg(long, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// Show what surrounds an entity.
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  newsgraph neighbors graph.json China
  newsgraph neighbors graph.json \"Jay Carney\" --depth 2
  newsgraph neighbors graph.json China --format dot | dot -Tsvg > china.svg
  newsgraph neighbors graph.json China --format json > china.json
  newsgraph neighbors graph.json China --format graphml > china.graphml")]
pub struct NeighborsArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// The entity: a name, alias or node id
    #[arg(value_name = "NAME")]
    pub name: String,
    /// How many hops out
    #[arg(long, short = 'd', value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Output format (dot is laid out around the entity)
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ViewFormat,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// Summarise a graph.
#[derive(Debug, Args)]
#[command(
    after_help = "Shows node and edge counts per kind, the number of articles, the \
most quoted speakers, the most connected actors (linked to the most other actors, directly \
or through a statement) and the names left unmerged because they fit several entities.

EXAMPLES:
  newsgraph stats graph.json
  newsgraph stats graph.json --top 25
  newsgraph stats graph.json --json"
)]
pub struct StatsArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// How many speakers and actors to rank
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// List the edges of some kinds, with how often and where they were read.
#[derive(Debug, Args)]
#[command(
    after_help = "--from and --to match the name or any alias of an entity like `said --by` \
(when a name is an entity's own name, only the entities of that name). Edges read in the \
most sentences come first; a denied edge (\"did not accuse\") is listed as `not KIND`. \
Exit status 1 when no edge matched.

EXAMPLES:
  newsgraph edges graph.json --kind accused
  newsgraph edges graph.json --kind accused --from \"Michael Howard\"
  newsgraph edges graph.json --kind accused,cites --to \"Tony Blair\" --json"
)]
pub struct EdgesArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Only edges of these kinds (comma-separated: said,about,accused,attends,cites,member_of,authored_by)
    #[arg(long, value_name = "KINDS", value_parser = parse_kinds)]
    pub kind: Option<BTreeSet<EdgeKind>>,
    /// Only edges from this entity
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// Only edges to this entity
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// How many sentences each edge shows (text output)
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub evidence: usize,
    /// Print JSON instead of text (every edge with all its evidence)
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// What `top` ranks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TopWhat {
    /// The most accused actors (by distinct accusers)
    Accused,
    /// Those who accuse most (by distinct actors accused)
    Accusers,
    /// The most cited reports and sources (by distinct citers)
    Cited,
    /// The most quoted speakers (by statements)
    Quoted,
    /// The most attended meetings (by distinct attendees)
    Attended,
}

/// Rank the nodes of one relation.
#[derive(Debug, Args)]
#[command(
    after_help = "Nodes rank by how many distinct counterparts they have in the relation \
(accusers, actors accused, citers, statements, attendees), then by how many sentences say \
so. Denied relations do not count. Exit status 1 when nothing ranks.

EXAMPLES:
  newsgraph top graph.json accused
  newsgraph top graph.json accusers --top 20
  newsgraph top graph.json cited --json"
)]
pub struct TopArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// What to rank
    #[arg(value_enum, value_name = "WHAT")]
    pub what: TopWhat,
    /// How many to show
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fix: CorrectionsArg,
}

/// `1000`, `64K`, `10M`, `1G` (binary units; a trailing `B` or `iB` is
/// allowed) -> bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t
        .strip_suffix("IB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(&t);
    let (digits, shift) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 10),
        Some('M') => (&t[..t.len() - 1], 20),
        Some('G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("not a size (try 500K, 10M or 1G): {s:?}"))
}

/// How `render` draws statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatementsArg {
    /// Show them for a handful, collapse more
    Auto,
    /// One "said about" edge per speaker and subject, labelled with the number of statements
    Collapse,
    /// Every statement a node
    Show,
}

/// A Graphviz layout engine for `render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    Dot,
    Neato,
    Sfdp,
    Twopi,
    Circo,
}

/// Draw a readable diagram with Graphviz.
#[derive(Debug, Args)]
#[command(
    after_help = "The picture format is the extension of -o: .svg, .png or .pdf (drawn by \
Graphviz, which must be installed: Debian/Ubuntu package `graphviz`), or .dot for the DOT \
text itself (no Graphviz needed; `dot -Tpng FILE.dot` draws it, the layout engine is named \
inside).

At most --max-nodes nodes are drawn: the strongest by mentions and evidence, connected to the \
focus; the caption says what was left out. A statement is no hop of its own: what a person \
spoke about is one hop away. With more than a handful of statements, each speaker's \
statements about one subject become one \"said about\" edge labelled with their number.

EXAMPLES:
  newsgraph render graph.json -o graph.svg
  newsgraph render graph.json --focus \"Tony Blair\" -o blair.png
  newsgraph render graph.json --focus Blair --depth 2 --max-nodes 40 -o blair.svg
  newsgraph render graph.json --kinds accused -o accusations.pdf
  newsgraph render graph.json --focus China --statements show -o china.dot"
)]
pub struct RenderArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// The picture: FILE.svg, FILE.png, FILE.pdf, or FILE.dot
    #[arg(long, short = 'o', value_name = "FILE", required = true, value_parser = parse_picture)]
    pub output: PathBuf,
    /// Draw what surrounds this entity (a name, alias or node id)
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// Hops around --focus
    #[arg(
        long,
        short = 'd',
        value_name = "N",
        default_value_t = 1,
        requires = "focus"
    )]
    pub depth: usize,
    /// Only edges of these kinds (comma-separated: said,about,accused,attends,cites,member_of,authored_by)
    #[arg(long, value_name = "KINDS", value_parser = parse_kinds)]
    pub kinds: Option<BTreeSet<EdgeKind>>,
    /// How statements are drawn
    #[arg(long, value_enum, default_value = "auto")]
    pub statements: StatementsArg,
    /// Most nodes drawn (the strongest are kept)
    #[arg(long, value_name = "N", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..=2000))]
    pub max_nodes: u64,
    /// Layout engine (default: dot for small graphs, sfdp for large ones, neato around a focus)
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
}

fn parse_picture(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg" | "png" | "pdf" | "dot") => Ok(path),
        _ => Err(format!(
            "{s:?}: the picture must end in .svg, .png, .pdf or .dot"
        )),
    }
}

/// Write the graph explorer: one HTML page that opens offline in a browser.
#[derive(Debug, Args)]
#[command(
    after_help = "The page holds the graph and everything it needs (cytoscape.js \
included): open it from disk, no server and no network. It starts with the most linked \
actors; search an actor by any of its names, click a node for its names, statements and \
every edge with the sentences it was read in, double-click to add its neighbours.

EXAMPLES:
  newsgraph view graph.json -o graph.html
  newsgraph extract articles/ | newsgraph view - -o today.html"
)]
pub struct ViewArgs {
    /// Graph file (- for standard input)
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| {
        format!("not a date with day, month and year (try 2015-05-18 or \"May 18, 2015\"): {s:?}")
    })
}

fn parse_kinds(s: &str) -> Result<BTreeSet<EdgeKind>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| {
            EdgeKind::parse(k).ok_or_else(|| {
                let all: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown edge kind {k:?} (expected {})", all.join(", "))
            })
        })
        .collect::<Result<BTreeSet<_>, _>>()
        .and_then(|set| {
            if set.is_empty() {
                Err("no edge kind given".to_string())
            } else {
                Ok(set)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_has_examples() {
        let mut cmd = Cli::command();
        cmd.build();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                help.contains("EXAMPLES:"),
                "{} has no examples",
                sub.get_name()
            );
        }
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("10MiB"), Ok(10 << 20));
        assert_eq!(parse_size("1gb"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999G").is_err());
    }

    #[test]
    fn kinds_and_dates_are_checked_while_parsing() {
        assert_eq!(parse_kinds("said, about").unwrap().len(), 2);
        assert!(parse_kinds("said,sued").unwrap_err().contains("\"sued\""));
        assert!(parse_kinds(",").is_err());
        assert!(parse_date("May 30").is_err());
        assert_eq!(
            parse_date("2015-05-18").unwrap(),
            Date::new(2015, 5, 18).unwrap()
        );
    }
}
