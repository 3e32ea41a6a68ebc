//! Relation rules as data: the pattern language of `data/rules/*.rules`
//! (and of a user's `--data DIR/relations.rules`), parsed and checked here;
//! `extract::pattern` matches them.
//!
//!
//! A rule names a construction, not a sentence:
//!
//! ```text
//! [attends.host-passive]
//! # A meeting hosted by an actor: the host attends it.
//! cue     = lemma:host,chair,convene
//! voice   = passive
//! edge    = agent -attends-> subject
//! require = agent:actor subject:meeting
//! example = Talks on the quotas were hosted by Norway. => Norway -attends-> talks
//! counter = Norway hosted a dinner for the delegates.
//! ```
//!
//! - `cue`: `verb:CLASS` (a class of `data/verbs.tsv`, multi-word forms
//!   included) or `lemma:A,B` (the verbs' regular forms are derived; list
//!   irregular forms as lemmas of their own);
//! - `voice`: `active`, `passive` or `any` (the default);
//! - `edge`: `ROLE -KIND-> ROLE`, with the roles `subject`, `object` and
//!   `agent` of [`super::arg`] and an edge kind of the graph;
//! - `require`: `ROLE:CLASS` with the classes `actor` (a person, nation or
//!   organization), `person`, `nation`, `organization`, `meeting`, `report`;
//! - `example = SENTENCE => SOURCE -KIND-> TARGET`, where SOURCE and TARGET
//!   are words of the entities' names; `counter = SENTENCE` yields nothing
//!   from this rule. Every rule has at least one of each.
//!
//! This module owns the language and its matching; the argument finder
//! ([`super::arg`]) owns the grammar.

use crate::error::{Error, Result};
use crate::graph::EdgeKind;
use crate::lexicon::VerbClass;

/// Voice of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

/// A role of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Subject,
    Object,
    Agent,
}

/// What may fill a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Actor,
    Person,
    Nation,
    Organization,
    Meeting,
    Report,
}

/// What a rule's verb must be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A verb of this class in the verb table.
    Verb(VerbClass),
    /// Any form of these lemmas.
    Lemmas(Vec<String>),
}

/// One rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub cue: Cue,
    pub voice: Option<Voice>,
    pub source: Role,
    pub kind: EdgeKind,
    pub target: Role,
    pub require: Vec<(Role, Class)>,
    /// (sentence, source words, kind, target words); read by the tests
    /// that run every rule's examples
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: Vec<(String, String, EdgeKind, String)>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub counters: Vec<String>,
    /// Forms of the cue lemmas, lower case.
    pub forms: Vec<String>,
}

/// The rules shipped in `data/rules/`, by file name.
pub const FILES: [(&str, &str); 1] = [(
    "relations.rules",
    include_str!("../../data/rules/relations.rules"),
)];

fn role(s: &str) -> Option<Role> {
    match s {
        "subject" => Some(Role::Subject),
        "object" => Some(Role::Object),
        "agent" => Some(Role::Agent),
        _ => None,
    }
}

fn class(s: &str) -> Option<Class> {
    Some(match s {
        "actor" => Class::Actor,
        "person" => Class::Person,
        "nation" => Class::Nation,
        "organization" => Class::Organization,
        "meeting" => Class::Meeting,
        "report" => Class::Report,
        _ => return None,
    })
}

fn edge_kind(s: &str) -> Option<EdgeKind> {
    Some(match s {
        "accused" => EdgeKind::Accused,
        "attends" => EdgeKind::Attends,
        "cites" => EdgeKind::Cites,
        "member_of" => EdgeKind::MemberOf,
        "authored_by" => EdgeKind::AuthoredBy,
        _ => return None,
    })
}

fn verb_class(s: &str) -> Option<VerbClass> {
    Some(match s {
        "accuse" => VerbClass::Accuse,
        "meet" => VerbClass::Meet,
        "cite" => VerbClass::Cite,
        "speech" => VerbClass::Speech,
        _ => return None,
    })
}

