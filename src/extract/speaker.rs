//! Who speaks: the subject before a speech verb (across appositions:
//! "X, a spokesman for Y, said"), the name after it in inversions, a
//! pronoun or a definite title ("the prime minister") resolved to the
//! person last spoken of.

use super::entity::Entities;
use super::mention::Mention;
use super::quote::inside;
use super::said::Input;
use super::token::Tok;
use crate::graph::NodeKind;
use crate::lexicon::WordClass;
use crate::tag::Upos;

/// Who spoke, before pronouns are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Speaker {
    Entity(usize),
    He,
    She,
    /// "the prime minister", "the French president": a person by title.
    Title(usize, usize),
    /// "it": the organization or report last spoken of.
    It,
    /// "they": the group last spoken of, by a plural name ("Republicans say ...").
    They,
}

/// The first person, nation or organization of a sentence when it is its subject.
pub(super) fn subject_at_start(inp: &Input<'_, '_>, s: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    if toks.first().is_some_and(|t| t.is_he_or_she()) {
        return None;
    }
    let ms = &inp.mentions[s];
    let k = (0..ms.len()).find(|&k| {
        ms[k].titled_start <= 2
            && !ms.iter().any(|o| {
                o.affiliation.is_some() && o.titled_start == ms[k].start && o.start > ms[k].start
            })
    })?;
    inp.ents.of[s][k]
}

