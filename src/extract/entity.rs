//! From mentions to the entities of one article: full names group their
//! later short forms ("Carney", "Ms Hewitt", "President Xi"), candidate
//! names become people only with evidence (a title, an honorific, a speech
//! verb, a given name), nations and known organizations group by gazetteer
//! entry.

use std::collections::{BTreeSet, HashMap};

use crate::graph::NodeKind;
use crate::lexicon::{Lexicon, NounClass, VerbClass, WordClass};

use super::mention::{Kind, Mention};
use super::token::{SentToks, Tok};

/// An entity of the article.
#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: NodeKind,
    pub name: String,
    /// Every surface form, `name` included.
    pub names: BTreeSet<String>,
    pub mentions: u32,
    /// Gazetteer nation, for nations and for organizations tied to one.
    pub nation: Option<usize>,
    /// true = female, false = male, from honorifics.
    pub female: Option<bool>,
    /// Lower-case title words used with the name ("president", "minister").
    pub titles: BTreeSet<String>,
    /// A meeting or report named only by a bare phrase ("the summit"): a
    /// node only when a relation reaches it.
    pub latent: bool,
}

/// The entities and which mention names which.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// `of[s][m]`: the entity of mention `m` of sentence `s`.
    pub of: Vec<Vec<Option<usize>>>,
    /// `bare[s][m]`: the latent entity of a bare meeting or report phrase
    /// ("the summit", with no name and none before it), which `of` leaves
    /// out; only the relation rules read it.
    pub bare: Vec<Vec<Option<usize>>>,
    /// Entities by (kind, grouping key).
    by_key: HashMap<(NodeKind, String), usize>,
    /// The first organization with these initials ("ONGC"), so that an
    /// acronym finds its name without a scan of every entity.
    by_initials: HashMap<String, usize>,
}

impl Entities {
    /// The entity of `kind` under `key`, made with `name` if there is none
    /// yet; the flag says whether it was made now.
    fn intern(&mut self, kind: NodeKind, key: String, name: &str, lex: &Lexicon) -> (usize, bool) {
        if let Some(&e) = self.by_key.get(&(kind, key.clone())) {
            return (e, false);
        }
        self.list.push(new_entity(kind, name));
        let e = self.list.len() - 1;
        self.by_key.insert((kind, key), e);
        if kind == NodeKind::Organization {
            self.by_initials.entry(initials(name, lex)).or_insert(e);
        }
        (e, true)
    }
}

