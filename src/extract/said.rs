//! Who said what: statements and their speakers.
//!
//! Three passes over the article. (1) Every speech verb ("said", "told",
//! "added", "according to", "quoted X as saying", ...) gets a speaker -- the
//! subject before it (across an apposition: "X, a spokesman for Y, said"),
//! the name after it in inversions ("..., said Mr Smith"), or a pronoun
//! resolved to the last person spoken of -- and the words it attributes:
//! the quotation or clause after it, or the clause before it when the
//! attribution closes the sentence. (2) Quotations nobody was credited with
//! in their own sentence go to the speaker of their paragraph, or of the
//! paragraph before when a quotation runs on. (3) The statements' `about`
//! entities are the mentions inside the attributed words.

use std::collections::HashMap;

use crate::lexicon::{Lexicon, NounClass, VerbClass, WordClass};
use crate::tag::Upos;
use crate::text::Span;

use super::entity::Entities;
use super::mention::Mention;
use super::quote::{Quote, inside};
use super::speaker::{
    Speaker, Tracker, mention_starting, relative_antecedent, subject_at_start, subject_before,
    with_article,
};
use super::token::{SentToks, Tok};
use crate::graph::NodeKind;

/// An attributed statement.
#[derive(Clone, Debug)]
pub struct Statement {
    /// The speaker entity.
    pub speaker: usize,
    /// The attributed words (may span sentences, for a long quotation).
    pub content: Span,
    /// The sentence the attribution was read in.
    pub sentence: usize,
    /// The speech cue ("said", "according to").
    pub cue: String,
    /// Mentions named inside the content: (sentence, mention index).
    pub about: Vec<usize>,
    /// The id of the construction that attributed it (`said.subject-verb-content`).
    pub rule: &'static str,
    /// The attribution itself when it sits inside the content ("..., she told
    /// the BBC, ..."): what it names is not what the words are about.
    pub aside: Option<Span>,
}

/// Everything the passes need about the article.
pub struct Input<'a, 'b> {
    pub text: &'a str,
    pub sents: &'b [SentToks<'a>],
    pub mentions: &'b [Vec<Mention>],
    pub ents: &'b Entities,
    pub quotes: &'b [Quote],
    pub lex: &'b Lexicon,
}

/// Find the statements of an article.
pub fn find(inp: &Input<'_, '_>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    let mut used_quotes = vec![false; inp.quotes.len()];
    let mut tracker = Tracker::default();
    for (s, sent) in inp.sents.iter().enumerate() {
        let toks = &sent.toks;
        let mut sentence_speaker: Option<usize> = None;
        let mut covered: Vec<Span> = Vec::new();
        // an attribution that closes the sentence ("..., Ms Roe told reporters.") owns
        // every speech verb before it: those are inside the words it attributes
        let cues: Vec<_> = (0..toks.len())
            .map(|v| speech_at(toks, v, inp.lex))
            .collect();
        let verbs: Vec<usize> = (0..toks.len())
            .filter(|&v| cues[v].is_some() || report_speaks(inp, s, v))
            .collect();
        let closer = verbs.iter().copied().rfind(|&v| {
            subject_before(inp, s, v).is_some_and(|(_, start)| {
                start > 0
                    && (toks[start - 1].text == "," || toks[start - 1].is_quote())
                    && toks[..start].iter().filter(|t| t.is_word()).count() >= 4
                    && toks[v + 1..].iter().filter(|t| t.is_word()).count() <= 3
            })
        });
        if let Some((e, content)) = colon_label(inp, s) {
            covered.push(content);
            out.push(Statement {
                speaker: e,
                content,
                sentence: s,
                cue: ":".to_string(),
                about: Vec::new(),
                rule: "said.colon-label",
                aside: None,
            });
            sentence_speaker = Some(e);
            tracker.spoke(inp.ents, e, s);
        }
        let mut v = 0;
        while v < toks.len() {
            let spoken = cues[v].clone();
            let by_report = spoken.is_none();
            let cue = spoken.or_else(|| {
                report_speaks(inp, s, v).then(|| (toks[v].lower.to_string(), 1, Special::None))
            });
            let Some((cue, len, special)) = cue else {
                v += 1;
                continue;
            };
            let at = toks[v].span.start;
            // inside a quotation, or in words already credited ("She said the party would announce ...")
            if inside(inp.quotes, at)
                || covered.iter().any(|c| c.start <= at && at < c.end)
                || closer.is_some_and(|c| v < c)
            {
                v += 1;
                continue;
            }
            let found = attribute(inp, s, v, len, special, sentence_speaker);
            if let Some((speaker, pieces, rule)) = found {
                // "the study shows that ...": a document speaks
                let rule = if by_report { "said.report-verb" } else { rule };
                let speaker = match speaker {
                    Speaker::Entity(e) => Some(e),
                    Speaker::He => tracker.person(inp.ents, Some(false)),
                    Speaker::She => tracker.person(inp.ents, Some(true)),
                    Speaker::Title(ts, tv) => tracker.titled(inp, ts, tv),
                    Speaker::It => tracker.body(s),
                    Speaker::They => tracker.group(s),
                };
                if let Some(e) = speaker {
                    for content in pieces {
                        let content = widen_to_quote(inp.quotes, content, &mut used_quotes);
                        // a whole quotation may be short ("\"Absolutely not,\" he said")
                        let quoted = inp.quotes.iter().any(|q| q.inner == content);
                        if words(inp.text, content) < if quoted { 2 } else { 3 } {
                            continue;
                        }
                        covered.push(content);
                        let aside = (rule == "said.parenthetical-attribution").then(|| {
                            let open = toks[..v].iter().rposition(|t| t.text == ",").unwrap_or(0);
                            let close = toks[v..]
                                .iter()
                                .position(|t| t.text == ",")
                                .map_or(toks.len() - 1, |k| v + k);
                            Span {
                                start: toks[open].span.start,
                                end: toks[close].span.end,
                            }
                        });
                        out.push(Statement {
                            speaker: e,
                            content,
                            sentence: s,
                            cue: cue.clone(),
                            about: Vec::new(),
                            rule,
                            aside,
                        });
                    }
                    sentence_speaker = Some(e);
                    tracker.spoke(inp.ents, e, s);
                }
            }
            v += len;
        }
        tracker.saw(inp, s);
    }
    // quotations nobody was credited with in their own sentence
    let mut by_para: HashMap<usize, Vec<(usize, usize)>> = HashMap::new(); // paragraph -> (content start, speaker)
    for st in &out {
        by_para
            .entry(inp.sents[st.sentence].paragraph)
            .or_default()
            .push((st.content.start, st.speaker));
    }
    let mut para_start: HashMap<usize, usize> = HashMap::new();
    for x in inp.sents {
        para_start.entry(x.paragraph).or_insert(x.span.start);
    }
    for (q, quote) in inp.quotes.iter().enumerate() {
        if used_quotes[q] || words(inp.text, quote.inner) < 4 {
            continue;
        }
        let pos = quote.inner.start;
        let Some(s) = inp
            .sents
            .partition_point(|x| x.span.start <= pos)
            .checked_sub(1)
        else {
            continue;
        };
        let sp = inp.sents[s].span;
        if pos >= sp.end.max(sp.start + 1) || !quote_stands_alone(inp, s, quote) {
            continue;
        }
        let para = inp.sents[s].paragraph;
        // the nearest speaker of the paragraph, a person before a body: quotations
        // are mostly people's words
        let same_para = by_para
            .get(&para)
            .and_then(|v| {
                v.iter().min_by_key(|(start, e)| {
                    (
                        inp.ents.list[*e].kind != NodeKind::Person,
                        start.abs_diff(pos),
                    )
                })
            })
            .map(|&(_, e)| e);
        let prev_para = || {
            let prev = para.checked_sub(1)?;
            by_para
                .get(&prev)?
                .iter()
                .filter(|(start, _)| *start < pos)
                .max_by_key(|(start, _)| *start)
                .map(|&(_, e)| e)
        };
        let starts_para = para_start
            .get(&para)
            .is_some_and(|&start| quote.outer.start <= start + 1);
        let speaker = same_para
            .map(|e| (e, "said.quote-paragraph-speaker"))
            .or_else(|| {
                starts_para
                    .then(prev_para)
                    .flatten()
                    .map(|e| (e, "said.quote-previous-paragraph"))
            });
        if let Some((e, rule)) = speaker {
            used_quotes[q] = true;
            by_para.entry(para).or_default().push((pos, e));
            out.push(Statement {
                speaker: e,
                content: quote.inner,
                sentence: s,
                cue: "quote".to_string(),
                about: Vec::new(),
                rule,
                aside: None,
            });
        }
    }
    out.sort_by_key(|st| (st.content.start, st.content.end, st.speaker));
    out.dedup_by(|a, b| a.content == b.content && a.speaker == b.speaker);
    for st in &mut out {
        st.about = about(inp, st);
    }
    out
}