/// The subject of the speech verb at `v`: (speaker, first token of the subject phrase).
pub(super) fn subject_before(inp: &Input<'_, '_>, s: usize, v: usize) -> Option<(Speaker, usize)> {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    let mut j = v;
    loop {
        let was = j;
        while j > 0 && toks[j - 1].is_exactly(WordClass::VerbFiller) {
            j -= 1;
        }
        // "has been saying", "would say", "will tell"
        while j > 0 && toks[j - 1].is_exactly(WordClass::SpeechAuxiliary) {
            j -= 1;
        }
        // "X on Friday said", "X last week told"
        j = time_phrase_before(toks, j);
        // "Sen. Ann Roe (D-Maine) said": a parenthesis right after the name
        if j > 1 && toks[j - 1].text == ")" {
            let lo = j.saturating_sub(9);
            if let Some(open) = (lo..j - 1).rev().find(|&k| toks[k].text == "(")
                && mention_ending(inp, s, open).is_some()
            {
                j = open;
            }
        }
        // "Senator Ann Roe of Maine said": a place after a person's name (no entity of
        // its own: "Ann Roe of Greenpeace said" stays as it is)
        if j > 2 && toks[j - 1].cap && mention_ending(inp, s, j).is_none() {
            let lo = j.saturating_sub(4);
            if let Some(of) = (lo..j - 1).rev().find(|&k| toks[k].lower == "of")
                && toks[of + 1..j].iter().all(|t| t.is_word() && t.cap)
                && let Some(m) = mention_ending(inp, s, of)
                && inp.ents.of[s][m].is_some_and(|e| inp.ents.list[e].kind == NodeKind::Person)
            {
                j = of;
            }
        }
        if j == was {
            break;
        }
    }
    if j == 0 {
        return None;
    }
    let prev = &toks[j - 1];
    if prev.in_class(WordClass::MalePronoun) {
        return Some((Speaker::He, j - 1));
    }
    if prev.in_class(WordClass::FemalePronoun) {
        return Some((Speaker::She, j - 1));
    }
    // "It said", "But it has warned", "Last month it said": "it" opening its
    // clause; not the impersonal passive ("it is said that"), nor the subject
    // of words already spoken ("adding it believes", "which it says")
    let opens_clause = |k: usize| {
        k == 0 || {
            let t = &toks[k - 1];
            !t.is_word()
                || t.in_class(WordClass::ClauseCoordinator)
                || t.in_class(WordClass::Subordinator)
                || t.in_class(WordClass::TimeNoun)
        }
    };
    let passive = || {
        toks[j..v]
            .iter()
            .any(|t| inp.lex.word_in(WordClass::PassiveAuxiliary, t.lower))
    };
    if prev.in_class(WordClass::NeuterPronoun) && opens_clause(j - 1) && !passive() {
        return Some((Speaker::It, j - 1));
    }
    if prev.in_class(WordClass::PluralPronoun) && opens_clause(j - 1) && !passive() {
        return Some((Speaker::They, j - 1));
    }
    // "the prime minister said", "the French president told reporters"
    if prev.is_word() && !prev.cap && inp.lex.is_title_head(prev.lower) {
        let mut k = j - 1;
        // "the prime minister", "the French president", "the shadow chancellor"
        let the = |t: &Tok<'_>| t.in_class(WordClass::DefiniteArticle);
        while k > 0
            && j - k < 4
            && ((toks[k - 1].is_word() && !toks[k - 1].cap && !the(&toks[k - 1]))
                || lex.nation(toks[k - 1].text).is_some())
        {
            k -= 1;
        }
        if k > 0 && the(&toks[k - 1]) {
            return Some((Speaker::Title(s, j - 1), k - 1));
        }
    }
    // definite description: "the budget office said", "the agency told reporters" -- the
    // body named earlier whose name holds every word of the description
    if prev.is_word() && !prev.cap {
        let the = |t: &Tok<'_>| t.in_class(WordClass::DefiniteArticle);
        let mut k = j - 1;
        while k > 0 && j - k < 3 && toks[k - 1].is_word() && !toks[k - 1].cap && !the(&toks[k - 1])
        {
            k -= 1;
        }
        if k > 0
            && the(&toks[k - 1])
            && let Some(e) = body_described(inp, s, toks[k].span.start, &toks[k..j])
        {
            return Some((Speaker::Entity(e), k - 1));
        }
    }
    // "the Lind campaign said", "Lind's lawyers said": the principal they speak for;
    // "Treasury officials said", "Chilean authorities told": the body they speak for
    let agent = prev.is_exactly(WordClass::AgentNoun);
    let body = prev.is_exactly(WordClass::BodyNoun);
    if prev.is_word() && !prev.cap && (agent || body) {
        let mut end = j - 1;
        if end > 0 && toks[end - 1].is_possessive() {
            end -= 1;
        }
        if let Some(m) = mention_ending(inp, s, end)
            && let Some(e) = inp.ents.of[s][m]
            && (agent || inp.ents.list[e].kind != NodeKind::Person)
        {
            return Some((
                Speaker::Entity(e),
                with_article(toks, inp.mentions[s][m].titled_start),
            ));
        }
    }
    if let Some(m) = mention_ending(inp, s, j) {
        let e = inp.ents.of[s][m]?;
        let me = &inp.mentions[s][m];
        // "Paul Roe, head of Acme told ...": the person, not the organization
        if me.titled_start > 0 && toks[me.titled_start - 1].is_exactly(WordClass::HeadOfPreposition)
        {
            let lo = me.titled_start.saturating_sub(8);
            for c in (lo..me.titled_start).rev() {
                if toks[c].text == "," {
                    if let Some(pm) = mention_ending(inp, s, c)
                        && let Some(pe) = inp.ents.of[s][pm]
                        && inp.ents.list[pe].kind == NodeKind::Person
                    {
                        return Some((
                            Speaker::Entity(pe),
                            with_article(toks, inp.mentions[s][pm].titled_start),
                        ));
                    }
                    break;
                }
            }
        }
        // "Lind's chief adviser Ali Khan said": the possessor opens the subject phrase
        let mut start = with_article(toks, me.titled_start);
        if start >= 2
            && toks[start - 1].is_possessive()
            && let Some(pm) = mention_ending(inp, s, start - 1)
        {
            start = with_article(toks, inp.mentions[s][pm].titled_start);
        }
        return Some((Speaker::Entity(e), start));
    }
    // "The Shadow Secretary, Theresa May, said": the person right before the comma
    if prev.text == "," && j >= 2 {
        let end = if toks[j - 2].text == ")" {
            j - 2
        } else {
            j - 1
        };
        // only when that person is itself the apposition ("..., Theresa May, said"),
        // not the end of a phrase ("Mr Straw, speaking with Li Zhaoxing, said")
        if let Some(m) = mention_ending(inp, s, end)
            && let Some(e) = inp.ents.of[s][m]
            && (toks[j - 2].text == ")"
                || (inp.ents.list[e].kind == NodeKind::Person
                    && inp.mentions[s][m].titled_start > 0
                    && toks[inp.mentions[s][m].titled_start - 1].text == ","))
        {
            return Some((
                Speaker::Entity(e),
                with_article(toks, inp.mentions[s][m].titled_start),
            ));
        }
    }
    // apposition: "X, the head of Y, said" / "X, who ..., said"
    if prev.text == "," {
        // a relative clause may run longer than an apposition ("X, who was ... in 2010, said")
        let lo = j.saturating_sub(32);
        for c in (lo..j - 1).rev() {
            // a descriptive apposition opened by an article may run longer ("X, a senior
            // adviser to Y and past president of Z, said")
            let near = c + 16 >= j
                || toks
                    .get(c + 1)
                    .is_some_and(|t| t.in_class(WordClass::PersonRelative))
                || (c + 24 >= j
                    && toks
                        .get(c + 1)
                        .is_some_and(|t| t.in_class(WordClass::Article)));
            if near && (toks[c].text == "," || toks[c].is_quote()) {
                if let Some(m) = mention_ending(inp, s, c) {
                    let me = &inp.mentions[s][m];
                    let e = inp.ents.of[s][m]?;
                    if inp.ents.list[e].kind == NodeKind::Person || c + 1 < j - 1 {
                        return Some((Speaker::Entity(e), with_article(toks, me.titled_start)));
                    }
                }
                if toks[c].is_quote() {
                    break;
                }
            }
        }
    }
    None
}