/// True when a speech verb follows token `end` (after the fillers of
/// [`WordClass::VerbFiller`]: "has also said").
pub fn speech_follows(toks: &[Tok<'_>], end: usize, lex: &Lexicon) -> bool {
    let mut j = end;
    while j < toks.len() && toks[j].is_exactly(WordClass::VerbFiller) {
        j += 1;
    }
    toks.get(j)
        .and_then(|t| lex.verb(t.lower))
        .is_some_and(|(c, _)| c == VerbClass::Speech)
}

/// True when a speech verb comes right before token `start` ("said Mr Smith").
fn speech_precedes(toks: &[Tok<'_>], start: usize, lex: &Lexicon) -> bool {
    start > 0
        && lex
            .verb(toks[start - 1].lower)
            .is_some_and(|(c, _)| c == VerbClass::Speech)
}

/// A comma and a lower-case title follow the name ("David Frost, director general of ...").
fn apposition_title_follows(toks: &[Tok<'_>], end: usize, lex: &Lexicon) -> bool {
    toks.get(end).is_some_and(|t| t.text == ",")
        && toks[end + 1..]
            .iter()
            .take(4)
            .any(|t| lex.is_title_head(t.lower) && !t.cap)
}

/// The name set off after a lower-case title ("the mayor's top aide, Tiko
/// Varden, said"; "its chief executive, Ann Lee"): an apposition names a person.
fn apposition_title_precedes(toks: &[Tok<'_>], start: usize, lex: &Lexicon) -> bool {
    start >= 2
        && toks[start - 1].text == ","
        && !toks[start - 2].cap
        && lex.is_title_head(toks[start - 2].lower)
}

/// An age set off after the name ("Rosa Vidal, 42, said"): only people have one.
fn age_follows(toks: &[Tok<'_>], end: usize) -> bool {
    toks.get(end).is_some_and(|t| t.text == ",")
        && toks.get(end + 1).is_some_and(|t| {
            t.text.len() <= 3 && t.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
        })
        && toks.get(end + 2).is_some_and(|t| t.text == ",")
}

/// A description set off by commas, then a speech verb ("Rosa Vidal, a cook at the
/// harbour cafe, said"): the description opens with "a" or "an" and names no company
/// or body ("Blue Fin, a fishing firm, said" is not a person).
fn speech_after_description(toks: &[Tok<'_>], end: usize, lex: &Lexicon) -> bool {
    let opens = toks.get(end).is_some_and(|t| t.text == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| matches!(t.lower, "a" | "an"));
    if !opens {
        return false;
    }
    let Some(close) = (end + 2..toks.len().min(end + 14)).find(|&k| toks[k].text == ",") else {
        return false;
    };
    toks[end + 2..close].iter().all(|t| {
        t.is_word()
            && !t.is_exactly(WordClass::OrgCue)
            && !matches!(lex.noun(t.lower), Some(NounClass::Org | NounClass::Group))
    }) && speech_follows(toks, close + 1, lex)
}

/// Group the mentions of every sentence into entities.
/// Group the mentions of every sentence into entities. The headline's
/// mentions (`title`) count towards nations and organizations, and towards
/// people named in the body, but never introduce a person.
pub fn resolve(
    sents: &[SentToks<'_>],
    mentions: &[Vec<Mention>],
    title: Option<(&SentToks<'_>, &[Mention])>,
    lex: &Lexicon,
) -> Entities {
    let mut ents = Entities {
        list: Vec::new(),
        of: mentions.iter().map(|ms| vec![None; ms.len()]).collect(),
        bare: mentions.iter().map(|ms| vec![None; ms.len()]).collect(),
        by_key: HashMap::new(),
        by_initials: HashMap::new(),
    };
    // surnames used with an honorific or a title anywhere in the article
    let mut titled_single: HashMap<&str, bool> = HashMap::new();
    for ms in mentions {
        for m in ms {
            if m.kind == Kind::Person && !m.name.contains(' ') {
                titled_single.insert(m.name.as_str(), true);
            }
        }
    }
    let last_token = |name: &str| name.rsplit([' ', '-']).next().unwrap_or(name).to_string();

    // 1. full names: people with evidence
    let mut persons: Vec<(usize, String, String)> = Vec::new(); // (entity, last token, first token)
    // positions in `persons` by last and by first token, so that a surname
    // finds its full names without a scan of every person
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    type Index = HashMap<String, Vec<usize>>;
    fn add_person(
        persons: &mut Vec<(usize, String, String)>,
        (by_last, by_first): (&mut Index, &mut Index),
        p: (usize, String, String),
    ) {
        by_last.entry(p.1.clone()).or_default().push(persons.len());
        by_first.entry(p.2.clone()).or_default().push(persons.len());
        persons.push(p);
    }
    for (s, ms) in mentions.iter().enumerate() {
        let toks = &sents[s].toks;
        for (k, m) in ms.iter().enumerate() {
            let multi = m.name.contains(' ') || m.name.contains('-');
            let person = match m.kind {
                Kind::Person => multi,
                Kind::MaybePerson => {
                    speech_follows(toks, m.end, lex)
                        || speech_precedes(toks, m.start, lex)
                        || apposition_title_follows(toks, m.end, lex)
                        || apposition_title_precedes(toks, m.start, lex)
                        || age_follows(toks, m.end)
                        || speech_after_description(toks, m.end, lex)
                        || titled_single.contains_key(last_token(&m.name).as_str())
                        || lex.is_given_name(m.name.split(' ').next().unwrap_or(""))
                }
                _ => false,
            };
            if !person {
                continue;
            }
            let (e, new) = ents.intern(NodeKind::Person, person_key(&m.name), &m.name, lex);
            if new {
                let first = m.name.split(' ').next().unwrap_or("").to_string();
                ents.list[e].female = lex.given_name_gender(&first);
                add_person(
                    &mut persons,
                    (&mut by_last, &mut by_first),
                    (e, last_token(&m.name), first),
                );
            }
            ents.of[s][k] = Some(e);
        }
    }

    // 2. everything else, in text order, so a short form links to the nearest full name before it
    let mut last_seen: HashMap<usize, (usize, usize)> = HashMap::new();
    // the organization seen last, by its last word in ASCII lower case ("board")
    let mut last_org: HashMap<String, usize> = HashMap::new();
    let org_word = |ents: &Entities, e: usize| {
        let ent = &ents.list[e];
        (ent.kind == NodeKind::Organization)
            .then(|| ent.name.rsplit(' ').next().map(str::to_ascii_lowercase))
            .flatten()
    };
    let mut last_nominal: HashMap<NodeKind, usize> = HashMap::new();
    // the last phrase introduced with "a" ("a two-year study"), by kind and head word:
    // what a later "the study" refers to when nothing more specific was named
    let mut last_introduced: HashMap<(NodeKind, String), usize> = HashMap::new();
    for (s, ms) in mentions.iter().enumerate() {
        let toks = &sents[s].toks;
        for (k, m) in ms.iter().enumerate() {
            let mut given_only = false;
            if let Some(e) = ents.of[s][k] {
                last_seen.insert(e, (s, k));
                if let Some(w) = org_word(&ents, e) {
                    last_org.insert(w, e);
                }
                continue;
            }
            let e = match &m.kind {
                Kind::Nation(n, _) => {
                    let name = &lex.nations[*n].name;
                    let (e, _) = ents.intern(NodeKind::Nation, name.clone(), name, lex);
                    ents.list[e].nation = Some(*n);
                    Some(e)
                }
                Kind::Org(None) if m.end - m.start == 1 && toks[m.start].is_acronym() => {
                    acronym(&ents, ms, &ents.of[s], toks, k).or_else(|| {
                        acronym_evidence(toks, m.start).then(|| {
                            ents.intern(NodeKind::Organization, org_key(&m.name), &m.name, lex)
                                .0
                        })
                    })
                }
                Kind::Org(idx) => {
                    let (name, nation) = match idx {
                        Some(o) => (
                            lex.organizations[*o].name.clone(),
                            lex.organizations[*o].nation,
                        ),
                        None => (m.name.clone(), None),
                    };
                    let (e, new) = ents.intern(NodeKind::Organization, org_key(&name), &name, lex);
                    if new {
                        ents.list[e].nation = nation;
                    }
                    Some(e)
                }
                Kind::OrgRef => {
                    // the organization seen last whose last word this is
                    let word = m.name.to_lowercase().to_ascii_lowercase();
                    last_org.get(&word).copied()
                }
                Kind::Meeting | Kind::Report => {
                    let kind = if m.kind == Kind::Meeting {
                        NodeKind::Meeting
                    } else {
                        NodeKind::Report
                    };
                    let specific = m.nominal.as_ref().is_some_and(|n| n.specific);
                    // "a report released on Monday" is a new one; "the report
                    // in her speech" is the last one named, if any
                    let new_one = m.nominal.as_ref().is_some_and(|n| {
                        n.bare
                            && !n
                                .determiner
                                .as_deref()
                                .is_some_and(|d| lex.word_in(WordClass::DefiniteDeterminer, d))
                    });
                    if specific {
                        let (e, _) = ents.intern(kind, m.name.to_lowercase(), &m.name, lex);
                        ents.list[e].latent = false;
                        last_nominal.insert(kind, e);
                        Some(e)
                    } else if let Some(&e) = last_nominal.get(&kind).filter(|_| !new_one) {
                        // "the summit": the last one named
                        Some(e)
                    } else if let Some(&e) = m
                        .nominal
                        .as_ref()
                        .filter(|_| !new_one)
                        .and_then(|n| last_introduced.get(&(kind, toks[n.head].lower.to_string())))
                    {
                        // "a two-year study ... The study predicts": the one introduced,
                        // now a node of its own
                        ents.list[e].latent = false;
                        last_nominal.insert(kind, e);
                        Some(e)
                    } else {
                        let (e, new) = ents.intern(kind, m.name.to_lowercase(), &m.name, lex);
                        if new {
                            ents.list[e].latent = true;
                        }
                        // introduced by "a"/"an" (not "any" or "no") with a word that
                        // tells it apart ("a two-year study", not "a report")
                        if let Some(n) = m.nominal.as_ref().filter(|n| {
                            new_one
                                && matches!(n.determiner.as_deref(), Some("a" | "an"))
                                && m.name.contains(' ')
                        }) {
                            last_introduced.insert((kind, toks[n.head].lower.to_string()), e);
                        }
                        let ent = &mut ents.list[e];
                        ent.mentions += 1;
                        ent.names.insert(sents_text(toks, m.start, m.end));
                        ents.bare[s][k] = Some(e);
                        None
                    }
                }
                Kind::Single | Kind::Person | Kind::MaybePerson if !m.name.contains(' ') => {
                    let word = m.name.as_str();
                    // "Mrs Howard" is not Michael Howard when he is "Mr Howard"
                    let gender = m
                        .honorific
                        .as_deref()
                        .and_then(|h| honorific_gender(h, lex));
                    let fits = |e: usize| {
                        gender.is_none()
                            || ents.list[e].female.is_none()
                            || ents.list[e].female == gender
                    };
                    // full names ending in the word, or opening with a family name written first
                    let mut at: Vec<usize> = by_last.get(word).cloned().unwrap_or_default();
                    if lex.is_surname_first(word)
                        && let Some(more) = by_first.get(word)
                    {
                        at.extend(more);
                        at.sort_unstable();
                        at.dedup();
                    }
                    let cands: Vec<usize> = at
                        .iter()
                        .map(|&p| persons[p].0)
                        .filter(|&e| fits(e))
                        .collect();
                    // a family name written first ("Xi" for Xi Jinping), not a bare given name ("Tony")
                    let first_ok = !lex.is_given_name(word) || lex.is_surname_first(word);
                    let by_given = || -> Vec<usize> {
                        let mut es: Vec<usize> = by_first
                            .get(word)
                            .into_iter()
                            .flatten()
                            .map(|&p| persons[p].0)
                            .filter(|&e| fits(e))
                            .collect();
                        es.dedup();
                        es
                    };
                    let cands = if !cands.is_empty() {
                        cands
                    } else if first_ok {
                        by_given()
                    } else {
                        // a bare given name ("Anna") is the one person of the
                        // article named so, and only when two people share
                        // that person's surname: relatives told apart by
                        // their given names
                        let es = by_given();
                        let shared = |e: usize| {
                            persons.iter().find(|p| p.0 == e).is_some_and(|q| {
                                persons.iter().any(|p| p.0 != e && p.1 == q.1)
                            })
                        };
                        if es.len() == 1 && shared(es[0]) {
                            // the surname alone stays with whoever it last named
                            given_only = true;
                            es
                        } else {
                            Vec::new()
                        }
                    };
                    super::budget::spend(at.len() as u64);
                    let pick = cands.iter().copied().max_by_key(|e| {
                        last_seen
                            .get(e)
                            .copied()
                            .map(|(a, b)| (1, a, b))
                            .unwrap_or((0, 0, 0))
                    });
                    match pick {
                        Some(e) => {
                            if ents.list[e].female.is_none() {
                                ents.list[e].female = gender;
                            }
                            Some(e)
                        }
                        None => {
                            // a lone word is a surname only with an honorific or a title
                            // somewhere in the article ("Mr Straw"); one that only speaks
                            // ("Southcorp said") is as often a company
                            let evidence =
                                m.kind == Kind::Person || titled_single.contains_key(word);
                            let given_ok = (!lex.is_given_name(word) || m.honorific.is_some())
                                && surname_like(word, lex);
                            if m.kind == Kind::Single && org_context(toks, m.start, lex) {
                                // "Paul Roe, head of Acme": Acme is an organization
                                Some(
                                    ents.intern(NodeKind::Organization, org_key(word), word, lex)
                                        .0,
                                )
                            } else if evidence && given_ok && !lex.is_region(word) {
                                // "Mrs Howard" and "Mr Howard" in one article are two people
                                let taken = ents
                                    .by_key
                                    .get(&(NodeKind::Person, word.to_string()))
                                    .is_some_and(|&e| !fits(e));
                                let key = match (&m.honorific, taken) {
                                    (Some(h), true) => {
                                        format!("{} {word}", h.trim_end_matches('.'))
                                    }
                                    _ => word.to_string(),
                                };
                                let (e, new) =
                                    ents.intern(NodeKind::Person, key.clone(), &key, lex);
                                if new {
                                    ents.list[e].female = gender;
                                    add_person(
                                        &mut persons,
                                        (&mut by_last, &mut by_first),
                                        (e, word.to_string(), String::new()),
                                    );
                                }
                                Some(e)
                            } else {
                                None
                            }
                        }
                    }
                }
                _ => None,
            };
            if let Some(e) = e {
                ents.of[s][k] = Some(e);
                if !given_only {
                    last_seen.insert(e, (s, k));
                }
                if let Some(w) = org_word(&ents, e) {
                    last_org.insert(w, e);
                }
            }
        }
    }

    // an acronym met before the name it abbreviates ("KPA" ... "Korean People's Army")
    let mut full_by_initials: HashMap<String, usize> = HashMap::new();
    for (f, ent) in ents.list.iter().enumerate() {
        if ent.kind == NodeKind::Organization && ent.name.contains(' ') {
            full_by_initials
                .entry(initials(&ent.name, lex))
                .or_insert(f);
        }
    }
    let short_of: HashMap<usize, usize> = ents
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == NodeKind::Organization
                && e.name.len() >= 2
                && e.name.chars().all(|c| c.is_ascii_uppercase())
        })
        .filter_map(|(a, e)| Some((a, *full_by_initials.get(&e.name)?)))
        .collect();
    for e in ents.of.iter_mut().flatten().flatten() {
        if let Some(&full) = short_of.get(e) {
            *e = full;
        }
    }

    // the headline
    if let Some((tsent, tms)) = title {
        for m in tms {
            let key = match &m.kind {
                Kind::Nation(n, _) => Some((NodeKind::Nation, lex.nations[*n].name.clone())),
                Kind::Org(Some(o)) => {
                    Some((NodeKind::Organization, org_key(&lex.organizations[*o].name)))
                }
                Kind::Single => {
                    let hit = by_last.get(&m.name).map(|at| persons[at[0]].0);
                    if let Some(e) = hit {
                        ents.list[e].mentions += 1;
                    }
                    None
                }
                _ => None,
            };
            let Some((kind, key)) = key else { continue };
            let (e, _) = ents.intern(kind, key, &m.name, lex);
            if let Kind::Nation(n, _) = m.kind {
                ents.list[e].nation = Some(n);
            }
            let ent = &mut ents.list[e];
            ent.mentions += 1;
            ent.names.insert(sents_text(&tsent.toks, m.start, m.end));
        }
    }

    // 3. names, counts, gender
    for (s, ms) in mentions.iter().enumerate() {
        let text_of = |a: usize, b: usize| -> String {
            let t = &sents[s].toks;
            sents_text(t, a, b)
        };
        for (k, m) in ms.iter().enumerate() {
            let Some(e) = ents.of[s][k] else { continue };
            let ent = &mut ents.list[e];
            ent.mentions += 1;
            ent.names.insert(text_of(m.start, m.end));
            if let Some(n) = &m.nominal
                && n.specific
            {
                ent.names.insert(m.name.clone());
                ent.names.extend(n.aliases.iter().cloned());
            }
            if m.titled_start < m.start {
                ent.names.insert(text_of(m.titled_start, m.end));
                if let Some(t) = &m.title {
                    ent.titles.extend(t.split(' ').map(str::to_lowercase));
                }
                if let Some(g) = m
                    .honorific
                    .as_deref()
                    .and_then(|h| honorific_gender(h, lex))
                {
                    ent.female.get_or_insert(g);
                }
            }
        }
    }
    ents
}

/// An acronym that names an organization of the article: "(ONGC)" right
/// after its full name, or the initials of one ("KPA" for Korean People's Army).
fn acronym(
    ents: &Entities,
    ms: &[Mention],
    of: &[Option<usize>],
    toks: &[Tok<'_>],
    k: usize,
) -> Option<usize> {
    let m = &ms[k];
    let word: String = m.name.chars().filter(|c| c.is_alphanumeric()).collect();
    if is_roman_numeral(&word) {
        return None;
    }
    if m.start >= 1 && toks[m.start - 1].text == "(" {
        let prev = (0..k).rev().find(|&p| ms[p].end + 1 == m.start);
        if let Some(e) = prev.and_then(|p| of[p])
            && ents.list[e].kind == NodeKind::Organization
        {
            return Some(e);
        }
    }
    if let Some(&e) = ents.by_key.get(&(NodeKind::Organization, org_key(&m.name))) {
        return Some(e);
    }
    ents.by_initials
        .get(&word)
        .copied()
        .filter(|_| word.len() >= 2)
}

/// The initials of a name, skipping small words: "Oil and Natural Gas Corporation" -> "ONGC".
fn initials(name: &str, lex: &Lexicon) -> String {
    name.split([' ', '-'])
        .filter(|w| !lex.word_in(WordClass::InitialsSkip, w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// An unknown acronym acts as an organization when it speaks, owns or is cited.
fn acronym_evidence(toks: &[Tok<'_>], start: usize) -> bool {
    let next = toks.get(start + 1);
    next.is_some_and(|t| t.is_possessive())
        || (start >= 1 && toks[start - 1].in_class(WordClass::AcronymCue))
        || (start >= 2 && toks[start - 2].in_class(WordClass::SourceOpener))
}

/// A lone capitalised word after "head of", "chairman of", ", of", "at": an organization.
fn org_context(toks: &[Tok<'_>], start: usize, lex: &Lexicon) -> bool {
    // "security firm Preventon", "shares in Guidant", "a bid for Rosneft"
    if start >= 1 && toks[start - 1].is_exactly(WordClass::OrgCue) {
        return true;
    }
    // "according to Gallup", "according to The Sentinel": a lone name given as a source
    // is an outlet or a body (a person would be named in full or with a title)
    let mut j = start;
    if j > 0 && toks[j - 1].in_class(WordClass::Article) {
        j -= 1;
    }
    if j >= 2 && toks[j - 1].lower == "to" && toks[j - 2].in_class(WordClass::SourceOpener) {
        return true;
    }
    if start < 2 || !toks[start - 1].is_exactly(WordClass::AffiliationPreposition) {
        return false;
    }
    let before = &toks[start - 2];
    before.text == "," || (lex.is_title_head(before.lower) && !before.cap)
}

/// true for a female honorific ("Mrs", "Ms", "Baroness"), false for a male one, None otherwise.
fn honorific_gender(h: &str, lex: &Lexicon) -> Option<bool> {
    let h = h.trim_end_matches('.').to_lowercase();
    if lex.word_in(WordClass::FemaleHonorific, &h) {
        Some(true)
    } else if lex.word_in(WordClass::MaleHonorific, &h) {
        Some(false)
    } else {
        None
    }
}

/// A lone word that can be a surname: not an initial, an acronym's plural
/// ("MPs"), an organization word ("Parliament") or a common word.
fn surname_like(word: &str, lex: &Lexicon) -> bool {
    let mut chars = word.chars();
    let two_caps = chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_uppercase);
    word.chars().count() > 1
        && !two_caps
        && !lex.is_stopcap(word)
        && lex.noun(word).is_none()
        && lex.organization(word).is_none()
}

fn sents_text(toks: &[Tok<'_>], a: usize, b: usize) -> String {
    let mut s = String::new();
    for (i, t) in toks[a..b].iter().enumerate() {
        if i > 0 && toks[a + i - 1].span.end < t.span.start {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

fn new_entity(kind: NodeKind, name: &str) -> Entity {
    Entity {
        kind,
        name: name.to_string(),
        names: BTreeSet::new(),
        mentions: 0,
        nation: None,
        female: None,
        titles: BTreeSet::new(),
        latent: false,
    }
}

/// People group on their name without middle initials ("George W. Bush" = "George Bush").
fn person_key(name: &str) -> String {
    name.split(' ')
        .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Organizations group case-insensitively, without a leading "the".
fn org_key(name: &str) -> String {
    let l = name.to_lowercase();
    l.strip_prefix("the ").unwrap_or(&l).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_input;

    /// The entities of an article, as `kind:name x mentions (other names)`.
    fn entities(title: &str, body: &str) -> Vec<String> {
        let text = format!("{title}\n\n{body}\n");
        with_input(&text, |inp| {
            inp.ents
                .list
                .iter()
                .filter(|e| e.mentions > 0)
                .map(|e| {
                    let others: Vec<&str> = e
                        .names
                        .iter()
                        .map(String::as_str)
                        .filter(|n| *n != e.name)
                        .collect();
                    format!(
                        "{}:{} x{} ({})",
                        e.kind.as_str(),
                        e.name,
                        e.mentions,
                        others.join("|")
                    )
                })
                .collect()
        })
    }

    #[test]
    fn names_group_into_entities() {
        for (title, body, want) in [
            // a full name groups its later surname
            (
                "Fish talks",
                "Jane Lind said the fleet was too large. Lind added that the quota would stay.",
                "person:Jane Lind x2 (Lind)",
            ),
            // a name set off after a title, though its given name is not in the table
            (
                "Fish talks",
                "The mayor's top aide, Tiko Varden, told reporters the port would reopen.",
                "person:Tiko Varden x1 ()",
            ),
            // relatives who share a surname are told apart by given name
            (
                "Fish talks",
                "Rosa Lind and her brother Emil Lind run the fleet. Emil said the quota was unfair.",
                "person:Emil Lind x2 (Emil)",
            ),
            // a middle initial does not make a second person
            (
                "Fish talks",
                "George W. Keltic said the fleet was too large. George Keltic left.",
                "person:George W. Keltic x2 (George Keltic)",
            ),
            // an unknown name is a person when it speaks ...
            (
                "Fish talks",
                "Zorvan Keltic said the fleet was too large.",
                "person:Zorvan Keltic x1 ()",
            ),
            // a lone name given as a source is an outlet or a body
            (
                "Fish talks",
                "The catch fell by half, according to The Keltwatch.",
                "organization:Keltwatch x1 ()",
            ),
            // ... or has an age set off after the name ...
            (
                "Fish talks",
                "Zorvan Keltic, 54, left the port on Monday.",
                "person:Zorvan Keltic x1 ()",
            ),
            // ... or speaks after a description set off by commas
            (
                "Fish talks",
                "Zelvira Oyvanger, a cook at the harbour cafe, told reporters the boats were late.",
                "person:Zelvira Oyvanger x1 ()",
            ),
            // ... or holds a title after a comma
            (
                "Fish talks",
                "Zorvan Keltic, director of the port, left on Monday.",
                "person:Zorvan Keltic x1 ()",
            ),
            // ... or its surname has an honorific somewhere in the article
            (
                "Fish talks",
                "Zorvan Keltic arrived in Oslo on Monday. Mr Keltic left on Tuesday.",
                "person:Zorvan Keltic x2 (Keltic|Mr Keltic)",
            ),
            // a lone surname is a person when an honorific names it somewhere
            (
                "Fish talks",
                "Mr Keltic arrived in Oslo. Keltic said the fleet was too large.",
                "person:Keltic x2 (Mr Keltic)",
            ),
            // a nation by its name, its people and its capital
            (
                "Fish talks",
                "Norway has left the talks. Norwegian officials said Oslo would not return.",
                "nation:Norway x3 (Norwegian|Oslo)",
            ),
            (
                "Fish talks",
                "Norway has left the talks. Oslo has said it will not return.",
                "nation:Norway x2 (Oslo)",
            ),
            // an acronym in brackets after the name it stands for
            (
                "Fish talks",
                "The Northern Fisheries Authority (NFA) said the fleet was too large. The NFA said it would act.",
                "organization:Northern Fisheries Authority x3 (NFA)",
            ),
            // ... also when it is not the initials
            (
                "Fish talks",
                "The Northern Fisheries Authority (NORFA) said the fleet was too large.",
                "organization:Northern Fisheries Authority x2 (NORFA)",
            ),
            // an acronym met before its name, by the initials
            (
                "Fish talks",
                "The NFA said it would act. The Northern Fisheries Authority said the fleet was too large.",
                "organization:Northern Fisheries Authority x2 (NFA)",
            ),
            // an unknown acronym that is spoken to
            (
                "Fish talks",
                "Ola Berg told the WFTU that the fleet was too large.",
                "organization:WFTU x1 ()",
            ),
            // a lone word after "firm" is a company
            (
                "Fish talks",
                "Shares in the security firm Preventon rose on Monday.",
                "organization:Preventon x1 ()",
            ),
            // so after a charity, a watchdog or a union
            (
                "Fish talks",
                "The aid charity Harvestline criticised the cuts.",
                "organization:Harvestline x1 ()",
            ),
            (
                "Fish talks",
                "Ports watchdog Quaymark fined the operator on Monday.",
                "organization:Quaymark x1 ()",
            ),
            // "the board": the organization named before whose name ends so
            (
                "Fish talks",
                "The Fisheries Board met on Monday. The board said the quota would stay.",
                "organization:Fisheries Board x2 (board)",
            ),
            // a bare "the summit" is the last summit named
            (
                "Fish talks",
                "Norway hosted the Bergen fisheries summit. The summit ended without a deal.",
                "meeting:Bergen fisheries summit x2 (summit)",
            ),
            // the headline counts for nations named in the body
            (
                "Norway quits talks",
                "Norway has left the talks.",
                "nation:Norway x2 ()",
            ),
        ] {
            let got = entities(title, body);
            assert!(
                got.iter().any(|g| g == want),
                "{body}\n  want {want}\n  got {got:#?}"
            );
        }
    }

    #[test]
    fn what_is_not_an_entity() {
        for (title, body, unwanted) in [
            // a name without evidence of a person
            (
                "Fish talks",
                "Zorvan Keltic lies on the coast.",
                "person:Zorvan Keltic",
            ),
            // a surname after an honorific, though it is also a demonym
            (
                "Fish talks",
                "Mr German said the quota was too low for the Welsh ports.",
                "nation:Germany",
            ),
            // a bare given name is not a surname's only bearer when no relative shares it
            (
                "Fish talks",
                "Tom Ryder said the catch was down. Tom added that prices would rise.",
                "person:Tom Ryder x2",
            ),
            // a company described as one before it speaks
            (
                "Fish talks",
                "Blue Keltic, a fishing firm in Bergen, said the catch was down.",
                "person:Blue Keltic",
            ),
            // a lone word with no honorific or title anywhere
            (
                "Fish talks",
                "Keltic rose by three percent.",
                "person:Keltic",
            ),
            // the headline never introduces a person
            (
                "Keltic quits",
                "The board met on Monday in Oslo.",
                "person:Keltic",
            ),
            // an unknown acronym that neither speaks, owns nor is spoken to
            (
                "Fish talks",
                "Ola Berg visited QXR plants in Oslo.",
                "organization:QXR",
            ),
            // a capital after "in" is a place, not its government
            (
                "Fish talks",
                "Ola Berg arrived in Oslo on Monday.",
                "nation:",
            ),
        ] {
            let got = entities(title, body);
            assert!(
                !got.iter().any(|g| g.starts_with(unwanted)),
                "{body}\n  unwanted {unwanted}\n  got {got:#?}"
            );
        }
    }

    #[test]
    fn honorifics_give_a_gender_and_keep_two_people_apart() {
        let text = "Fish talks\n\nMr Keltic met Mrs Keltic in Oslo. Mrs Keltic said the fleet was too large.\n";
        let people: Vec<(String, Option<bool>)> = with_input(text, |inp| {
            inp.ents
                .list
                .iter()
                .filter(|e| e.kind == NodeKind::Person)
                .map(|e| (e.name.clone(), e.female))
                .collect()
        });
        assert_eq!(
            people,
            [
                ("Keltic".to_string(), Some(false)),
                ("Mrs Keltic".to_string(), Some(true))
            ]
        );
    }
}