/// A name and a colon opening a paragraph label its speaker, as in a transcript
/// ("RYDER: The port closed on Friday.", "Tom Ryder: The port must stay open."): the
/// words are the rest of the paragraph. A name in capitals is the person of that
/// surname named elsewhere in the article.
fn colon_label(inp: &Input<'_, '_>, s: usize) -> Option<(usize, Span)> {
    let sent = &inp.sents[s];
    let toks = &sent.toks;
    if s > 0 && inp.sents[s - 1].paragraph == sent.paragraph {
        return None;
    }
    let c = label_colon(toks)?;
    if toks[c + 1..].iter().filter(|t| t.is_word()).count() < 3 {
        return None;
    }
    let named = inp.mentions[s]
        .iter()
        .enumerate()
        .find(|(_, m)| with_article(toks, m.titled_start) == 0 && m.end == c)
        .and_then(|(k, _)| inp.ents.of[s][k])
        .filter(|&e| {
            matches!(
                inp.ents.list[e].kind,
                NodeKind::Person | NodeKind::Organization | NodeKind::Nation
            )
        });
    let in_capitals = |t: &Tok<'_>| t.text.len() > 1 && t.text.chars().all(|ch| !ch.is_lowercase());
    let capitals = || {
        let label = &toks[..c];
        if !label.iter().all(|t| t.is_word() && in_capitals(t)) {
            return None;
        }
        let surname = label[c - 1].text;
        let mut people = inp.ents.list.iter().enumerate().filter(|(_, en)| {
            en.kind == NodeKind::Person
                && en
                    .name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(surname))
        });
        let (e, _) = people.next()?;
        people.next().is_none().then_some(e)
    };
    let e = named.or_else(capitals)?;
    // a heading is no speech: words in capitals ("PORT TO CLOSE"), words with no verb
    // ("Now or never"), or words that name the labelled one ("Ryder: Tom Ryder has ...")
    let words_after = &toks[c + 1..];
    let shouting = words_after
        .iter()
        .filter(|t| t.is_word())
        .take(2)
        .all(in_capitals);
    let names_itself = inp.mentions[s]
        .iter()
        .enumerate()
        .any(|(k, m)| m.start > c && inp.ents.of[s][k] == Some(e));
    if shouting || names_itself || !words_after.iter().any(|t| t.pos.is_verbal()) {
        return None;
    }
    // the paragraph's sentences, up to the next label ("... Ryder: ...")
    let last = (s..inp.sents.len())
        .take_while(|&k| {
            inp.sents[k].paragraph == sent.paragraph
                && (k == s || label_colon(&inp.sents[k].toks).is_none())
        })
        .last()?;
    let end = inp.sents[last].toks.last()?;
    let start = toks.get(c + 1)?;
    let content = Span {
        start: start.span.start,
        end: end.span.end,
    };
    Some((e, content))
}