/// The organization or report a definite description refers to ("the budget office" after
/// the "Congressional Budget Office", "the survey" after the "Fisheries Agency survey"): the latest one mentioned before `before` (in sentence `s`
/// or the 40 before it) whose name holds every word of the description.
pub(super) fn body_described(
    inp: &Input<'_, '_>,
    s: usize,
    before: usize,
    words: &[Tok<'_>],
) -> Option<usize> {
    let fits = |e: usize| {
        let ent = &inp.ents.list[e];
        matches!(ent.kind, NodeKind::Organization | NodeKind::Report)
            && ent.names.iter().any(|n| {
                let lower = n.to_lowercase();
                let name: Vec<&str> = lower.split_whitespace().collect();
                name.len() > words.len() && words.iter().all(|w| name.contains(&w.lower))
            })
    };
    for x in (s.saturating_sub(40)..=s).rev() {
        let ms = &inp.mentions[x];
        for k in (0..ms.len()).rev() {
            if x == s && ms[k].span.start >= before {
                continue;
            }
            if let Some(e) = inp.ents.of[x][k]
                && fits(e)
            {
                return Some(e);
            }
        }
    }
    None
}

/// Relative clause: "Jane Lind, who chairs the panel, said ..." is
/// [`subject_before`]'s; this is the other way round, the speech verb inside
/// the relative clause ("..., said Ali Khan, who added that the quota would
/// stay"; "Norway, which says the stocks are healthy, ..."): the speaker is the
/// antecedent of the relative pronoun, the name set off by the comma before
/// it -- a person behind an apposition ("Ali Khan, an adviser at Acme, who
/// ...") rather than the body the apposition names. Restrictive clauses
/// ("voters who said ...") have no comma and no named antecedent.
/// Returns the antecedent entity.
pub(super) fn relative_antecedent(inp: &Input<'_, '_>, s: usize, v: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let mut j = v;
    loop {
        let was = j;
        while j > 0
            && (toks[j - 1].is_exactly(WordClass::VerbFiller)
                || toks[j - 1].is_exactly(WordClass::SpeechAuxiliary))
        {
            j -= 1;
        }
        j = time_phrase_before(toks, j);
        if j == was {
            break;
        }
    }
    if j < 3 || !toks[j - 1].in_class(WordClass::PersonRelative) || toks[j - 2].text != "," {
        return None;
    }
    let end = j - 2;
    let end = if toks[end - 1].text == ")" {
        let lo = end.saturating_sub(9);
        (lo..end - 1).rev().find(|&k| toks[k].text == "(")?
    } else {
        end
    };
    let m = mention_ending(inp, s, end)?;
    let e = inp.ents.of[s][m]?;
    if inp.ents.list[e].kind == NodeKind::Person {
        return Some(e);
    }
    // "Ali Khan, an analyst at Acme, who ...": the person before the apposition
    let start = inp.mentions[s][m].titled_start;
    let lo = start.saturating_sub(12);
    for c in (lo..start).rev() {
        if toks[c].text == "," {
            if let Some(pm) = mention_ending(inp, s, c)
                && let Some(pe) = inp.ents.of[s][pm]
                && inp.ents.list[pe].kind == NodeKind::Person
            {
                return Some(pe);
            }
            break;
        }
    }
    Some(e)
}

/// The start of a time phrase ending right before token `j` ("on Friday",
/// "last week", "earlier this month", "on Tuesday night"), or `j` when
/// there is none: a run of [`WordClass::TimePhraseWord`]s, days, months,
/// time nouns and numbers holding at least one day, month or time noun.
fn time_phrase_before(toks: &[Tok<'_>], j: usize) -> usize {
    let timely = |t: &Tok<'_>| {
        t.in_class(WordClass::Day)
            || t.in_class(WordClass::Month)
            || t.in_class(WordClass::TimeNoun)
    };
    let mut k = j;
    while k > 0
        && j - k < 5
        && (timely(&toks[k - 1])
            || toks[k - 1].in_class(WordClass::TimePhraseWord)
            || toks[k - 1].kind == crate::text::TokenKind::Number)
    {
        k -= 1;
    }
    // the phrase may not start with a bare number or end with a preposition
    while k < j && !toks[k].is_word() {
        k += 1;
    }
    if toks[k..j].iter().any(timely) && !toks[j - 1].in_class(WordClass::TimePhraseWord) {
        k
    } else {
        j
    }
}

/// Where a name's phrase starts when an article precedes it ("the US Trade Representative's Office").
pub(super) fn with_article(toks: &[Tok<'_>], start: usize) -> usize {
    if start > 0 && toks[start - 1].in_class(WordClass::NameArticle) {
        start - 1
    } else {
        start
    }
}

/// The mention (of an entity) that ends right before token `end`.
pub(super) fn mention_ending(inp: &Input<'_, '_>, s: usize, end: usize) -> Option<usize> {
    inp.mentions[s]
        .iter()
        .enumerate()
        .rev()
        .find(|(k, m)| m.end == end && inp.ents.of[s][*k].is_some())
        .map(|(k, _)| k)
}

/// The mention of an entity that starts at token `start` (its titled form may start there).
pub(super) fn mention_starting(inp: &Input<'_, '_>, s: usize, start: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let mut st = start;
    while st < toks.len() && toks[st].in_class(WordClass::Article) {
        st += 1;
    }
    // "according to market analysts Fishco", "say the charity Oxfam": lower-case
    // words that describe the organization named next
    let described = (st..toks.len().min(st + 3))
        .take_while(|&j| {
            toks[j].is_word() && !toks[j].cap && matches!(toks[j].pos, Upos::Noun | Upos::Adj)
        })
        .last()
        .map(|j| j + 1)
        .filter(|&j| {
            inp.mentions[s].iter().enumerate().any(|(k, m)| {
                m.start == j
                    && inp.ents.of[s][k].is_some_and(|e| inp.ents.list[e].kind == NodeKind::Organization)
            })
        });
    if let Some(j) = described {
        st = j;
    }
    let starts = |(k, m): &(usize, &Mention)| {
        (m.titled_start == st || m.start == st || m.titled_start == start)
            && inp.ents.of[s][*k].is_some()
    };
    let person = |(k, _): &(usize, &Mention)| {
        inp.ents.of[s][*k].is_some_and(|e| inp.ents.list[e].kind == NodeKind::Person)
    };
    let all: Vec<(usize, &Mention)> = inp.mentions[s].iter().enumerate().filter(starts).collect();
    all.iter()
        .find(|x| person(x))
        .or(all.first())
        .map(|(k, _)| *k)
}

/// An organization or a report: what "it" stands for as a speaker (a nation
/// that speaks is more often "its government" than "it").
fn is_body(ents: &Entities, e: usize) -> bool {
    matches!(
        ents.list[e].kind,
        NodeKind::Organization | NodeKind::Report
    )
}

/// An organization named in the plural, as its members ("Republicans", "the Lib
/// Dems"): what "they" can stand for. Not a company or the media, whose names end in
/// "s" as often as not ("Reuters", "Acme Holdings"): no organization head word.
fn is_group(inp: &Input<'_, '_>, e: usize, last: &str) -> bool {
    let lex = inp.lex;
    let plural = last.len() > 3
        && last.ends_with('s')
        && lex.noun(last) != Some(crate::lexicon::NounClass::Org)
        && !last.ends_with("ss")
        && !last.ends_with("'s")
        && !last.ends_with("\u{2019}s");
    let trade = lex
        .organization(&crate::lexicon::Lexicon::key(&inp.ents.list[e].name))
        .is_some_and(|o| matches!(lex.organizations[o].hint.as_str(), "company" | "media"));
    inp.ents.list[e].kind == NodeKind::Organization && plural && !trade
}

/// Who was last spoken of, for "he", "she", "it", "they" and "the minister".
#[derive(Default)]
pub(super) struct Tracker {
    /// (entity, sentence) of people in subject position (first in their sentence), in order.
    subjects: Vec<(usize, usize)>,
    /// Every person mention outside quotations, in order.
    persons: Vec<usize>,
    /// The last speaker and the sentence it spoke in.
    last_speaker: Option<(usize, usize)>,
    /// (entity, sentence) of the last organization or report that opened a
    /// sentence or spoke: what "it" can stand for.
    last_body: Option<(usize, usize)>,
    /// (entity, sentence) of the last organization named in the plural that opened a
    /// sentence ("Republicans", "the Lib Dems"): what "they" can stand for; a sentence
    /// opened by a person ends it.
    last_group: Option<(usize, usize)>,
}

impl Tracker {
    pub(super) fn saw(&mut self, inp: &Input<'_, '_>, s: usize) {
        let mut first = true;
        let ms = &inp.mentions[s];
        for (k, m) in ms.iter().enumerate() {
            // "Swedish" in "Swedish Prime Minister Sarah Lind" qualifies her; she is the subject
            let affiliation = ms.iter().any(|o| o.affiliation == Some(k));
            if inside(inp.quotes, m.span.start) || affiliation {
                continue;
            }
            if let Some(e) = inp.ents.of[s][k] {
                if inp.ents.list[e].kind == NodeKind::Person {
                    if first {
                        self.subjects.push((e, s));
                        self.last_group = None;
                    }
                    self.persons.push(e);
                } else if first && is_body(inp.ents, e) {
                    self.last_body = Some((e, s));
                    if is_group(inp, e, inp.sents[s].toks[m.end - 1].text) {
                        self.last_group = Some((e, s));
                    }
                }
                first = false;
            }
        }
    }

    pub(super) fn spoke(&mut self, ents: &Entities, e: usize, s: usize) {
        self.last_speaker = Some((e, s));
        if is_body(ents, e) {
            self.last_body = Some((e, s));
        }
    }

    /// The body "it" refers to in sentence `s`: the latest that opened a
    /// sentence or spoke, in this sentence or the two before it.
    pub(super) fn body(&self, s: usize) -> Option<usize> {
        self.last_body
            .filter(|&(_, at)| at + 2 >= s)
            .map(|(e, _)| e)
    }

    /// The group "they" refers to in sentence `s`: the latest named in the plural that
    /// opened a sentence, in this sentence or the two before it.
    pub(super) fn group(&self, s: usize) -> Option<usize> {
        self.last_group
            .filter(|&(_, at)| at + 2 >= s)
            .map(|(e, _)| e)
    }

    /// The person "he" (female = Some(false)) or "she" refers to in sentence `s`,
    /// or a title that tells no gender (None): the latest speaker or subject that fits.
    pub(super) fn person(&self, ents: &Entities, female: Option<bool>) -> Option<usize> {
        let fits = |e: usize| {
            let ent = &ents.list[e];
            ent.kind == NodeKind::Person
                && (female.is_none() || ent.female.is_none() || ent.female == female)
        };
        let speaker = self.last_speaker.filter(|&(e, _)| fits(e));
        let subject = self.subjects.iter().rev().copied().find(|&(e, _)| fits(e));
        let pick = match (speaker, subject) {
            (Some(a), Some(b)) => Some(if b.1 > a.1 { b } else { a }),
            (a, b) => a.or(b),
        };
        pick.map(|p| p.0)
            .or_else(|| self.persons.iter().rev().copied().find(|&e| fits(e)))
    }

    /// The person a definite title ("the prime minister") refers to: the
    /// latest person seen with that title word, else as for "he".
    pub(super) fn titled(&self, inp: &Input<'_, '_>, s: usize, head: usize) -> Option<usize> {
        let word = inp.sents[s].toks[head].lower;
        self.persons
            .iter()
            .rev()
            .copied()
            .find(|&e| inp.ents.list[e].titles.contains(word))
            .or_else(|| self.person(inp.ents, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{said, with_input};

    /// The subject `subject_before` finds for the first `verb` of the first
    /// sentence of `body`: a name, `he`, `she`, `title:WORD` or `-` (none).
    fn subject_of(body: &str, verb: &str) -> String {
        let text = format!("Fish talks\n\n{body}\n");
        with_input(&text, |inp| {
            let v = inp.sents[0]
                .toks
                .iter()
                .position(|t| t.text == verb)
                .expect("the verb is in the sentence");
            match subject_before(inp, 0, v) {
                None => "-".to_string(),
                Some((Speaker::Entity(e), _)) => inp.ents.list[e].name.clone(),
                Some((Speaker::He, _)) => "he".to_string(),
                Some((Speaker::She, _)) => "she".to_string(),
                Some((Speaker::Title(s, h), _)) => format!("title:{}", inp.sents[s].toks[h].text),
                Some((Speaker::It, _)) => "it".to_string(),
                Some((Speaker::They, _)) => "they".to_string(),
            }
        })
    }

    #[test]
    fn the_subject_before_a_speech_verb() {
        for (body, verb, want) in [
            // a name right before the verb, across fillers and auxiliaries
            ("Jane Lind said the talks had failed.", "said", "Jane Lind"),
            (
                "Jane Lind has also said the talks had failed.",
                "said",
                "Jane Lind",
            ),
            (
                "Jane Lind would not say whether the talks had failed.",
                "say",
                "Jane Lind",
            ),
            // pronouns, resolved later
            ("She said the talks had failed.", "said", "she"),
            (
                "He later told reporters the talks had failed.",
                "told",
                "he",
            ),
            // a definite title: the person last seen with it
            (
                "The prime minister said the talks had failed.",
                "said",
                "title:minister",
            ),
            (
                "The Norwegian minister said the talks had failed.",
                "said",
                "title:minister",
            ),
            // the person, not the body named after "head of"
            (
                "Ali Khan, head of Greenpeace told reporters the fleet was too large.",
                "told",
                "Ali Khan",
            ),
            // a person set off by commas after a title
            (
                "The Fisheries Secretary, Jane Lind, said the talks had failed.",
                "said",
                "Jane Lind",
            ),
            // an apposition or a relative clause between the name and the verb
            (
                "Ali Khan, the head of the panel, said the fleet was too large.",
                "said",
                "Ali Khan",
            ),
            (
                "Ali Khan, who chairs the panel, said the fleet was too large.",
                "said",
                "Ali Khan",
            ),
            // a time phrase between the name and the verb
            (
                "Jane Lind on Friday said the talks had failed.",
                "said",
                "Jane Lind",
            ),
            (
                "Ali Khan earlier this month told reporters the quota was too low.",
                "told",
                "Ali Khan",
            ),
            (
                "Jane Lind on Tuesday night also said the fleet was too large.",
                "said",
                "Jane Lind",
            ),
            // those who speak for a named principal
            (
                "Ali Khan's lawyers said the fleet was too large.",
                "said",
                "Ali Khan",
            ),
            // a parenthesis right after the name
            (
                "Sen. Ali Khan (D-Maine) said the fleet was too large.",
                "said",
                "Ali Khan",
            ),
            (
                "Jane Lind (pictured) last week said the talks had failed.",
                "said",
                "Jane Lind",
            ),
            // a long relative clause
            (
                "Ali Khan, who chaired the fisheries panel for six years under two governments before he retired in 2010, said the fleet was too large.",
                "said",
                "Ali Khan",
            ),
            // a place after the name
            (
                "Senator Ali Khan of Maine said the fleet had shrunk to forty boats.",
                "said",
                "Ali Khan",
            ),
            // a long apposition opened by an article
            (
                "Ali Khan, a senior adviser to the fisheries panel and the former head of the northern fleet union, said the quota was too low.",
                "said",
                "Ali Khan",
            ),
            // nothing to speak
            ("The talks said nothing of the quota.", "said", "-"),
            (
                "Yesterday, the talks said nothing of the quota.",
                "said",
                "-",
            ),
        ] {
            assert_eq!(subject_of(body, verb), want, "{body}");
        }
    }

    /// The speakers of an article's statements, in order.
    fn speakers(body: &str) -> Vec<String> {
        let text = format!("Fish talks\n\n{body}\n");
        with_input(&text, |inp| {
            said::find(inp)
                .iter()
                .map(|st| inp.ents.list[st.speaker].name.clone())
                .collect()
        })
    }

    #[test]
    fn pronouns_and_titles_find_the_person_last_spoken_of() {
        for (body, want) in [
            // "he" and "she" by the gender of the given name
            (
                "Jane Lind met Ali Khan in Oslo on Monday. He said the talks had failed.",
                &["Ali Khan"][..],
            ),
            (
                "Jane Lind met Ali Khan in Oslo on Monday. She said the talks had failed.",
                &["Jane Lind"],
            ),
            // "he" is the last speaker when the names give no gender
            (
                "Ola Berg said the fleet was too large. He said the quota would stay.",
                &["Ola Berg", "Ola Berg"],
            ),
            // those who speak for a named principal
            (
                "Jane Lind met the fishermen in Bergen. The Lind campaign said the talks had failed.",
                &["Jane Lind"],
            ),
            // a definite title nobody was seen with: the person last spoken of, of either gender
            (
                "Jane Lind met the fishermen in Bergen. The former fisheries executive said the fleet was too large.",
                &["Jane Lind"],
            ),
            (
                "Ali Khan met the fishermen in Bergen. The senator told reporters the quota was too low.",
                &["Ali Khan"],
            ),
            // a definite description: the body named before whose name holds its words
            (
                "The Northern Fisheries Agency cut the quota. The fisheries agency said the stocks were recovering slowly.",
                &["Northern Fisheries Agency"],
            ),
            (
                "Ali Khan visited the Coastal Research Institute in Bergen. The institute told reporters the stocks had halved.",
                &["Coastal Research Institute"],
            ),
            // ... and no other body
            (
                "The Northern Fisheries Agency cut the quota. The fishing union said the stocks were recovering slowly.",
                &[],
            ),
            // "it": the body that last opened a sentence or spoke
            (
                "The Coastal Research Institute cut its forecast. It said the stocks had halved.",
                &["Coastal Research Institute"],
            ),
            (
                "The Coastal Research Institute cut its forecast. The catch will fall again, it warned.",
                &["Coastal Research Institute"],
            ),
            // ... not the impersonal passive, nor a nation
            (
                "The Coastal Research Institute cut its forecast. It is said that the stocks had halved.",
                &[],
            ),
            (
                "Norway cut the quota on Monday. It said the stocks had halved.",
                &[],
            ),
            // "they": a body named in the plural that opened a sentence, as its members
            (
                "Republicans met in Bergen on Monday. They said the quota was too low.",
                &["Republican Party"],
            ),
            // ... not a company, nor across a sentence opened by a person
            (
                "Acme Holdings met the fishermen in Bergen. They said the quota was too low.",
                &[],
            ),
            (
                "Republicans met in Bergen. Jane Lind and Ali Khan left early. They said the quota was too low.",
                &[],
            ),
            // a definite title: the person last seen with that title, not the subject
            (
                "Tomas Dahl met Prime Minister Ola Berg on Monday. The prime minister said the talks had failed.",
                &["Ola Berg"],
            ),
        ] {
            let got = speakers(body);
            assert_eq!(got, want, "{body}");
        }
    }

    /// "..., saying ...": the person who opened the sentence.
    #[test]
    fn the_subject_at_the_start_of_a_sentence() {
        let text = "Fish talks\n\nNorway left the talks, saying the offer was too low.\n";
        let got = with_input(text, |inp| {
            subject_at_start(inp, 0).map(|e| inp.ents.list[e].name.clone())
        });
        assert_eq!(got.as_deref(), Some("Norway"));
        let text = "Fish talks\n\nHe left the talks, saying the offer was too low.\n";
        assert_eq!(with_input(text, |inp| subject_at_start(inp, 0)), None);
    }
}
