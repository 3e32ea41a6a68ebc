//! Finding mentions of people, nations and organizations in a sentence.
//!
//! A left-to-right scan over tokens: at each capitalised word, the longest
//! gazetteer match (organizations, then nations) wins; otherwise the run of
//! capitalised words starting there is read as `[title] name`, an
//! organization (it ends in a head word such as "Ministry"), a place, or a
//! candidate name whose kind the entity pass decides from the rest of the
//! article. Titles written in lower case before a name ("press secretary Jay
//! Carney") and the nation or organization right before a title ("Chinese
//! Assistant Foreign Minister ...") are recorded for `member_of`.

use crate::lexicon::{Lexicon, NationForm, NounClass, WordClass};
use crate::tag::Upos;
use crate::text::{Span, TokenKind};

use super::token::{SentToks, Tok, key, key_into};

/// What a mention was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person's full name (two or more tokens), or a single name with a title/honorific.
    Person,
    /// Several capitalised name-like words with no evidence yet of being a person.
    MaybePerson,
    /// One capitalised word that may be the surname of a person named elsewhere.
    Single,
    /// A nation of the gazetteer (index), and how it was named.
    Nation(usize, NationForm),
    /// An organization: from the gazetteer (index) or a capitalised phrase with an org head.
    Org(Option<usize>),
    /// "the board": an organization named earlier whose name ends in this word.
    OrgRef,
    /// A meeting phrase ("the June 7-8 meeting in California"); see [`super::nominal`].
    Meeting,
    /// A report phrase ("a report by the Defense Science Board").
    Report,
}

/// What a meeting or report phrase adds to its mention.
#[derive(Clone, Debug)]
pub struct Nominal {
    /// Token index of the head noun.
    pub head: usize,
    /// End of the phrase with its prepositional phrases (the mention itself ends at the head).
    pub extent: usize,
    /// Where each prepositional phrase after the head ends (each starts where the last ended).
    pub pp_ends: Vec<usize>,
    /// Shorter forms: the phrase to its head, and with each prepositional phrase.
    pub aliases: Vec<String>,
    /// Pinned down by a name, number or possessive; otherwise a bare "the summit".
    pub specific: bool,
    pub determiner: Option<String>,
    /// Neither specific nor definite ("a report released on Monday"): no
    /// entity of its own unless a relation rule reaches it.
    pub bare: bool,
}

/// A mention: a token range of one sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub kind: Kind,
    /// The name itself ("Zheng Zeguang"), without title or article.
    pub name: String,
    /// A title before the name ("Assistant Foreign Minister"), if any.
    pub title: Option<String>,
    /// The honorific ("Mr", "Ms"), if any.
    pub honorific: Option<String>,
    /// Index (in the sentence's mention list) of the nation/org the title belongs to.
    pub affiliation: Option<usize>,
    /// Token index where the titled form starts (affiliation included).
    pub titled_start: usize,
    /// For meetings and reports, the phrase around the head noun.
    pub nominal: Option<Nominal>,
}

/// The most tokens a capitalised run (with its connectors) may take: no
/// name or title in news copy comes near it ("Secretary of State for
/// Environment, Food and Rural Affairs" has 9).
const MAX_RUN: usize = 24;

/// Words that may join the parts of a name only after a head word
/// ([`WordClass::NameConnector`]: "Bank of England").
fn is_of(t: &Tok<'_>) -> bool {
    t.is_exactly(WordClass::NameConnector)
}