/// The colon that ends a speaker's label opening a sentence ("RYDER:", "Sen. Ann Roe:"):
/// after a word or more, within the first five tokens.
fn label_colon(toks: &[Tok<'_>]) -> Option<usize> {
    toks.iter()
        .take(5)
        .position(|t| t.text == ":")
        .filter(|&c| c > 0)
}

/// A quotation is a statement of its own unless it sits inside a clause
/// ("Washington has been "clear in ..."): it starts the sentence or follows
/// a colon, a comma or a speech verb.
fn quote_stands_alone(inp: &Input<'_, '_>, s: usize, quote: &Quote) -> bool {
    let toks = &inp.sents[s].toks;
    let Some(open) = toks.iter().position(|t| t.span.start >= quote.outer.start) else {
        return true;
    };
    if open == 0 {
        return true;
    }
    let prev = &toks[open - 1];
    matches!(prev.text, ":" | "," | "-" | "\u{2014}" | "\u{2013}")
        || inp
            .lex
            .verb(prev.lower)
            .is_some_and(|(c, _)| c == VerbClass::Speech)
}

/// True when token `v` is a verb of [`WordClass::ReportVerb`] ("the study
/// shows that ...") whose subject is a report.
fn report_speaks(inp: &Input<'_, '_>, s: usize, v: usize) -> bool {
    let toks = &inp.sents[s].toks;
    // "The report by Fish Research found that ...": the document's phrase ends at the verb
    let report_phrase = || {
        inp.mentions[s].iter().enumerate().any(|(k, m)| {
            m.kind == super::mention::Kind::Report
                && m.nominal.as_ref().is_some_and(|n| n.extent == v && n.specific)
                && inp.ents.of[s][k].is_some()
        })
    };
    toks[v].is_exactly(WordClass::ReportVerb)
        && (matches!(subject_before(inp, s, v), Some((Speaker::Entity(e), _)) if inp.ents.list[e].kind == NodeKind::Report)
            || report_phrase())
}

/// The speech cue at token `v`: (cue, tokens it spans, special form).
fn speech_at(toks: &[Tok<'_>], v: usize, lex: &Lexicon) -> Option<(String, usize, Special)> {
    let t = toks.get(v)?;
    if !t.is_word() {
        return None;
    }
    let lower = t.lower;
    // a word of a name inside the sentence ("the United States", "Kansas City Star")
    if v > 0 && t.cap && t.pos == crate::tag::Upos::Propn {
        return None;
    }
    let to = |n: &Tok<'_>| n.in_class(WordClass::To);
    if t.in_class(WordClass::SourceOpener) && toks.get(v + 1).is_some_and(to) {
        return Some(("according to".to_string(), 2, Special::AccordingTo));
    }
    if t.in_class(WordClass::QuoteVerb) {
        // "X quoted Y as saying ..."
        if let Some(a) = (v + 2..(v + 8).min(toks.len())).find(|&j| {
            toks[j].in_class(WordClass::QuotedAs)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.in_class(WordClass::QuotedSaying))
        }) {
            return Some(("quoted as saying".to_string(), a + 2 - v, Special::QuotedAs));
        }
    }
    if let Some(n) = toks.get(v + 1).filter(|_| lex.opens_verb(lower)) {
        let two = format!("{} {}", lower, n.lower);
        if let Some((VerbClass::Speech, _)) = lex.verb(&two) {
            return Some((two, 2, Special::None));
        }
    }
    // naming verb with a quotation: "called the plan \"a disgrace\"" (not "called for",
    // "is called", "a call")
    if t.in_class(WordClass::NamingVerb) {
        let prev = v.checked_sub(1).map_or("", |p| toks[p].lower);
        let rest = &toks[v + 1..(v + 9).min(toks.len())];
        let quote = rest
            .iter()
            .position(|t| t.is_quote() || matches!(t.text, "," | "." | ";" | ":" | "(" | "?"))
            .filter(|&k| k > 0 && rest[k].is_quote());
        if quote.is_some()
            && !rest[0].in_class(WordClass::PhrasePreposition)
            && !lex.word_in(WordClass::SpeechPassive, prev)
            && !lex.word_in(WordClass::NounDeterminer, prev)
        {
            return Some((lower.to_string(), 1, Special::Naming));
        }
    }
    if t.in_class(WordClass::LabellingVerb) && labels_its_object(toks, v, lex) {
        return Some((lower.to_string(), 1, Special::Labelling));
    }
    let Some((VerbClass::Speech, lemma)) = lex.verb(lower) else {
        return None;
    };
    // "hopes to", "agreed to", "is said to be": not attributions; nor
    // "felt like a burden", "sounds like": a likeness, not words; but "said to reporters",
    // "complained to the council": the listener
    let hearer = lex.word_in(WordClass::HearerSpeech, lemma)
        && toks.get(v + 2).is_some_and(|n| n.is_word() && !n.pos.is_verbal());
    if toks
        .get(v + 1)
        .is_some_and(|n| (to(n) && !hearer) || n.lower == "like")
    {
        return None;
    }
    let prev = v.checked_sub(1).map_or("", |p| toks[p].lower);
    // "it is believed", "was told": passive, no speaker
    if lex.word_in(WordClass::SpeechPassive, prev) {
        return None;
    }
    // "asked the WTO to investigate", "urged them to act": a request, not a statement
    if lex.word_in(WordClass::ControlVerb, lemma) {
        let rest = &toks[v + 1..(v + 9).min(toks.len())];
        let stop = rest
            .iter()
            .position(|t| {
                t.in_class(WordClass::Complementizer)
                    || t.text == ","
                    || t.text == ":"
                    || t.is_quote()
            })
            .unwrap_or(rest.len());
        // ("told reporters he planned to stay", "told the paper the port would have to
        // close": a clause with its own subject or auxiliary before the "to" is the words)
        if let Some(i) = rest[..stop].iter().position(to)
            && !rest[..i].iter().any(|t| {
                t.in_class(WordClass::SubjectPronoun) || t.is_exactly(WordClass::Auxiliary)
            })
        {
            return None;
        }
    }
    if lex.word_in(WordClass::NounDeterminer, prev) {
        return None; // a noun: "a report", "his claim"
    }
    if lower == lemma
        && lex.word_in(WordClass::NounyVerb, lemma)
        && !lex.word_in(WordClass::VerbalBefore, prev)
    {
        return None; // "a China Daily report", "in comment"
    }
    Some((
        lower.to_string(),
        1,
        if t.text.ends_with("ing") {
            Special::Participle
        } else {
            Special::None
        },
    ))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Special {
    None,
    AccordingTo,
    QuotedAs,
    Participle,
    Naming,
    /// "X called the plan a mistake", "X described the deal as unfair".
    Labelling,
}

/// A verb of labelling with an object and its label in the same clause:
/// "called the plan a mistake", "called him reckless", "described the deal
/// as unfair". Not "called an election", "called for", "was described as".
fn labels_its_object(toks: &[Tok<'_>], v: usize, lex: &Lexicon) -> bool {
    use crate::tag::Upos;
    let prev = v.checked_sub(1).map_or("", |p| toks[p].lower);
    if lex.word_in(WordClass::SpeechPassive, prev) || lex.word_in(WordClass::NounDeterminer, prev)
    {
        return false;
    }
    let np = |t: &Tok<'_>| {
        matches!(
            t.pos,
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
        ) || t.is_possessive()
    };
    let first = v + 1;
    if !toks.get(first).is_some_and(|t| np(t) && t.lower != "for") {
        return false;
    }
    if toks[v].lower.starts_with("describ") {
        // "described NP (with its modifiers) as ...", within the clause
        return (first + 1..toks.len().min(first + 12))
            .take_while(|&k| toks[k].is_word())
            .any(|k| toks[k].lower == "as");
    }
    let run = (first..toks.len()).take_while(|&k| np(&toks[k])).count();
    let end = first + run;
    // "called NP a/an ...", "called him reckless": a second phrase opens inside the run
    (first + 1..end).any(|k| {
        matches!(toks[k].lower, "a" | "an")
            || (toks[k - 1].pos == Upos::Pron && toks[k].pos == Upos::Adj)
    })
}

/// Speaker, content pieces and rule id of the speech cue at `v..v+len` of sentence `s`.
fn attribute(
    inp: &Input<'_, '_>,
    s: usize,
    v: usize,
    len: usize,
    special: Special,
    sentence_speaker: Option<usize>,
) -> Option<(Speaker, Vec<Span>, &'static str)> {
    let sent = &inp.sents[s];
    let toks = &sent.toks;
    let after = v + len;
    match special {
        Special::AccordingTo => {
            let (e, m_end) =
                match mention_starting(inp, s, after).or_else(|| compiled_by(inp, s, after)) {
                    Some(m) => (inp.ents.of[s][m]?, inp.mentions[s][m].end),
                    None => described_source(inp, s, after)?,
                };
            // the clause must not carry its own speaker ("According to ABC, Basya said ...")
            // "learned that, according to X, ...": the source opens its clause
            let opens_clause =
                v > 0 && toks[v - 1].in_class(WordClass::Complementizer) && v + 2 < toks.len();
            // "Over the long term, according to X, CONTENT": a verbless adverbial before the
            // source is no content; the clause after it is
            let adverbial_before =
                v > 0 && toks[v - 1].text == "," && adverbial_only(toks, 0, v - 1, inp.lex);
            let (from, to, rule) = if v == 0
                || opens_clause
                || adverbial_before
                || (v <= 2
                    && !toks[..v].iter().any(|t| {
                        t.is_word() && t.cap && !t.is_exactly(WordClass::CapitalisedConjunction)
                    })) {
                let mut c = m_end;
                while c < toks.len() && !matches!(toks[c].text, ",") && c < m_end + 6 {
                    c += 1;
                }
                (c + 1, toks.len(), "said.according-to-opens")
            } else if continues_after(toks, m_end) {
                // "The catch, according to X, fell by a third."
                (0, toks.len(), "said.parenthetical-attribution")
            } else {
                (0, v, "said.according-to-closes")
            };
            if (from..to.min(toks.len()))
                .filter(|&j| j < v || j >= after)
                .any(|j| speech_at(toks, j, inp.lex).is_some())
            {
                return None;
            }
            let span = tok_span(toks, from, to)?;
            return Some((Speaker::Entity(e), vec![span], rule));
        }
        Special::QuotedAs => {
            let m = mention_starting(inp, s, v + 1)?;
            let e = inp.ents.of[s][m]?;
            let start = skip_that(toks, after);
            let span = tok_span(toks, start, content_stop(inp, s, start))?;
            return Some((Speaker::Entity(e), vec![span], "said.quoted-as-saying"));
        }
        Special::Naming => {
            // "X called the plan \"a disgrace\"": the object and the name it is given, up to
            // the end of the quotation
            let speaker = subject_before(inp, s, v)
                .map(|(sp, _)| sp)
                .or_else(|| relative_antecedent(inp, s, v).map(Speaker::Entity))?;
            let open = (after..toks.len()).find(|&k| toks[k].is_quote())?;
            let q = quote_opening(inp, &toks[open])?;
            let end = toks
                .iter()
                .position(|t| t.span.start >= q.outer.end)
                .unwrap_or(toks.len());
            let span = tok_span(toks, after, end)?;
            return Some((speaker, vec![span], "said.naming-verb-quote"));
        }
        Special::Labelling => {
            // "X called the plan a mistake": the object and its label
            let speaker = subject_before(inp, s, v)
                .map(|(sp, _)| sp)
                .or_else(|| relative_antecedent(inp, s, v).map(Speaker::Entity))?;
            let span = tok_span(toks, after, content_stop(inp, s, after))?;
            return Some((speaker, vec![span], "said.labelling-verb"));
        }
        _ => {}
    }
    let lex = inp.lex;
    // "X said ... and added that ...": a second verb of the same speaker
    if let Some(e) = sentence_speaker
        && v > 0
        && toks[v - 1].in_class(WordClass::ClauseCoordinator)
    {
        let start = skip_object_and_adverbials(inp, s, after);
        // "... but said, \"We will fight,\" promising more": a quotation is the words
        let quoted = toks
            .get(start)
            .filter(|t| t.is_quote())
            .and_then(|t| quote_opening(inp, t));
        let span = match quoted {
            Some(q) => q.inner,
            None => tok_span(toks, start, toks.len())?,
        };
        return Some((Speaker::Entity(e), vec![span], "said.coordinated-verb"));
    }
    // the subject before the verb
    // "X opened talks with ministers from A and B, saying ...": a participle after a comma
    // has no subject of its own; the name before the comma ends the clause it hangs on
    let bare_participle = special == Special::Participle && v > 0 && toks[v - 1].text == ",";
    let subject = (!bare_participle)
        .then(|| subject_before(inp, s, v))
        .flatten();
    if let Some((speaker, subj_start)) = subject {
        // content after the verb, or before the subject when the attribution closes the sentence
        let (start, explicit) = skip_to_content(inp, s, after);
        let after_words = toks[start.min(toks.len())..]
            .iter()
            .filter(|t| t.is_word())
            .count();
        let before_words = toks[..subj_start].iter().filter(|t| t.is_word()).count();
        let quote_follows = toks[after..].iter().take(3).any(|t| t.is_quote());
        let first = toks[0].lower;
        // "Asked why ..., X said": a participle opening the sentence, as "Speaking to ..."
        let adverbial_opening = adverbial(first, lex)
            || lex.word_in(WordClass::SourceOpener, first)
            || first.ends_with("ing")
            || (first.ends_with("ed") && toks[0].pos == crate::tag::Upos::Verb);
        // "CONTENT, X said (on Tuesday).": the words before are a clause (they have a
        // verb) and little follows the verb; "However on Tuesday, X denied charges ..." is not
        let before_is_clause = toks[..subj_start].iter().any(|t| {
            t.is_word()
                && !t.cap
                && t.pos.is_verbal()
                && (t.is_exactly(WordClass::Auxiliary)
                    || super::nominal::is_verb_like(t.lower, lex))
        });
        let little_after = after_words <= 6
            && !toks[after..]
                .iter()
                .any(|t| t.is_word() && !t.cap && t.is_exactly(WordClass::Auxiliary));
        // opening adverbial: "Speaking to reporters in Oslo after the vote, Jane Lind said the
        // quota would stay": one phrase set off by a single comma, opened by a participle or
        // a preposition, is when and how, not the words -- the clause after the verb is
        let lone_opener = adverbial_opening
            && after_words >= 3
            && toks[..subj_start - usize::from(subj_start > 0)]
                .iter()
                .all(|t| !matches!(t.text, "," | ";" | ":") && !t.is_quote());
        // a title in quotation marks ("On the \"Fish Hour\" show Jane Lind said ..."): a
        // quotation too short to be a statement does not close one; a quotation that
        // opens the sentence is the words, however short ("\"Not now,\" she said, ...")
        let short_quote_before = subj_start > 0
            && toks[subj_start - 1].is_quote()
            && after_words >= 3
            && inp
                .quotes
                .iter()
                .rfind(|q| q.outer.end <= toks[subj_start].span.start)
                .is_some_and(|q| words(inp.text, q.inner) < 3 && q.outer.start > toks[0].span.start);
        // words after the verb, unless they are only where or to whom ("said at a news
        // conference in Oslo", "told the Fish Gazette")
        let stop = content_stop(inp, s, start);
        let words_follow = after_words >= 3
            && !is_sentence_close(toks, start)
            && !adverbial_only(toks, start, stop, lex);
        // opening adverbial clause: "When the talks ended in Oslo, Jane Lind said the quota
        // would stay": a clause opened by "when", "because" or "although" before the subject
        // is when or why, and a clause after the verb is the words
        let subordinate_opening =
            lex.word_in_any_case(WordClass::Subordinator, first) && words_follow;
        let closes = subj_start > 0
            && !quote_follows
            && !subordinate_opening
            && (!explicit || after_words < 3)
            && !lone_opener
            && !short_quote_before
            && {
                let p = &toks[subj_start - 1];
                p.is_quote()
                    || (p.text == ","
                        && before_words >= 4
                        && (before_words >= 8 || !adverbial_opening)
                        && (before_is_clause || little_after)
                        && !clause_opens(toks, start))
            };
        // "The fleet, she said, is far too large.": the attribution sits inside its words
        if subj_start > 0
            && toks[subj_start - 1].text == ","
            && before_words >= 2
            && continues_after(toks, after)
        {
            let span = tok_span(toks, 0, content_stop(inp, s, after + 1))?;
            return Some((speaker, vec![span], "said.parenthetical-attribution"));
        }
        if !closes && words_follow {
            let span = tok_span(toks, start, stop)?;
            return Some((speaker, vec![span], "said.subject-verb-content"));
        }
        // "CONTENT, X said." / "CONTENT," X said, "MORE."
        let mut pieces = Vec::new();
        // the words before count only when set off by a comma, dash or quotation mark
        let set_off = subj_start > 0
            && (matches!(toks[subj_start - 1].text, "," | "-" | "\u{2014}")
                || toks[subj_start - 1].is_quote());
        if set_off {
            let mut before_end = subj_start;
            while before_end > 0
                && (matches!(toks[before_end - 1].text, "," | "-" | "\u{2014}")
                    || toks[before_end - 1].is_quote())
            {
                before_end -= 1;
            }
            // "Jane Lind summed up the day: \"We lost,\" she said.": after a colon, the
            // quotation alone is the words
            let colon_quote = inp.quotes.iter().rfind(|q| {
                q.outer.end <= toks[subj_start].span.start
                    && q.outer.end + 3 >= toks[subj_start - 1].span.end
            });
            let colon_quote = colon_quote.filter(|q| {
                toks.iter()
                    .rposition(|t| t.span.end <= q.outer.start)
                    .is_some_and(|k| toks[k].text == ":")
            });
            if let Some(q) = colon_quote {
                pieces.push(q.inner);
            } else if let Some(sp) = tok_span(toks, 0, before_end) {
                pieces.push(sp);
            }
        }
        if after < toks.len()
            && matches!(toks[after].text, ",")
            && toks.get(after + 1).is_some_and(|t| t.is_quote())
            && let Some(sp) = tok_span(toks, after + 1, toks.len())
        {
            pieces.push(sp);
        }
        let mut rule = "said.content-subject-verb";
        if pieces.is_empty() {
            rule = "said.subject-verb-after-quote";
            // "X said." closing a quotation that started in an earlier sentence
            let before = inp
                .quotes
                .partition_point(|q| q.outer.end <= toks[v].span.start);
            let q = before
                .checked_sub(1)
                .map(|i| &inp.quotes[i])
                .filter(|q| q.outer.end + 3 >= toks[subj_start.saturating_sub(1)].span.start);
            pieces.extend(q.map(|q| q.inner));
        }
        if pieces.is_empty() {
            return None;
        }
        return Some((speaker, pieces, rule));
    }
    // relative clause: "..., said Ali Khan, who added that the quota would stay" --
    // the antecedent speaks; the words end with the clause ("Ali Khan, who said the
    // fleet was too large, left the talks")
    if let Some(e) = relative_antecedent(inp, s, v) {
        let start = skip_object_and_adverbials(inp, s, after);
        let stop = content_stop(inp, s, start);
        let stop = (start..stop)
            .find(|&k| {
                continues_after(toks, k)
                    || (toks[k].text == ","
                        && toks
                            .get(k + 1)
                            .is_some_and(|t| t.in_class(WordClass::Coordinator))
                        && !toks
                            .get(k + 2)
                            .is_some_and(|t| t.in_class(WordClass::Complementizer)))
            })
            .unwrap_or(stop);
        let span = tok_span(toks, start, stop)?;
        return Some((
            Speaker::Entity(e),
            vec![span],
            "said.relative-clause-speaker",
        ));
    }
    // inversion: "..., said Mr Smith." / "... ," said he. A participle does not invert:
    // in "..., saying he would stay" the name after it opens the words
    if special != Special::Participle
        && v > 0
        && (toks[v - 1].text == "," || toks[v - 1].is_quote())
    {
        // an inverted pronoun closes its clause ("..., said he."); in "..., says she warned
        // them" the pronoun is the subject of the words
        let pronoun_closes = toks
            .get(after + 1)
            .is_none_or(|t| !t.is_word() || adverbial(t.text, inp.lex));
        let speaker = if pronoun_closes
            && toks
                .get(after)
                .is_some_and(|t| t.in_class(WordClass::MalePronoun))
        {
            Some(Speaker::He)
        } else if pronoun_closes
            && toks
                .get(after)
                .is_some_and(|t| t.in_class(WordClass::FemalePronoun))
        {
            Some(Speaker::She)
        } else {
            mention_starting(inp, s, after)
                .or_else(|| mention_starting(inp, s, after + 1))
                .and_then(|m| inp.ents.of[s][m])
                .or_else(|| person_after_title(inp, s, after))
                .map(Speaker::Entity)
        };
        if let Some(sp) = speaker {
            let mut before_end = v;
            while before_end > 0
                && (matches!(toks[before_end - 1].text, ",") || toks[before_end - 1].is_quote())
            {
                before_end -= 1;
            }
            let span = tok_span(toks, 0, before_end)?;
            return Some((sp, vec![span], "said.quote-verb-speaker"));
        }
    }
    // "..., saying ..." or a second verb in the sentence: the sentence's speaker
    if special == Special::Participle
        || (v > 0 && (toks[v - 1].text == "," || toks[v - 1].in_class(WordClass::ClauseCoordinator)))
    {
        let speaker = sentence_speaker
            .or_else(|| {
                // a meeting opening the sentence ("At a harbour meeting, ...") is where
                subject_at_start(inp, s).filter(|&e| {
                    !matches!(inp.ents.list[e].kind, NodeKind::Meeting | NodeKind::Report)
                })
            })
            .map(Speaker::Entity)
            .or_else(|| clause_subject(inp, s, v))?;
        let start = skip_object_and_adverbials(inp, s, after);
        let span = tok_span(toks, start, content_stop(inp, s, start))?;
        return Some((speaker, vec![span], "said.participle-sentence-speaker"));
    }
    None
}

/// The subject of the clause a participle hangs on, when the sentence does not open with
/// it: "He left the talks, saying ..." (a pronoun) or "In Oslo on Monday, Jane Lind left
/// the talks, saying ..." (a name after an opening adverbial): the first pronoun or named
/// person, nation or body before `v` that a finite verb follows (across "also", "has").
fn clause_subject(inp: &Input<'_, '_>, s: usize, v: usize) -> Option<Speaker> {
    use crate::tag::Upos;
    let toks = &inp.sents[s].toks;
    let verb_at = |mut k: usize| {
        while k < v
            && (toks[k].is_exactly(WordClass::VerbFiller)
                || toks[k].is_exactly(WordClass::SpeechAuxiliary))
        {
            k += 1;
        }
        k < v
            && matches!(toks[k].pos, Upos::Verb | Upos::Aux)
            && !toks[k].text.ends_with("ing")
            && !inside(inp.quotes, toks[k].span.start)
    };
    let mut first_mention = inp.mentions[s]
        .iter()
        .enumerate()
        .filter(|(k, m)| m.end < v && inp.ents.of[s][*k].is_some() && verb_at(m.end))
        .map(|(k, m)| (m.titled_start, inp.ents.of[s][k]));
    let named = first_mention.next();
    let pronoun = (0..v).find(|&k| {
        toks[k].is_he_or_she()
            && (k == 0 || matches!(toks[k - 1].text, "," | ";"))
            && verb_at(k + 1)
    });
    match (named, pronoun) {
        (Some((at, Some(e))), p) if p.is_none_or(|p| at < p) => Some(Speaker::Entity(e)),
        (_, Some(p)) if toks[p].in_class(WordClass::MalePronoun) => Some(Speaker::He),
        (_, Some(_)) => Some(Speaker::She),
        _ => None,
    }
}

/// "according to the survey", "according to the agency": a definite description after
/// "according to", set off by a comma or closing the sentence, of a body or report named
/// before ([`super::speaker::body_described`]): (entity, the token after the description).
fn described_source(inp: &Input<'_, '_>, s: usize, from: usize) -> Option<(usize, usize)> {
    let toks = &inp.sents[s].toks;
    if !toks.get(from)?.in_class(WordClass::DefiniteArticle) {
        return None;
    }
    let words = from + 1;
    let end = (words..(words + 3).min(toks.len()))
        .find(|&k| !toks[k].is_word() || toks[k].cap)
        .unwrap_or(toks.len().min(words + 3));
    if end == words
        || !(is_sentence_close(toks, end) || toks.get(end).is_some_and(|t| t.text == ","))
    {
        return None;
    }
    let e = super::speaker::body_described(inp, s, toks[from].span.start, &toks[words..end])?;
    Some((e, end))
}

/// The maker named inside a source phrase of report or data words after
/// "according to" ("a CNN tally", "data from the Census Bureau", "polling
/// by Acme"): the first entity mentioned before the phrase ends at a comma,
/// a verb or 8 tokens. Unnamed people ("a source close to X") are no such phrase.
fn compiled_by(inp: &Input<'_, '_>, s: usize, from: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    let mut end = from;
    while end < toks.len()
        && end < from + 8
        && (toks[end].is_word() || toks[end].kind == crate::text::TokenKind::Number)
        && !toks[end].in_class(WordClass::Complementizer)
        && lex.verb(toks[end].lower).is_none()
    {
        end += 1;
    }
    let phrase = &toks[from..end];
    let compiled = phrase.iter().any(|t| {
        !t.cap && (t.in_class(WordClass::DataNoun) || lex.noun(t.lower) == Some(NounClass::Report))
    });
    if !compiled
        || phrase
            .iter()
            .any(|t| lex.noun(t.lower) == Some(NounClass::Group))
    {
        return None;
    }
    inp.mentions[s]
        .iter()
        .enumerate()
        .find(|(k, m)| m.start >= from && m.end <= end && inp.ents.of[s][*k].is_some())
        .map(|(k, _)| k)
}

/// True when a clause with its own subject opens at token `k`: a short noun phrase
/// (determiners, adjectives, nouns, names, a pronoun) and then a finite verb, as in "he is
/// left with two options" or "the mayor would resign". After a speech verb such a clause is
/// its words, so the words before the subject ("With the vote lost, Lind said he ...") are
/// when or why, not a statement.
fn clause_opens(toks: &[Tok<'_>], k: usize) -> bool {
    let np = |t: &Tok<'_>| {
        t.is_word()
            && (matches!(
                t.pos,
                Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
            ) || t.is_possessive())
    };
    let run = toks[k.min(toks.len())..]
        .iter()
        .take(6)
        .take_while(|t| np(t))
        .count();
    run > 0
        && toks.get(k + run).is_some_and(|t| {
            t.is_word() && matches!(t.pos, Upos::Verb | Upos::Aux) && !t.lower.ends_with("ing")
        })
}

/// True when an attribution set off by commas ends at token `k` and
/// interrupts a clause between its subject and its verb: a comma, then the
/// verb (after an adverb at most), not a participle ("The fleet, she said,
/// is too large"; not "..., she said, with ..." nor "..., she said, adding ...").
fn continues_after(toks: &[Tok<'_>], k: usize) -> bool {
    use crate::tag::Upos;
    let verbal = |t: &Tok<'_>| matches!(t.pos, Upos::Aux | Upos::Verb) && !t.text.ends_with("ing");
    let Some(next) = toks.get(k + 1) else {
        return false;
    };
    toks[k].text == ","
        && (verbal(next) || (next.pos == Upos::Adv && toks.get(k + 2).is_some_and(verbal)))
        && toks[k + 1..].iter().filter(|t| t.is_word()).count() >= 2
}

/// A word that opens an adverbial between a speech verb and its content
/// ("said on Tuesday that"): [`WordClass::AdverbialStart`] or a [`WordClass::Day`].
fn adverbial(word: &str, lex: &Lexicon) -> bool {
    lex.word_in_any_case(WordClass::AdverbialStart, word)
        || lex.word_in_any_case(WordClass::Day, word)
}

/// The quotation whose opening mark is token `t`.
fn quote_opening<'b>(inp: &Input<'_, 'b>, t: &Tok<'_>) -> Option<&'b Quote> {
    inp.quotes.iter().find(|q| q.outer.start == t.span.start)
}

/// A person named after a descriptive title that opens at `from` ("said former Maine
/// Gov. Ana Ortiz", "said union lobbyist and strategist Ali Khan"): nouns, adjectives,
/// names and "and", with no verb, preposition or punctuation before the name.
fn person_after_title(inp: &Input<'_, '_>, s: usize, from: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let title_word = |t: &Tok<'_>| {
        t.is_word()
            && matches!(
                t.pos,
                Upos::Adj | Upos::Noun | Upos::Propn | Upos::Cconj | Upos::Num
            )
    };
    let (k, m) = inp.mentions[s]
        .iter()
        .enumerate()
        .find(|(_, m)| m.titled_start > from && m.titled_start <= from + 6)?;
    let e = inp.ents.of[s][k]?;
    (inp.ents.list[e].kind == NodeKind::Person && toks[from..m.titled_start].iter().all(title_word))
        .then_some(e)
}