/// `SOURCE -KIND-> TARGET`.
fn arrow(s: &str) -> Option<(&str, EdgeKind, &str)> {
    let (src, rest) = s.split_once(" -")?;
    let (kind, dst) = rest.split_once("-> ")?;
    Some((src.trim(), edge_kind(kind.trim())?, dst.trim()))
}

/// The regular forms of a verb lemma: "host" gives host, hosts, hosted,
/// hosting; "carry" carries, carried, carrying; "release" releases,
/// released, releasing; "plan" also planned, planning.
pub fn forms(lemma: &str) -> Vec<String> {
    let l = lemma.to_lowercase();
    let mut out = vec![l.clone()];
    let b = l.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = l
        .strip_suffix('y')
        .filter(|s| s.bytes().last().is_some_and(|c| !vowel(c)))
    {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{l}ing"),
        ]);
    } else if let Some(stem) = l.strip_suffix('e') {
        out.extend([format!("{l}s"), format!("{l}d"), format!("{stem}ing")]);
    } else {
        let es = ["s", "x", "z", "ch", "sh"].iter().any(|e| l.ends_with(e));
        out.push(if es {
            format!("{l}es")
        } else {
            format!("{l}s")
        });
        // one short syllable ending consonant-vowel-consonant doubles: plan, planned
        let n = b.len();
        let cvc = n >= 3
            && !vowel(b[n - 1])
            && !b"wxy".contains(&b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && b.iter().filter(|&&c| vowel(c)).count() == 1;
        let d = if cvc {
            format!("{l}{}", b[n - 1] as char)
        } else {
            l.clone()
        };
        out.extend([format!("{d}ed"), format!("{d}ing")]);
    }
    out
}

/// Parse a rules file; errors name the file and line.
pub fn parse(name: &str, text: &str) -> Result<Vec<Rule>> {
    // per rule: its line, its settings (line, key, value), its id
    type Settings = Vec<(usize, String, String)>;
    let mut rules: Vec<(usize, Settings, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: String| Error::Data {
            table: name.to_string(),
            line: n + 1,
            reason,
        };
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if rules.iter().any(|r| r.2 == id) {
                return Err(bad(format!("rule {id:?} defined twice")));
            }
            rules.push((n + 1, Vec::new(), id.to_string()));
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(bad(format!(
                "expected KEY = VALUE or [rule.id], got {line:?}"
            )));
        };
        let Some(rule) = rules.last_mut() else {
            return Err(bad("a setting before the first [rule.id]".into()));
        };
        rule.1
            .push((n + 1, key.trim().to_string(), value.trim().to_string()));
    }
    rules
        .into_iter()
        .map(|(line, kv, id)| build(name, line, &id, kv))
        .collect()
}