/// Find the mentions of one sentence.
pub fn find(sent: &SentToks<'_>, text: &str, lex: &Lexicon) -> Vec<Mention> {
    let toks = &sent.toks;
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.is_word() && (t.cap || t.text.starts_with(|c: char| c.is_ascii_digit()))) {
            i += 1;
            continue;
        }
        // "Labour Minister Elena Ruiz": a one-word name that is also a title word, before a title head
        let in_title = toks
            .get(i + 1)
            .is_some_and(|n| n.cap && lex.is_title_head(n.lower))
            && lex.is_title_modifier(t.lower);
        // "Mr German", "Ms English": a surname after an honorific, not a nation
        let after_honorific = i > 0 && lex.is_honorific(toks[i - 1].lower);
        if let Some((end, kind, name)) = gazetteer(toks, i, lex).filter(|(_, kind, _)| {
            !(in_title || after_honorific && matches!(kind, Kind::Nation(..)))
        }) {
            // "Indonesian Navy", "British Chambers of Commerce", "BBC Radio Scotland":
            // a nation or organization of the gazetteer opening a longer name
            // "the British Government": the nation itself
            if matches!(kind, Kind::Nation(..))
                && toks
                    .get(end)
                    .is_some_and(|t| t.is_exactly(WordClass::NationBody))
            {
                out.push(mention(sent, i, end + 1, kind, name));
                i = end + 1;
                continue;
            }
            let capital = matches!(kind, Kind::Nation(_, NationForm::Capital));
            if let Some(run_end) = org_run(toks, i, end, lex).filter(|_| !capital) {
                out.push(mention(
                    sent,
                    i,
                    run_end,
                    Kind::Org(None),
                    org_name(text, toks, i, run_end),
                ));
                i = run_end;
                continue;
            }
            if capital && !capital_is_government(toks, i, end) {
                i = end;
                continue;
            }
            out.push(mention(sent, i, end, kind, name));
            i = end;
            continue;
        }
        let mut end = run_end(toks, i, lex);
        // "New EU trade commissioner ...": a sentence's capitalised first word
        // before a known name is not part of it
        if i == 0
            && end > 1
            && gazetteer(toks, 1, lex).is_some()
            && org_head_end(&toks[..end], lex) != Some(end)
        {
            end = 1;
        }
        classify_run(sent, text, lex, i, end, &mut out);
        i = end.max(i + 1);
    }
    attach_lowercase_titles(sent, lex, &mut out);
    out
}

fn mention(sent: &SentToks<'_>, start: usize, end: usize, kind: Kind, name: String) -> Mention {
    Mention::new(sent, start, end, kind, name)
}

impl Mention {
    /// A mention of tokens `start..end` of `sent`.
    pub fn new(sent: &SentToks<'_>, start: usize, end: usize, kind: Kind, name: String) -> Mention {
        Mention {
            start,
            end,
            span: Span {
                start: sent.toks[start].span.start,
                end: sent.toks[end - 1].span.end,
            },
            kind,
            name,
            title: None,
            honorific: None,
            affiliation: None,
            titled_start: start,
            nominal: None,
        }
    }
}