/// Skip "that", colons, and "told Y" / "on Tuesday" / "in a statement" before the content.
fn skip_object_and_adverbials(inp: &Input<'_, '_>, s: usize, from: usize) -> usize {
    skip_to_content(inp, s, from).0
}

/// As [`skip_object_and_adverbials`], and whether the content is opened by "that", ":" or a quotation.
fn skip_to_content(inp: &Input<'_, '_>, s: usize, from: usize) -> (usize, bool) {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    // "said Tuesday the talks ...": a bare day is when, not what
    let from = if toks.get(from).is_some_and(|t| t.in_class(WordClass::Day)) {
        from + 1
    } else {
        from
    };
    let opens = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.in_class(WordClass::Complementizer) || t.text == ":" || t.is_quote())
    };
    let verb = from.checked_sub(1).map(|p| toks[p].lower);
    let verb = verb.unwrap_or("");
    let tells = lex.word_in(WordClass::TellForm, verb);
    if tells {
        // "told Sky News any process must ...": skip the listener, then read on
        if let Some(m) = mention_starting(inp, s, from) {
            let mut j = inp.mentions[s][m].end;
            // "told BBC Radio 4's World At One": the programme is the listener too
            let mut k = j;
            while toks
                .get(k)
                // ("Radio 4's" comes as "4", "'", "s")
                .is_some_and(|t| {
                    t.cap
                        || t.is_possessive()
                        || matches!(t.text, "s" | "'" | "\u{2019}")
                        || t.kind == crate::text::TokenKind::Number
                })
            {
                k += 1;
            }
            if k > j && is_sentence_close(toks, k) {
                j = k;
            }
            // "told the British minister that ...": the rest of the listener's phrase
            if let Some(k) = (j..(j + 4).min(toks.len()))
                .find(|&k| opens(k))
                .filter(|&k| toks[j..k].iter().all(|t| t.is_word() && !t.cap))
            {
                j = k;
            }
            return (skip_that(toks, j), opens(j));
        }
        // "told reporters the ceasefire was holding": an unnamed listener
        let mut j = from;
        while toks
            .get(j)
            .is_some_and(|t| t.in_class(WordClass::NameArticle))
        {
            j += 1;
        }
        if toks
            .get(j)
            .is_some_and(|t| lex.noun(t.lower) == Some(NounClass::Group))
        {
            return (skip_that(toks, j + 1), opens(j + 1));
        }
    }
    // an indirect object or adverbial phrase up to a "that", ":" or opening quote within a few tokens
    let told = tells || lex.word_in(WordClass::InformVerb, verb);
    // "said to reporters that ...", "complained to the council that ...": the listener
    let to_hearer = toks.get(from).is_some_and(|t| t.in_class(WordClass::To))
        && lex
            .verb(verb)
            .is_some_and(|(_, lemma)| lex.word_in(WordClass::HearerSpeech, lemma));
    let opens_adverbial = to_hearer || toks.get(from).is_some_and(|t| adverbial(t.text, lex));
    let mut j = from;
    if let Some(k) = (from..(from + 10).min(toks.len())).find(|&k| opens(k)) {
        let between = &toks[from..k];
        // ("said in a report that": a speech word the tagger reads as a noun is none)
        let no_verb = between.iter().all(|t| {
            t.pos == crate::tag::Upos::Noun
                || !inp
                    .lex
                    .verb(t.lower)
                    .is_some_and(|(c, _)| c == VerbClass::Speech)
        }) && !between.iter().any(|t| t.text == ",");
        if k == from || (no_verb && (told || opens_adverbial)) {
            j = k;
        }
    }
    let explicit = opens(j)
        || (toks.get(j).is_some_and(|t| t.text == ",")
            && toks.get(j + 1).is_some_and(|t| t.is_quote()));
    (skip_that(toks, j), explicit)
}