fn build(name: &str, at: usize, id: &str, kv: Vec<(usize, String, String)>) -> Result<Rule> {
    let err = |line: usize, reason: String| Error::Data {
        table: name.to_string(),
        line,
        reason: format!("rule {id}: {reason}"),
    };
    let (mut cue, mut voice, mut edge, mut require) = (None, None, None, Vec::new());
    let (mut examples, mut counters) = (Vec::new(), Vec::new());
    for (line, key, value) in kv {
        match key.as_str() {
            "cue" => {
                cue = Some(if let Some(c) = value.strip_prefix("verb:") {
                    Cue::Verb(
                        verb_class(c)
                            .ok_or_else(|| err(line, format!("unknown verb class {c:?}")))?,
                    )
                } else if let Some(ls) = value.strip_prefix("lemma:") {
                    Cue::Lemmas(
                        ls.split(',')
                            .map(|l| l.trim().to_string())
                            .filter(|l| !l.is_empty())
                            .collect(),
                    )
                } else {
                    return Err(err(
                        line,
                        format!("a cue is verb:CLASS or lemma:A,B, not {value:?}"),
                    ));
                })
            }
            "voice" => {
                voice = match value.as_str() {
                    "active" => Some(Some(Voice::Active)),
                    "passive" => Some(Some(Voice::Passive)),
                    "any" => Some(None),
                    v => {
                        return Err(err(
                            line,
                            format!("voice is active, passive or any, not {v:?}"),
                        ));
                    }
                }
            }
            "edge" => {
                let (s, k, t) = arrow(&value).ok_or_else(|| {
                    err(line, format!("edge is ROLE -KIND-> ROLE, not {value:?}"))
                })?;
                let r = |x: &str| role(x).ok_or_else(|| err(line, format!("unknown role {x:?}")));
                edge = Some((r(s)?, k, r(t)?));
            }
            "require" => {
                for item in value.split_whitespace() {
                    let (r, c) = item
                        .split_once(':')
                        .and_then(|(r, c)| Some((role(r)?, class(c)?)))
                        .ok_or_else(|| err(line, format!("require is ROLE:CLASS, not {item:?}")))?;
                    require.push((r, c));
                }
            }
            "example" => {
                let (sentence, expect) = value.split_once(" => ").ok_or_else(|| {
                    err(
                        line,
                        "an example is SENTENCE => SOURCE -KIND-> TARGET".into(),
                    )
                })?;
                let (s, k, t) = arrow(expect)
                    .ok_or_else(|| err(line, format!("bad expected edge {expect:?}")))?;
                examples.push((sentence.trim().to_string(), s.to_string(), k, t.to_string()));
            }
            "counter" => counters.push(value),
            k => return Err(err(line, format!("unknown setting {k:?}"))),
        }
    }
    let cue = cue.ok_or_else(|| err(at, "no cue".into()))?;
    let (source, kind, target) = edge.ok_or_else(|| err(at, "no edge".into()))?;
    if examples.is_empty() || counters.is_empty() {
        return Err(err(
            at,
            "a rule needs an example and a counter-example".into(),
        ));
    }
    if let Some((_, _, k, _)) = examples.iter().find(|e| e.2 != kind) {
        return Err(err(
            at,
            format!("an example expects {k:?}, the rule makes {kind:?}"),
        ));
    }
    let forms = match &cue {
        Cue::Lemmas(ls) => ls.iter().flat_map(|l| forms(l)).collect(),
        Cue::Verb(_) => Vec::new(),
    };
    Ok(Rule {
        // rule ids live as long as the program, like the built-in ones
        id: Box::leak(id.to_string().into_boxed_str()),
        cue,
        voice: voice.flatten(),
        source,
        kind,
        target,
        require,
        examples,
        counters,
        forms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_of_lemmas() {
        assert_eq!(forms("host"), ["host", "hosts", "hosted", "hosting"]);
        assert_eq!(forms("carry"), ["carry", "carries", "carried", "carrying"]);
        assert_eq!(
            forms("release"),
            ["release", "releases", "released", "releasing"]
        );
        assert_eq!(forms("plan"), ["plan", "plans", "planned", "planning"]);
        assert_eq!(
            forms("publish"),
            ["publish", "publishes", "published", "publishing"]
        );
    }

    #[test]
    fn bad_rules_are_errors_that_name_the_line() {
        let e = parse("x.rules", "[a.b]\ncue = verb:shout\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.rules: line 2") && e.contains("shout"), "{e}");
        let e = parse(
            "x.rules",
            "[a.b]\ncue = verb:accuse\nedge = subject -accused-> object\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("counter-example"), "{e}");
        let e = parse("x.rules", "cue = verb:accuse\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
        let e = parse("x.rules", "[a]\nedge = subject -likes-> object\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("edge is"), "{e}");
    }

    #[test]
    fn the_shipped_rules_parse() {
        let n: usize = FILES
            .iter()
            .map(|(name, text)| parse(name, text).unwrap().len())
            .sum();
        assert!(n >= 5);
    }
}