/// The longest organization or nation of the gazetteer starting at `i`.
/// Only runs as long as a form that opens with their first word are
/// looked up, and their keys are built in one buffer.
fn gazetteer(toks: &[Tok<'_>], i: usize, lex: &Lexicon) -> Option<(usize, Kind, String)> {
    let left = toks.len() - i;
    let whole = lex.longest_name_from(toks[i].text).min(left);
    // "The Washington Post" may be listed without its article
    let after_article = if left > 1 && toks[i].in_class(WordClass::DefiniteArticle) {
        (lex.longest_name_from(toks[i + 1].text) + 1).min(left)
    } else {
        0
    };
    let mut k = String::new();
    for n in (1..=whole.max(after_article)).rev() {
        let run = &toks[i..i + n];
        if run.last().is_some_and(|t| t.kind == TokenKind::Punct) && n > 1 {
            continue;
        }
        if n <= whole {
            key_into(&mut k, run);
            if let Some(o) = lex.organization(&k) {
                return Some((i + n, Kind::Org(Some(o)), lex.organizations[o].name.clone()));
            }
            if let Some((nat, form)) = lex.nation(&k) {
                return Some((
                    i + n,
                    Kind::Nation(nat, form),
                    lex.nations[nat].name.clone(),
                ));
            }
        }
        if n > 1 && n <= after_article {
            key_into(&mut k, &run[1..]);
            if let Some(o) = lex.organization(&k) {
                return Some((i + n, Kind::Org(Some(o)), lex.organizations[o].name.clone()));
            }
        }
    }
    None
}

/// A capital stands for its government when it is not a place: not after
/// "in"/"to"/"from"..., and it acts ("Washington has", "Beijing's stand").
fn capital_is_government(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    let before = i.checked_sub(1).map(|j| &toks[j]);
    if before.is_some_and(|b| b.in_class(WordClass::PlaceBefore)) {
        return false;
    }
    match toks.get(end) {
        Some(n) if n.is_possessive() => true,
        Some(n) if n.is_word() && !n.cap => true,
        Some(n) if n.text == "," => before.is_none(),
        _ => false,
    }
}

/// If an organization phrase ("Navy", "Chambers of Commerce") continues at
/// `start`, the end of the whole phrase.
fn org_run(toks: &[Tok<'_>], start: usize, known_end: usize, lex: &Lexicon) -> Option<usize> {
    let end = run_end(toks, start, lex);
    if end <= known_end {
        return None;
    }
    let run = &toks[start..end];
    let rest = &toks[known_end..end];
    if org_head_end(run, lex) == Some(run.len()) {
        return Some(end);
    }
    // an organization of the gazetteer followed by more of its name ("BBC Radio Scotland")
    let is_org = lex.organization(&key(&toks[start..known_end])).is_some();
    let plain = rest.iter().all(|t| {
        !lex.is_title_head(t.lower)
            && !lex.is_honorific(t.lower)
            && !lex.is_given_name(t.text)
            && !lex.is_stopcap(t.text)
            && lex.nation(t.text).is_none()
            && lex.organization(t.text).is_none()
    });
    (is_org && plain).then_some(end)
}

/// Where the capitalised run starting at `i` ends (exclusive). Connectors
/// ("of", "for", "and", "&") are taken in only when the run, read whole,
/// is an organization or a title ("Bank of England", "Oil and Natural Gas
/// Corporation", "Trade and Industry Secretary"); otherwise the run stops
/// before them ("Obama and Xi").
fn run_end(toks: &[Tok<'_>], i: usize, lex: &Lexicon) -> usize {
    let mut j = i;
    let mut end = i;
    let mut plain_end = None; // the end before the first connector
    // A run is scanned again from each gazetteer name inside it, so its
    // length must be bounded for the scan to stay linear in the sentence.
    while j < toks.len() && j - i < MAX_RUN {
        let t = &toks[j];
        if t.is_word() && (t.cap || t.text.starts_with(|c: char| c.is_ascii_digit()) && j > i) {
            j += 1;
            end = j;
            continue;
        }
        // "Faisal al-Harbi", "Ahmed bin-Said": a lower-case particle hyphened to a name
        if j > i && t.is_word() && particle_name(t.text, lex) {
            j += 1;
            end = j;
            continue;
        }
        // "Kim Jong-un", "Douglas-Westwood": a hyphen with no space around it
        if t.text == "-" && j > i && j + 1 < toks.len() {
            let prev = &toks[j - 1];
            let next = &toks[j + 1];
            if prev.span.end == t.span.start && t.span.end == next.span.start && next.is_word() {
                j += 2;
                end = j;
                continue;
            }
        }
        // "US Trade Representative's Office": a possessive before a lone org head
        if t.is_possessive() && j > i {
            let head = toks
                .get(j + 1)
                .filter(|n| n.cap && lex.noun(n.text) == Some(NounClass::Org));
            let after = toks.get(j + 2);
            if head.is_some() && !after.is_some_and(|n| n.cap && n.is_word()) {
                j += 2;
                end = j;
                continue;
            }
        }
        let next_cap = |k: usize| toks.get(k).is_some_and(|n| n.cap && n.is_word());
        if j > i
            && (next_cap(j + 1)
                || (toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_exactly(WordClass::DefiniteArticle))
                    && next_cap(j + 2)))
        {
            if t.is_exactly(WordClass::NameJoiner) && next_cap(j + 1) {
                j += 1;
                continue;
            }
            // "Iran and the European Union" is two names: "the" follows only "of"/"for"
            let the = |n: &Tok<'_>| n.is_exactly(WordClass::DefiniteArticle);
            let the_next = toks.get(j + 1).is_some_and(the);
            // "the World Bank on Monday": a day or month never continues a name
            let stop_next = toks
                .get(j + 1)
                .is_some_and(|n| n.in_class(WordClass::Day) || n.in_class(WordClass::Month));
            if (is_of(t) && !stop_next) || (t.is_exactly(WordClass::NameAnd) && !the_next) {
                plain_end.get_or_insert(end);
                j += 1;
                // "Secretary of State for the Family"
                if toks.get(j).is_some_and(the) && toks.get(j + 1).is_some_and(|n| n.cap) {
                    j += 1;
                }
                continue;
            }
        }
        break;
    }
    super::budget::spend((j - i) as u64);
    match plain_end {
        Some(p) if !joined_run_holds(&toks[i..end], lex) => p,
        _ => end,
    }
}

/// A run with connectors stays whole when it is an organization or its
/// connectors sit inside a title before a name.
fn joined_run_holds(run: &[Tok<'_>], lex: &Lexicon) -> bool {
    // "Johnson & Johnson", "Marks & Spencer": an ampersand joins a firm's name
    if run.iter().any(|t| t.text == "&") {
        return true;
    }
    if org_head_end(run, lex) == Some(run.len()) {
        // "Quarterly Economic Commentary of Strathclyde University" is two names
        let of = run.iter().position(|t| t.is_exactly(WordClass::Partitive));
        // and "Commanders of the Korean People's Army" is people of a name
        let people_of = |o: usize| {
            run[..o].iter().all(|t| {
                let w = t.lower;
                let one = w.strip_suffix('s').unwrap_or(w);
                lex.is_title_head(w)
                    || lex.is_title_head(one)
                    || lex.noun(w) == Some(NounClass::Group)
            })
        };
        let two_names = of.is_some_and(|o| {
            let rest = org_head_end(&run[o + 1..], lex).is_some();
            (o >= 2 && org_head_end(&run[..o], lex).is_none() && rest)
                || (o >= 1 && rest && people_of(o))
        });
        return !two_names;
    }
    let and_the =
        |t: &Tok<'_>| t.is_exactly(WordClass::NameAnd) || t.is_exactly(WordClass::DefiniteArticle);
    let last_conn = run.iter().rposition(|t| is_of(t) || and_the(t));
    let last_head = run
        .iter()
        .rposition(|t| lex.is_title_head(t.lower) || lex.is_honorific(t.lower));
    let title_word = |t: &Tok<'_>| {
        lex.is_title_word(t.lower)
            || lex.is_honorific(t.lower)
            || is_of(t)
            || and_the(t)
    };
    matches!((last_conn, last_head), (Some(c), Some(h)) if c < h && h + 1 < run.len() && run[..h].iter().all(title_word))
}

/// The end (exclusive, relative to `run`) of an organization phrase: the
/// run ends in an org head word, or an org head is followed by "of ...".
fn org_head_end(run: &[Tok<'_>], lex: &Lexicon) -> Option<usize> {
    let is_head = |t: &Tok<'_>| {
        t.cap
            && (lex.noun(t.text) == Some(NounClass::Org)
                || t.text
                    .strip_suffix('s')
                    .is_some_and(|s| lex.noun(s) == Some(NounClass::Org)))
    };
    if run.len() >= 2 && run.last().is_some_and(is_head) {
        return Some(run.len());
    }
    // "Church of Scientology", "Bank of England": a head followed by of/for + capitalised words
    let h = run.iter().position(is_head)?;
    if run.get(h + 1).is_some_and(is_of) {
        return Some(run.len());
    }
    None
}

fn org_name(text: &str, toks: &[Tok<'_>], start: usize, end: usize) -> String {
    let s = if toks[start].in_class(WordClass::DefiniteArticle) {
        start + 1
    } else {
        start
    };
    text[toks[s].span.start..toks[end - 1].span.end].to_string()
}

/// Read the capitalised run `toks[i..end]` and push what it names.
fn classify_run(
    sent: &SentToks<'_>,
    text: &str,
    lex: &Lexicon,
    i: usize,
    end: usize,
    out: &mut Vec<Mention>,
) {
    let toks = &sent.toks;
    let mut s = i;
    let mut end = end;
    // "Video Standards Council", "English National Ballet": a capitalised
    // common word that opens an organization's name ends with its head
    let opens_org = |s: usize| {
        matches!(toks[s].pos, Upos::Adj | Upos::Noun | Upos::Propn)
            && end - s >= 2
            && org_head_end(&toks[s..end], lex) == Some(end - s)
            && toks[end - 1].cap
            && lex.noun(toks[end - 1].text) == Some(NounClass::Org)
    };
    // sentence starters, capitalised verbs ("Said ...") and other capitalised non-names
    while s < end
        && (lex.is_stopcap(toks[s].text)
            || toks[s].text.chars().all(|c| !c.is_alphabetic())
            || (s == 0 && lex.verb(toks[s].lower).is_some()))
        && !opens_org(s)
    {
        s += 1;
    }
    // "Peter Lind MP", "Ana Ruiz QC": letters after a name are not part of
    // its name, though the mention takes them in
    let mut letters = 0;
    while end > s + 2 && toks[end - 1].is_exactly(WordClass::PostNominal) {
        end -= 1;
        letters += 1;
    }
    // "Bush-style", "Blair-led": an adjective made from a name ends the run
    while end > s
        && lex
            .words_of(WordClass::NameAdjectiveSuffix)
            .iter()
            .any(|x| toks[end - 1].text.ends_with(x.as_str()))
    {
        end -= 1;
    }
    if s >= end {
        return;
    }
    if s > i {
        // the rest may start with a gazetteer entry ("In China ...")
        if let Some((g_end, kind, name)) = gazetteer(toks, s, lex)
            && g_end <= end
        {
            if !matches!(kind, Kind::Nation(_, NationForm::Capital))
                || capital_is_government(toks, s, g_end)
            {
                out.push(mention(sent, s, g_end, kind, name));
            }
            if g_end < end {
                classify_run(sent, text, lex, g_end, end, out);
            }
            return;
        }
    }
    let run = &toks[s..end];
    if let Some(e) = org_head_end(run, lex) {
        // a title run like "Foreign Secretary" is not an organization;
        // "Parliamentary Labour Party", of title modifiers only, is, unless
        // a title goes on after it ("Former Cabinet minister X")
        let title_words = run.iter().take(e).all(|t| lex.is_title_word(t.lower));
        let title_goes_on = toks.get(s + e).is_some_and(|t| lex.is_title_word(t.lower));
        if !title_words || !(title_goes_on || run.iter().take(e).any(|t| lex.is_title_head(t.lower)))
        {
            out.push(mention(
                sent,
                s,
                s + e,
                Kind::Org(None),
                org_name(text, toks, s, s + e),
            ));
            return;
        }
    }
    // "the Fish Audit Committee Peter Lind": an organization's name, then a
    // person's, whose given name is known
    if let Some(h) = (s + 1..end.saturating_sub(2)).find(|&h| {
        toks[h].cap && lex.noun(toks[h].text) == Some(NounClass::Org) && lex.is_given_name(toks[h + 1].text)
    }) {
        classify_run(sent, text, lex, s, h + 1, out);
        classify_run(sent, text, lex, h + 1, end, out);
        return;
    }
    // title prefix: everything up to the last honorific or title head
    // ("Trade and Industry Secretary", "Oil Minister", "Mr"), when a name follows
    let mut n = s;
    let mut honorific = None;
    if let Some(h) = (s..end)
        .rev()
        .find(|&h| lex.is_title_head(toks[h].lower) || lex.is_honorific(toks[h].lower))
    {
        let title_ok = toks[s..h].iter().all(|t| {
            lex.is_title_modifier(t.lower)
                || lex.is_title_head(t.lower)
                || lex.is_honorific(t.lower)
                || t.is_exactly(WordClass::TitleJoiner)
                || (t.cap && !lex.is_given_name(t.text))
        });
        if title_ok && h + 1 < end {
            n = h + 1;
            // "Tanzania Mr Brown", "BBC Mr Howard": an honorific is a title of its own
            if lex.is_honorific(toks[h].lower) && h > s {
                classify_run(sent, text, lex, s, h, out);
                s = h;
            }
            honorific = (s..n)
                .find(|&k| lex.is_honorific(toks[k].lower))
                .map(|k| toks[k].text.trim_end_matches('.').to_string());
        }
    }
    let name_toks = &toks[n..end];
    if name_toks.is_empty() {
        return; // a title alone: "Foreign Secretary"
    }
    if name_toks.len() == 1 && name_toks[0].is_exactly(WordClass::CapitalisedPronoun) {
        return; // "He" is also a family name, but never alone
    }
    if name_toks.len() > 5 || name_toks.iter().any(|t| !name_like(t, lex)) {
        return;
    }
    let name = key_surface(text, name_toks);
    if lex.is_region(&key(name_toks)) {
        return;
    }
    // "Golden Globe Awards", "Dundee United", "Wall Street": not a person
    let not_person =
        name_toks.len() > 1 && lex.is_not_name_end(name_toks[name_toks.len() - 1].text);
    let titled = n > s;
    let web = name_toks.len() == 1
        && lex
            .words_of(WordClass::WebSuffix)
            .iter()
            .any(|d| name.ends_with(d.as_str()));
    let firm = name_toks.len() > 2 && name_toks.iter().any(|t| t.text == "&");
    let kind = if web || firm {
        Kind::Org(None)
    } else if titled {
        Kind::Person
    } else if name_toks.len() == 1 {
        if toks[n].is_acronym() && toks[n].text.len() <= 8 {
            Kind::Org(None)
        } else {
            Kind::Single
        }
    } else if not_person {
        return;
    } else if (lex.is_given_name(name_toks[0].text)
        && !lex.is_given_name_also_word(name_toks[0].text))
        || (lex.is_surname_first(name_toks[0].text) && name_toks.len() <= 3)
    {
        Kind::Person
    } else {
        Kind::MaybePerson
    };
    let mut m = mention(sent, n, end, kind, name);
    m.end += letters;
    if titled {
        m.titled_start = s;
        let title_toks = &toks[s..n];
        let t: Vec<&str> = title_toks
            .iter()
            .filter(|t| !lex.is_honorific(t.lower))
            .map(|t| t.text)
            .collect();
        if !t.is_empty() {
            m.title = Some(t.join(" "));
        }
        m.honorific = honorific;
    }
    out.push(m);
}

/// "al-Harbi", "el-Sisi", "bin-Laden": a lower-case particle, a hyphen, a capitalised name.
fn particle_name(word: &str, lex: &Lexicon) -> bool {
    lex.words_of(WordClass::NameParticle).iter().any(|p| {
        word.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// A token that can be part of a person's name.
fn name_like(t: &Tok<'_>, lex: &Lexicon) -> bool {
    (t.cap && t.is_word() && t.text.chars().any(char::is_alphabetic) && !lex.is_stopcap(t.text))
        || t.text == "-"
        || t.text == "&"
        || particle_name(t.text, lex)
        || t.is_exactly(WordClass::NameJoiner)
        || (t.is_word() && t.text.contains('-'))
}

/// The surface of a name run, with hyphens kept tight.
fn key_surface(text: &str, toks: &[Tok<'_>]) -> String {
    text[toks[0].span.start..toks[toks.len() - 1].span.end].to_string()
}

/// Titles written in lower case before a name ("press secretary Jay
/// Carney", "Labour MP Ann Smith"), and the nation or organization right
/// before the title, which the person is a member of.
fn attach_lowercase_titles(sent: &SentToks<'_>, lex: &Lexicon, out: &mut [Mention]) {
    let toks = &sent.toks;
    for k in 0..out.len() {
        if !matches!(out[k].kind, Kind::Person | Kind::MaybePerson | Kind::Single) {
            continue;
        }
        // "Mr Brown" has no job: nothing before an honorific is his title or affiliation
        if out[k].honorific.is_some() && out[k].title.is_none() {
            continue;
        }
        let mut s = out[k].titled_start;
        let mut words = Vec::new();
        let mut has_head = out[k].title.is_some();
        while s > 0 {
            let t = &toks[s - 1];
            if t.is_word()
                && !t.cap
                && lex.is_title_word(t.lower)
            {
                has_head |= lex.is_title_head(t.lower);
                words.push(t.text);
                s -= 1;
            } else {
                break;
            }
        }
        if !words.is_empty() && has_head {
            words.reverse();
            let mut title = words.join(" ");
            if let Some(t) = &out[k].title {
                title = format!("{title} {t}");
            }
            out[k].title = Some(title);
            out[k].titled_start = s;
            out[k].kind = Kind::Person;
        } else if !has_head {
            continue;
        }
        // the affiliation right before the title, or a word or two before it
        // ("Indian oil minister", "Tory foreign affairs spokesman")
        let t0 = out[k].titled_start;
        let gap_ok = |a: usize| {
            out[a].end <= t0
                && t0 - out[a].end <= 3
                && toks[out[a].end..t0].iter().all(|t| {
                    t.is_possessive()
                        || (t.is_word() && !t.cap && !super::nominal::is_verb_like(t.lower, lex))
                })
        };
        if let Some(a) = (0..k).rev().find(|&a| gap_ok(a))
            && matches!(out[a].kind, Kind::Nation(..) | Kind::Org(_))
        {
            out[k].affiliation = Some(a);
            out[k].titled_start = out[a].start;
            if let (true, Some(title)) = (out[a].end < t0, &out[k].title) {
                let extra: Vec<&str> = toks[out[a].end..t0].iter().map(|t| t.text).collect();
                out[k].title = Some(format!("{} {title}", extra.join(" ")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(s: &str) -> Vec<(String, Kind, Option<String>)> {
        let lex = Lexicon::embedded();
        let sent = SentToks::of(s);
        // lone capitalised words are only candidates until the entity pass
        find(&sent, s, &lex)
            .into_iter()
            .filter(|m| m.kind != Kind::Single)
            .map(|m| (m.name, m.kind, m.title))
            .collect()
    }

    #[test]
    fn titled_person_with_nation_affiliation() {
        let got = mentions("Peace is near, Chinese Assistant Foreign Minister Zheng Zeguang said.");
        assert!(matches!(got[0].1, Kind::Nation(..)), "{got:?}");
        assert_eq!(got[1].0, "Zheng Zeguang");
        assert_eq!(got[1].1, Kind::Person);
        assert_eq!(got[1].2.as_deref(), Some("Assistant Foreign Minister"));
    }

    #[test]
    fn lower_case_title_after_an_organization() {
        let got = mentions("The plan is late, White House press secretary Jane Roe said.");
        assert_eq!(got[0].0, "White House");
        assert_eq!(got[1].0, "Jane Roe");
        assert_eq!(got[1].2.as_deref(), Some("press secretary"));
    }

    #[test]
    fn capital_as_place_is_not_a_nation() {
        let got = mentions("Talks were held in Beijing on Monday.");
        assert!(got.is_empty(), "{got:?}");
        let got = mentions("Beijing's stand is firm.");
        assert!(matches!(got[0].1, Kind::Nation(..)), "{got:?}");
    }

    #[test]
    fn an_ampersand_makes_a_firm_and_and_keeps_people_apart() {
        let got = mentions("Shares in Smith & Nephew rose after Jane Roe and Ali Khan spoke.");
        assert_eq!(got[0].0, "Smith & Nephew");
        assert!(matches!(got[0].1, Kind::Org(None)), "{got:?}");
        assert_eq!(got[1].0, "Jane Roe");
        assert_eq!(got[2].0, "Ali Khan");
    }

    /// A capitalised common word ("English", "Video") opens an
    /// organization's name that ends with its head; alone it names nothing.
    #[test]
    fn a_common_capital_opens_an_organization_name() {
        let got = mentions("Video Standards Council chief Jane Roe said the English National Ballet would tour.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Video Standards Council", "Jane Roe", "English National Ballet"]);
        assert!(mentions("Video was the theme.").is_empty());
    }

    /// An organization named with title modifiers only ("party",
    /// "parliamentary") is one (unless a title goes on after it: see the
    /// relation tests).
    #[test]
    fn title_modifiers_can_name_an_organization() {
        let names = |text: &str| -> Vec<String> { mentions(text).into_iter().map(|g| g.0).collect() };
        assert_eq!(names("The Parliamentary Green Party met."), ["Parliamentary Green Party"]);
    }

    /// "the Fish Audit Committee Peter Lind": a body's name, then a
    /// person's; "Ana Ruiz QC": the letters after a name are not in it.
    #[test]
    fn a_name_after_a_body_and_letters_after_a_name() {
        let got = mentions("The chairman of the Fish Audit Committee Peter Lind met Ana Ruiz QC and Tom Roe MP.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Fish Audit Committee", "Peter Lind", "Ana Ruiz", "Tom Roe"]);
    }
}