/// Where attributed words after a verb end: the sentence end, or a
/// coordinated speech verb of the same speaker ("... and said it was ...").
fn content_stop(inp: &Input<'_, '_>, s: usize, from: usize) -> usize {
    let toks = &inp.sents[s].toks;
    let verbal = |t: &Tok<'_>| t.pos.is_verbal() && !t.is_exactly(WordClass::Modal);
    let fronted = toks
        .first()
        .is_some_and(|t| t.in_class(WordClass::Subordinator))
        && !toks[..from.min(toks.len())].iter().any(|t| t.text == ",");
    // after a comma outside the words, the token that follows it; after a comma closing a
    // quotation ("... at \"small schools,\" Y said"), where American style puts it inside
    // the marks, the token after the closing mark
    let after_comma = |k: usize| {
        if k <= from || toks[k].text != "," {
            return None;
        }
        if !inside(inp.quotes, toks[k].span.start) {
            return Some(k + 1);
        }
        toks.get(k + 1)
            .is_some_and(|t| t.is_quote() && !inside(inp.quotes, t.span.start))
            .then_some(k + 2)
    };
    for k in from..toks.len() {
        if let Some(n) = after_comma(k) {
            // "While X said A, he said B": a second attribution opens after a comma,
            // its subject right after the comma or after a conjunction ("X said A, although
            // he wrote B", "X said A, but Y said B")
            // "While X said A, he appears B": an attribution inside a clause opened by a
            // conjunction ends where that clause does, at the comma the main clause follows
            if fronted
                && toks
                    .get(n)
                    .is_some_and(|t| !t.in_class(WordClass::ClauseRelative))
                && clause_opens(toks, n)
            {
                return k;
            }
            let opener = |t: &Tok<'_>| {
                t.in_class(WordClass::Subordinator) || t.in_class(WordClass::ClauseCoordinator)
            };
            if (n + 1..toks.len().min(n + 7)).any(|j| {
                speech_at(toks, j, inp.lex).is_some()
                    && subject_before(inp, s, j)
                        .is_some_and(|(_, at)| at == n || (at == n + 1 && opener(&toks[n])))
            }) {
                return k;
            }
            // "X said A, adding that B" / "..., citing B" / "..., calling it B": a participle
            // of speech after a comma is the speaker's next act, not part of the words
            if n < toks.len() && speech_participle(toks, n, inp.lex) {
                return k;
            }
            continue;
        }
        if !toks[k].in_class(WordClass::ClauseCoordinator)
            || inside(inp.quotes, toks[k].span.start)
        {
            continue;
        }
        let comma = k > 0 && toks[k - 1].text == ",";
        let next = toks.get(k + 1);
        // "X said A and added B", "X said A but said B": a second speech verb of the speaker;
        // "X said A, and has since B": a second verb of the speaker, the narrator's;
        // "X said A, but she has since B": a clause about the speaker, not in the words
        if speech_at(toks, k + 1, inp.lex).is_some()
            || (comma && next.is_some_and(verbal))
            || (comma
                && next.is_some_and(Tok::is_he_or_she)
                && toks.get(k + 2).is_some_and(verbal))
        {
            // never before `from`: "said, and added" has no words between
            return if comma && k > from { k - 1 } else { k };
        }
    }
    toks.len()
}

/// True when token `k` is the "-ing" form of a verb of speech, blame or citing ("adding",
/// "warning", "accusing", "citing", "pointing out") or of labelling ("calling"); not of
/// belief ("thinking", "hoping"), which tells the speaker's mind inside the words.
fn speech_participle(toks: &[Tok<'_>], k: usize, lex: &Lexicon) -> bool {
    let t = &toks[k];
    if !t.is_word() || !t.lower.ends_with("ing") || t.in_class(WordClass::MentalParticiple) {
        return false;
    }
    let class = lex.verb(t.lower).map(|(c, _)| c).or_else(|| {
        let n = toks.get(k + 1).filter(|_| lex.opens_verb(t.lower))?;
        lex.verb(&format!("{} {}", t.lower, n.lower)).map(|(c, _)| c)
    });
    matches!(
        class,
        Some(VerbClass::Speech | VerbClass::Accuse | VerbClass::Cite)
    ) || t.in_class(WordClass::NamingVerb)
        || t.in_class(WordClass::LabellingVerb)
}

fn skip_that(toks: &[Tok<'_>], from: usize) -> usize {
    let mut j = from;
    while j < toks.len()
        && (toks[j].in_class(WordClass::Complementizer) || matches!(toks[j].text, ":" | ","))
    {
        j += 1;
    }
    j
}

/// True when tokens `a..b` are where or to whom, not what: no verb and no quotation, and
/// opened by an adverbial ("at a news conference in Oslo") or only a name ("the Fish
/// Gazette").
fn adverbial_only(toks: &[Tok<'_>], a: usize, b: usize, lex: &Lexicon) -> bool {
    use crate::tag::Upos;
    let words = &toks[a.min(toks.len())..b.min(toks.len())];
    if words
        .iter()
        .any(|t| t.is_quote() || matches!(t.pos, Upos::Verb | Upos::Aux))
    {
        return false;
    }
    words.first().is_some_and(|t| adverbial(t.text, lex))
        || words
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.cap || t.in_class(WordClass::Article))
}

/// True when the sentence ends at `j` (only punctuation left).
fn is_sentence_close(toks: &[Tok<'_>], j: usize) -> bool {
    toks[j.min(toks.len())..].iter().all(|t| !t.is_word())
}

/// The byte span of tokens `a..b`, trimmed of punctuation at both ends.
fn tok_span(toks: &[Tok<'_>], a: usize, b: usize) -> Option<Span> {
    let b = b.min(toks.len());
    let mut a = a;
    let mut b = b;
    while a < b && !toks[a].is_word() && toks[a].kind != crate::text::TokenKind::Number {
        a += 1;
    }
    while b > a
        && !toks[b - 1].is_word()
        && toks[b - 1].kind != crate::text::TokenKind::Number
        && !matches!(toks[b - 1].text, "." | "?" | "!")
    {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    Some(Span {
        start: toks[a].span.start,
        end: toks[b - 1].span.end,
    })
}

/// A content that starts with a quotation takes the whole quotation, also
/// when it runs on past the sentence; the quotation is then used up.
fn widen_to_quote(quotes: &[Quote], content: Span, used: &mut [bool]) -> Span {
    let mut c = content;
    // quotations are in text order: start at the first that ends after the content starts
    let mut i = quotes.partition_point(|q| q.inner.end <= c.start);
    while let Some(q) = quotes.get(i).filter(|q| q.inner.start < c.end) {
        used[i] = true;
        if q.inner.start <= c.start + 1 && q.inner.end > c.end {
            c.end = q.inner.end;
        }
        // the attribution closes a quotation that began sentences earlier
        if q.inner.start < c.start && c.end + 2 >= q.inner.end && c.end <= q.inner.end + 2 {
            c.start = q.inner.start;
        }
        i += 1;
    }
    c
}

fn words(text: &str, span: Span) -> usize {
    text[span.start..span.end]
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Entities mentioned inside a statement's words.
fn about(inp: &Input<'_, '_>, st: &Statement) -> Vec<usize> {
    let mut out = Vec::new();
    for (s, k, m) in mentions_in(inp, st.content) {
        if !st
            .aside
            .is_some_and(|a| a.start <= m.span.start && m.span.end <= a.end)
            && let Some(e) = inp.ents.of[s][k]
            && e != st.speaker
            && !out.contains(&e)
        {
            out.push(e);
        }
    }
    out.sort_unstable();
    out
}

/// The mentions that lie inside `span`, as (sentence, index, mention).
pub fn mentions_in<'a>(
    inp: &'a Input<'_, '_>,
    span: Span,
) -> impl Iterator<Item = (usize, usize, &'a Mention)> + 'a {
    sentences_in(inp, span).flat_map(move |s| {
        inp.mentions[s]
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.span.start >= span.start && m.span.end <= span.end)
            .map(move |(k, m)| (s, k, m))
    })
}

/// The sentences that overlap `span`, found by binary search. O(log n).
pub fn sentences_in(inp: &Input<'_, '_>, span: Span) -> std::ops::Range<usize> {
    let lo = inp.sents.partition_point(|x| x.span.end <= span.start);
    let hi = inp.sents.partition_point(|x| x.span.start < span.end);
    lo..hi.max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_input;

    /// The statements of an article body (paragraphs split by blank lines),
    /// as `speaker: words [rule]`.
    fn statements(body: &str) -> Vec<String> {
        let text = format!("Fish talks\n\n{body}\n");
        with_input(&text, |inp| {
            find(inp)
                .iter()
                .map(|st| {
                    let words = &inp.text[st.content.start..st.content.end];
                    let who = &inp.ents.list[st.speaker].name;
                    format!("{who}: {words} [{}]", st.rule)
                })
                .collect()
        })
    }

    /// One row per rule: an article in wire style and a statement it must yield.
    const FOUND: &[(&str, &str)] = &[
        (
            "Jane Lind said the talks would resume on Monday.",
            "Jane Lind: the talks would resume on Monday. [said.subject-verb-content]",
        ),
        (
            // the document it was said in is where, not what
            "Jane Lind said in a report that the talks would resume on Monday.",
            "Jane Lind: the talks would resume on Monday. [said.subject-verb-content]",
        ),
        (
            "The talks will resume on Monday, Jane Lind said.",
            "Jane Lind: The talks will resume on Monday [said.content-subject-verb]",
        ),
        (
            // a short quotation opening the sentence is the words; what follows the verb
            // is how or about what
            "\"Not this year,\" Ali Khan said, pointing at the empty quay.",
            "Ali Khan: Not this year, [said.content-subject-verb]",
        ),
        (
            "\"Far too late,\" Jane Lind said of the new quota.",
            "Jane Lind: Far too late, [said.content-subject-verb]",
        ),
        (
            "Jane Lind called the new quota a death sentence for the northern ports.",
            "Jane Lind: the new quota a death sentence for the northern ports. [said.labelling-verb]",
        ),
        (
            "Ali Khan described the harbour deal as unfair to small boats.",
            "Ali Khan: the harbour deal as unfair to small boats. [said.labelling-verb]",
        ),
        (
            // a participle opening the sentence is when, not the words
            "Asked on Monday why the port had closed, Jane Lind said the dredging contract had run out.",
            "Jane Lind: the dredging contract had run out. [said.subject-verb-content]",
        ),
        (
            // a second attribution after a comma ends the first one's words
            "While Ali Khan said the quota was fair, Jane Lind said the fleet was too large.",
            "Ali Khan: the quota was fair [said.subject-verb-content]",
        ),
        (
            // "to" after a verb of speech names the listener when no verb follows it
            "Ali Khan said to reporters that the fleet would stay in port.",
            "Ali Khan: the fleet would stay in port. [said.subject-verb-content]",
        ),
        (
            "Jane Lind complained to the harbour board that the fees were too high.",
            "Jane Lind: the fees were too high. [said.subject-verb-content]",
        ),
        (
            "\"The boats are ready,\" Ali Khan said to loud cheers.",
            "Ali Khan: The boats are ready, [said.content-subject-verb]",
        ),
        (
            // ... also when the comma closes a quotation, inside the marks in American style
            "After Ali Khan said the boats were \"far too old,\" Jane Lind said the fleet would be rebuilt.",
            "Ali Khan: the boats were \"far too old [said.subject-verb-content]",
        ),
        (
            "Jane Lind called the quota \"a fair start,\" and Ali Khan said the fleet would accept it.",
            "Ali Khan: the fleet would accept it. [said.subject-verb-content]",
        ),
        (
            // a participle after a comma speaks for the clause's subject, not the name before it
            "Jane Lind opened talks in Bergen with ministers from Norway, Iceland and Denmark, saying the quota was too low.",
            "Jane Lind: the quota was too low. [said.participle-sentence-speaker]",
        ),
        (
            // an attribution inside an opening "although" clause ends with that clause
            "Although Jane Lind said the ferries could not sail, the harbour stayed open all week.",
            "Jane Lind: the ferries could not sail [said.subject-verb-content]",
        ),
        (
            // a second attribution after a comma and a conjunction ends the first one's words
            "Jane Lind said the port would stay shut, although she wrote that the ferries could sail.",
            "Jane Lind: the port would stay shut [said.subject-verb-content]",
        ),
        (
            // a speech verb joined by "but" to the subject's first verb is the subject's
            "Jane Lind rejected the harbour plan but says the board may revisit it in June.",
            "Jane Lind: the board may revisit it in June. [said.participle-sentence-speaker]",
        ),
        (
            // a pronoun after the verb that a verb follows opens the words; it is no inversion
            "Jane Lind left the harbour board in May, says she warned the mayor about the storms.",
            "Jane Lind: she warned the mayor about the storms. [said.participle-sentence-speaker]",
        ),
        (
            // a clause with its own subject right after the verb is the words: the opening
            // phrase before the speaker is when or why
            "With the vote on the quota lost, Jane Lind said she would sail to Bergen.",
            "Jane Lind: she would sail to Bergen. [said.subject-verb-content]",
        ),
        (
            // an infinitive inside a clause with its own subject is the words, not a request
            "Jane Lind told reporters she planned to sail to Bergen in May.",
            "Jane Lind: she planned to sail to Bergen in May. [said.subject-verb-content]",
        ),
        (
            // a participle of speech after a comma is the speaker's next act: it ends the words
            "Jane Lind said the quota would stay, adding that the trawlers could sail in May.",
            "Jane Lind: the quota would stay [said.subject-verb-content]",
        ),
        (
            "Ali Khan said the harbour fees were too high, citing a survey of the Tromso fleet.",
            "Ali Khan: the harbour fees were too high [said.subject-verb-content]",
        ),
        (
            "\"We will not give up, and we will fish where we always have.\" Ali Khan said.",
            "Ali Khan: We will not give up, and we will fish where we always have. [said.subject-verb-after-quote]",
        ),
        (
            "The talks will resume on Monday, said Jane Lind.",
            "Jane Lind: The talks will resume on Monday [said.quote-verb-speaker]",
        ),
        // a transcript: a name and a colon open the paragraph
        (
            "Jane Lind met Ali Khan in Oslo.\n\nKHAN: The port closed on Friday. Will it open again?",
            "Ali Khan: The port closed on Friday. Will it open again? [said.colon-label]",
        ),
        // a second verb of the speaker ends the words: a second speech verb opens more
        (
            "Ali Khan said the boats would stay in port, but said, \"It is time we fish again,\" promising an answer soon.",
            "Ali Khan: It is time we fish again, [said.coordinated-verb]",
        ),
        (
            "Jane Lind said she would visit the port in May, and has since written to the union.",
            "Jane Lind: she would visit the port in May [said.subject-verb-content]",
        ),
        (
            "Jane Lind said she would not ask Ali Khan to leave, but she has bristled at his claims.",
            "Jane Lind: she would not ask Ali Khan to leave [said.subject-verb-content]",
        ),
        (
            "Ali Khan said the fleet would stay, and he would fight the cuts.",
            "Ali Khan: the fleet would stay, and he would fight the cuts. [said.subject-verb-content]",
        ),
        // a descriptive title between the verb and the name
        (
            "Ali Khan flew in on Monday. \"The talks will resume,\" said veteran union lobbyist and strategist Ali Khan.",
            "Ali Khan: The talks will resume, [said.quote-verb-speaker]",
        ),
        (
            "Jane Lind said the talks had failed and added that Norway would not return.",
            "Jane Lind: Norway would not return. [said.coordinated-verb]",
        ),
        (
            "Jane Lind left the talks early, saying the offer was far too low.",
            "Jane Lind: the offer was far too low. [said.participle-sentence-speaker]",
        ),
        // a naming verb with a quotation: the object and its name
        (
            "Ali Khan called the new quota \"a death sentence for the northern ports\" and left.",
            "Ali Khan: the new quota \"a death sentence for the northern ports [said.naming-verb-quote]",
        ),
        (
            "The cut was opposed by Jane Lind, who called it \"reckless and short-sighted\".",
            "Jane Lind: it \"reckless and short-sighted [said.naming-verb-quote]",
        ),
        // a participle hangs on its clause's subject, also a pronoun or a name after an
        // opening adverbial; the name after "saying" opens the words, it does not speak them
        (
            "Jane Lind met Ali Khan in Oslo. He walked out of the talks, saying Norway had offered far too little.",
            "Ali Khan: Norway had offered far too little. [said.participle-sentence-speaker]",
        ),
        (
            "At a harbour meeting in Bergen on Friday, Jane Lind defended the cut, saying the stocks needed time to recover.",
            "Jane Lind: the stocks needed time to recover. [said.participle-sentence-speaker]",
        ),
        (
            "According to Jane Lind, the talks will resume on Monday.",
            "Jane Lind: the talks will resume on Monday. [said.according-to-opens]",
        ),
        (
            "The talks will resume on Monday, according to Jane Lind.",
            "Jane Lind: The talks will resume on Monday [said.according-to-closes]",
        ),
        (
            // "States" in a name is no speech verb that would make the words an attribution
            "Fewer boats fish off the United States than a decade ago, according to Jane Lind.",
            "Jane Lind: Fewer boats fish off the United States than a decade ago [said.according-to-closes]",
        ),
        (
            "The catch fell by a third last year, according to figures from the Fisheries Agency.",
            "Fisheries Agency: The catch fell by a third last year [said.according-to-closes]",
        ),
        // an unnamed document told apart by a word of its own is a source in itself
        (
            "Jane Lind leads the race by six points, according to a new harbour poll.",
            "new harbour poll: Jane Lind leads the race by six points [said.according-to-closes]",
        ),
        // a definite description after "according to": the body or report named before
        (
            "The Coastal Research Institute counted the boats in May. The fleet has shrunk by a third since 2010, according to the institute.",
            "Coastal Research Institute: The fleet has shrunk by a third since 2010 [said.according-to-closes]",
        ),
        (
            "The fleet has shrunk to 40 boats, according to a Reuters tally.",
            "Reuters: The fleet has shrunk to 40 boats [said.according-to-closes]",
        ),
        (
            "Most of the boats, Jane Lind said, would stay in port.",
            "Jane Lind: Most of the boats, Jane Lind said, would stay in port. [said.parenthetical-attribution]",
        ),
        (
            "The northern fleet, according to Ali Khan, is far too large.",
            "Ali Khan: The northern fleet, according to Ali Khan, is far too large. [said.parenthetical-attribution]",
        ),
        (
            "Reuters quoted Ali Khan as saying the talks had failed.",
            "Ali Khan: the talks had failed. [said.quoted-as-saying]",
        ),
        (
            "The World Bank report shows that the fleet is too large.",
            "World Bank report: the fleet is too large. [said.report-verb]",
        ),
        // lower-case words that describe the organization named next
        (
            "Catches fell by a third, according to the campaign group Greenpeace.",
            "Greenpeace: Catches fell by a third [said.according-to-closes]",
        ),
        // "a study by X found that": the document's phrase ends at the verb
        (
            "A study by Greenpeace found that the fleet is too large.",
            "Greenpeace: the fleet is too large. [said.report-verb]",
        ),
        // relative clause: the antecedent speaks, the words end with the clause
        (
            "The cut was welcomed by Tomas Dahl, who said the stocks were healthy again.",
            "Tomas Dahl: the stocks were healthy again. [said.relative-clause-speaker]",
        ),
        (
            "Ola Berg, who said the cut came too late, left the talks early.",
            "Ola Berg: the cut came too late [said.relative-clause-speaker]",
        ),
        (
            "The quota must be cut, said Ali Khan, who added that the fleet was far too large, and the unions agreed.",
            "Ali Khan: the fleet was far too large [said.relative-clause-speaker]",
        ),
        // an opening adverbial phrase is not the words: the clause after the verb is
        (
            "Speaking to reporters in Oslo after the vote on Monday, Jane Lind said the quota would stay at its present level.",
            "Jane Lind: the quota would stay at its present level. [said.subject-verb-content]",
        ),
        (
            "On Monday on the \u{201c}Fish Hour,\u{201d} Ali Khan said the quota would be cut by half.",
            "Ali Khan: the quota would be cut by half. [said.subject-verb-content]",
        ),
        // after a colon, the quotation alone is the words
        (
            "After the long night of talks the mood was grim: \"We lost the fight for the northern quota\", Jane Lind said.",
            "Jane Lind: We lost the fight for the northern quota [said.content-subject-verb]",
        ),
        // a possessor opens the subject phrase: the quotation before it is the words
        (
            "\"The quota will be cut by half next year,\" Jane Lind's chief fisheries adviser Ali Khan said.",
            "Ali Khan: The quota will be cut by half next year, [said.content-subject-verb]",
        ),
        // ... but a clause and an adverbial before the attribution are its words
        (
            "After the storm, the fleet stayed in port all week, Jane Lind said.",
            "Jane Lind: After the storm, the fleet stayed in port all week [said.content-subject-verb]",
        ),
        // a description set before the name is no clause: the words follow the verb
        (
            "A veteran skipper of the armed patrol boats, Ali Khan says the quota is far too low.",
            "Ali Khan: the quota is far too low. [said.subject-verb-content]",
        ),
        // an opening clause of when or why is not the words: the clause after the verb is
        (
            "When the talks ended at the harbour office in Bergen, Jane Lind said the quota would stay.",
            "Jane Lind: the quota would stay. [said.subject-verb-content]",
        ),
        (
            "Although the fleet had stayed in port all week, Ali Khan told reporters the catch was good.",
            "Ali Khan: the catch was good. [said.subject-verb-content]",
        ),
        (
            "If the quota is cut again next year, the fleet will shrink, Jane Lind said.",
            "Jane Lind: If the quota is cut again next year, the fleet will shrink [said.content-subject-verb]",
        ),
        (
            "Jane Lind said the talks had failed. \"We have done all we can and more.\"",
            "Jane Lind: We have done all we can and more. [said.quote-paragraph-speaker]",
        ),
        (
            "Jane Lind said the talks had failed.\n\n\"We have done all we can and more.\"",
            "Jane Lind: We have done all we can and more. [said.quote-previous-paragraph]",
        ),
    ];

    /// Articles whose speech verbs attribute nothing to the speaker named.
    const NOT_FOUND: &[(&str, &str)] = &[
        // a second verb right after the speech verb leaves no words (and no empty span)
        (
            "Ali Khan said, and he has since left the port.",
            "Ali Khan:",
        ),
        // a heading that labels a section about someone is not their speech
        (
            "Jane Lind met Ali Khan in Oslo.\n\nKHAN: PORT TO CLOSE IN MAY",
            "Ali Khan:",
        ),
        (
            "Jane Lind met Ali Khan in Oslo.\n\nLind: Jane Lind has led the union since 2019.",
            "Jane Lind:",
        ),
        // a call for something, or to someone, is no statement
        ("Ali Khan called the harbour master on Monday.", "Ali Khan:"),
        (
            "Jane Lind called for \"an end to the cuts\" in the north.",
            "Jane Lind:",
        ),
        (
            "The Coastal Research Institute counted the boats in May. Over the long term, according to the institute, the fleet will shrink by half.",
            "Coastal Research Institute: the fleet will shrink by half. [said.according-to-opens]",
        ),
        // ... and nothing when no body named before fits the description
        (
            "The Coastal Research Institute counted the boats in May. The fleet has shrunk by a third since 2010, according to the union.",
            "Coastal Research Institute:",
        ),
        // a verbless adverbial or a name after the verb is where or to whom, not what
        (
            "Jane Lind said at a news conference in Oslo on Monday.",
            "Jane Lind: at a news conference",
        ),
        ("Ali Khan told the Northern Fish Gazette.", "Ali Khan:"),
        // the name after a participle is not its speaker
        (
            "Jane Lind defended the cut, saying Norway had offered far too little.",
            "Norway:",
        ),
        // a restrictive relative clause ("fishermen who said") has no named antecedent
        (
            "Fishermen who said the quota was too low met Jane Lind in Oslo.",
            "Jane Lind:",
        ),
        // the words of a relative clause end with it
        (
            "Ola Berg, who said the cut came too late, left the talks early.",
            "Ola Berg: the cut came too late, left",
        ),
        // an infinitive after the verb: not an attribution
        (
            "Jane Lind is said to be unwell after the talks.",
            "Jane Lind:",
        ),
        // a person close to a body does not speak as the body
        (
            "The fleet has shrunk to 40 boats, according to sources close to Greenpeace.",
            "Greenpeace:",
        ),
        // an adjunct after the attribution is not the words it interrupts
        (
            "The catch fell by a third, Jane Lind said, with the worst losses in the north.",
            "Jane Lind: The catch fell by a third, Jane Lind said",
        ),
        // a request, not a statement
        ("Norway asked Iceland to cut its quota by half.", "Norway:"),
        // a noun after a determiner
        (
            "Ali Khan's report on the fleet was published in Oslo.",
            "Ali Khan:",
        ),
        // passive: no speaker
        ("Ali Khan was told the talks had failed.", "Ali Khan:"),
        // a speech verb inside quoted words belongs to the quotation
        (
            "\"Ali Khan said it would rain all week,\" Jane Lind said.",
            "Ali Khan:",
        ),
        // a verb of labelling with an object and no label
        ("Jane Lind called an early election for May.", "Jane Lind:"),
        ("Jane Lind called for calm in the harbour towns.", "Jane Lind:"),
        ("The harbour plan was described as bold by the council.", ""),
        // a likeness, not words
        (
            "Jane Lind said she felt like a stranger in her own port after the vote.",
            "Jane Lind: like",
        ),
        (
            "Ali Khan felt like a stranger in the port after the vote.",
            "Ali Khan:",
        ),
        // a participle of belief stays inside the words: it opens no statement of its own
        (
            "Ali Khan admitted he had left the port early, thinking the talks had failed.",
            "Ali Khan: the talks had failed",
        ),
        // fewer than three words are not a statement
        ("Jane Lind said no.", "Jane Lind:"),
        ("No deal, said Jane Lind.", "Jane Lind:"),
        ("\"Never,\" said Jane Lind.", "Jane Lind:"),
        // "agreed to": an infinitive, not an attribution
        ("Norway agreed to cut its quota by half.", "Norway:"),
        // "told X to ...": a request
        ("Jane Lind told the harbour board to close the port.", "Jane Lind:"),
        // a speech verb inside a quotation that nothing else covers
        (
            "\"Ali Khan told me the talks had failed,\" Jane Lind said on Monday in Oslo after the meeting.",
            "Ali Khan:",
        ),
    ];

    #[test]
    fn every_rule_finds_its_statement() {
        for (body, want) in FOUND {
            let got = statements(body);
            assert!(
                got.iter().any(|g| g == want),
                "{body}\n  want {want}\n  got {got:#?}"
            );
        }
    }

    #[test]
    fn what_the_rules_must_not_attribute() {
        for (body, unwanted) in NOT_FOUND {
            let got = statements(body);
            assert!(
                !got.iter().any(|g| g.starts_with(unwanted)),
                "{body}\n  unwanted {unwanted}\n  got {got:#?}"
            );
        }
    }

    /// The words attributed name what the statement is about, not its speaker.
    #[test]
    fn a_statement_is_about_the_entities_in_its_words() {
        let text = "Fish talks\n\nJane Lind said Norway and Iceland had failed Jane Lind.\n";
        let about: Vec<Vec<String>> = with_input(text, |inp| {
            find(inp)
                .iter()
                .map(|st| {
                    st.about
                        .iter()
                        .map(|&e| inp.ents.list[e].name.clone())
                        .collect()
                })
                .collect()
        });
        assert_eq!(about, [["Norway", "Iceland"]]);
    }

    /// Deleting a rule fails `every_rule_finds_its_statement`; adding one
    /// without a row fails here.
    #[test]
    fn every_rule_of_this_file_has_a_row() {
        let ids = crate::extract::tests::rule_ids_of(include_str!("said.rs"));
        assert!(ids.len() >= 10, "{ids:?}");
        for id in &ids {
            let tag = format!("[{id}]");
            assert!(
                FOUND.iter().any(|(_, want)| want.ends_with(&tag)),
                "no row for {id}"
            );
        }
    }
}
