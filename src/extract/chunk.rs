//! Noun-phrase chunks of a sentence and how they group: coordinated lists
//! ("Chile, Peru and Norway", "Norway, along with Iceland,") and
//! appositions ("the Chilean fisheries minister, Rosa Vidal,").
//!
//! A chunk is a run of tokens tagged as determiners, adjectives, numbers,
//! nouns, proper nouns and pronouns; a name the mention finder read
//! ("Bank of England", "Foreign Minister Ann Lee") is never split. This
//! module owns the chunks and groups; it does not know verbs or roles
//! (that is [`super::arg`]).

use super::mention::Mention;
use super::token::Tok;
use crate::lexicon::WordClass;
use crate::tag::Upos;

/// Index of a chunk in its sentence's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChunkId(pub u32);

/// Index of a mention in its sentence's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionId(pub u32);

/// A noun phrase: tokens `start..end`, its head, and the mentions in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    pub mentions: Vec<MentionId>,
}

/// Chunks that fill one role together: a list or an apposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub chunks: Vec<ChunkId>,
    /// Token range from the first chunk's start to the last one's end.
    pub start: usize,
    pub end: usize,
}

/// The chunks of a sentence and their groups; every chunk is in exactly
/// one group, and groups are in sentence order.
#[derive(Clone, Debug, Default)]
pub struct Chunks {
    pub chunks: Vec<Chunk>,
    pub groups: Vec<Group>,
}

/// Relative pronouns: they open a clause, never a noun phrase.
fn relative(t: &Tok<'_>) -> bool {
    t.pos == Upos::Pron && t.in_class(WordClass::ClauseRelative)
}

fn nominal(t: &Tok<'_>) -> bool {
    matches!(t.pos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
}

/// May stand inside a noun phrase.
fn inside(t: &Tok<'_>) -> bool {
    matches!(
        t.pos,
        Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn | Upos::Pron
    ) || t.is_possessive()
}

/// Chunk a sentence. Linear in its length.
pub fn chunk(toks: &[Tok<'_>], mentions: &[Mention]) -> Chunks {
    let possessive_pronoun = |t: &Tok<'_>| t.in_class(WordClass::PossessiveDeterminer);
    // the mention covering each token, longest first
    let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| {
        std::cmp::Reverse(mentions[k].end - mentions[k].titled_start.min(mentions[k].start))
    });
    for k in order {
        let m = &mentions[k];
        let from = m.titled_start.min(m.start);
        for o in owner.iter_mut().take(m.end.min(toks.len())).skip(from) {
            o.get_or_insert(k);
        }
    }
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if owner[i].is_none() && (!inside(&toks[i]) || relative(&toks[i])) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < toks.len() {
            let t = &toks[j];
            if let Some(k) = owner[j] {
                // a name after a pronoun or a complete noun starts anew ("told reporters Ann Lee")
                let m = &mentions[k];
                if j > start && j == m.titled_start.min(m.start) && owner[j - 1] != Some(k) {
                    let prev = &toks[j - 1];
                    if prev.pos == Upos::Pron && !possessive_pronoun(prev) {
                        break;
                    }
                }
                j = m.end.max(j + 1);
                continue;
            }
            // "the disputed border", "a growing number": a participle
            // between a determiner or adjective and its noun
            let participle = t.pos == Upos::Verb
                && j > start
                && (matches!(toks[j - 1].pos, Upos::Det | Upos::Adj | Upos::Num)
                    || toks[j - 1].is_possessive())
                && toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.pos, Upos::Noun | Upos::Propn | Upos::Adj));
            if participle {
                j += 1;
                continue;
            }
            if !inside(t) || relative(t) {
                // "pro-Beijing", "Sino-Japanese": a hyphen inside a phrase
                if t.text == "-" && j > start && toks.get(j + 1).is_some_and(inside) {
                    j += 1;
                    continue;
                }
                break;
            }
            if j > start {
                let prev = &toks[j - 1];
                // a determiner or a pronoun after a noun starts a new phrase
                let new_phrase = (t.pos == Upos::Det
                    || (t.pos == Upos::Pron && !possessive_pronoun(t)))
                    && (nominal(prev) || owner[j - 1].is_some())
                    && !prev.is_possessive();
                // an adjective after a name starts anew ("hosted by Peru last week")
                let after_name =
                    t.pos == Upos::Adj && (prev.pos == Upos::Propn || owner[j - 1].is_some());
                if new_phrase || after_name || (prev.pos == Upos::Pron && !possessive_pronoun(prev))
                {
                    break;
                }
            }
            j += 1;
        }
        let end = j.max(start + 1);
        let head = (start..end)
            .rev()
            .find(|&h| nominal(&toks[h]) || owner[h].is_some());
        if let Some(head) = head {
            let mut ms: Vec<MentionId> = (start..end)
                .filter_map(|x| owner[x])
                .map(|k| MentionId(k as u32))
                .collect();
            ms.dedup();
            chunks.push(Chunk {
                start,
                end,
                head,
                mentions: ms,
            });
        }
        i = end;
    }
    group(toks, chunks)
}

/// What joins the items of a list, and its length in tokens: "and", "or"
/// (tagged CCONJ), or "along with", "together with".
fn joiner(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.pos == Upos::Cconj && t.in_class(WordClass::ListJoiner) {
        return Some(1);
    }
    let with = toks
        .get(at + 1)
        .is_some_and(|n| n.in_class(WordClass::Comitative));
    (t.in_class(WordClass::ListCompanion) && with).then_some(2)
}

/// A proper name rather than a description.
fn named(toks: &[Tok<'_>], c: &Chunk) -> bool {
    !c.mentions.is_empty() || toks[c.head].pos == Upos::Propn
}

fn group(toks: &[Tok<'_>], chunks: Vec<Chunk>) -> Chunks {
    let n = chunks.len();
    let mut groups: Vec<Group> = Vec::new();
    let mut c = 0;
    while c < n {
        let mut members = vec![c];
        let mut last = c;
        let mut listed = false;
        loop {
            let gap = chunks[last].end;
            let Some(next) = chunks.get(last + 1) else {
                break;
            };
            // "A, B" / "A and B" / "A, and B" / "A, along with B,"
            let mut k = gap;
            let comma = toks.get(k).is_some_and(|t| t.text == ",");
            if comma {
                k += 1;
            }
            let joined = joiner(toks, k);
            if let Some(len) = joined {
                k += len;
            }
            if next.start != k || (!comma && joined.is_none()) {
                break;
            }
            if joined.is_some() {
                listed = true;
                members.push(last + 1);
                last += 1;
                continue;
            }
            // a comma alone: a list goes on only if a joiner follows later,
            // otherwise it is an apposition of a name and a description
            let ends_in_list = list_ahead(toks, &chunks, last + 1);
            let appos = !listed
                && members.len() == 1
                && named(toks, &chunks[last]) != named(toks, next)
                && toks
                    .get(next.end)
                    .is_none_or(|t| matches!(t.text, "," | "." | "(" | ";"));
            if ends_in_list || appos {
                members.push(last + 1);
                last += 1;
                if appos {
                    break;
                }
                continue;
            }
            break;
        }
        groups.push(Group {
            chunks: members.iter().map(|&m| ChunkId(m as u32)).collect(),
            start: chunks[c].start,
            end: chunks[last].end,
        });
        c = last + 1;
    }
    Chunks { chunks, groups }
}

/// From chunk `c` on, chunks separated by commas end in "and X".
fn list_ahead(toks: &[Tok<'_>], chunks: &[Chunk], mut c: usize) -> bool {
    for _ in 0..16 {
        let Some(ch) = chunks.get(c) else {
            return false;
        };
        let mut k = ch.end;
        let comma = toks.get(k).is_some_and(|t| t.text == ",");
        if comma {
            k += 1;
        }
        if let Some(len) = joiner(toks, k) {
            return chunks.get(c + 1).is_some_and(|n| n.start == k + len);
        }
        if !comma || chunks.get(c + 1).is_none_or(|n| n.start != k) {
            return false;
        }
        c += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::SentToks;

    fn phrases(text: &str) -> Vec<Vec<String>> {
        let s = SentToks::of(text);
        let c = chunk(&s.toks, &[]);
        c.groups
            .iter()
            .map(|g| {
                g.chunks
                    .iter()
                    .map(|&ChunkId(i)| {
                        let ch = &c.chunks[i as usize];
                        s.toks[ch.start..ch.end]
                            .iter()
                            .map(|t| t.text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn noun_phrases_stop_at_verbs_and_new_determiners() {
        let p = phrases("The port authority gave the two unions a new deadline .");
        assert_eq!(p[0], ["The port authority"]);
        assert_eq!(p[1], ["the two unions"]);
        assert_eq!(p[2], ["a new deadline"]);
    }

    #[test]
    fn lists_are_one_group() {
        let p = phrases("Chile , Peru and Norway signed the accord .");
        assert_eq!(p[0], ["Chile", "Peru", "Norway"]);
        let p = phrases("Norway , along with Iceland , rejected the plan .");
        assert_eq!(p[0], ["Norway", "Iceland"]);
    }

    #[test]
    fn an_apposition_joins_a_name_and_its_description() {
        let p = phrases("The fisheries minister , Rosa Vidal , rejected the plan .");
        assert_eq!(p[0], ["The fisheries minister", "Rosa Vidal"]);
        let p = phrases("Tomas Berg , a senior union official , criticised the port .");
        assert_eq!(p[0], ["Tomas Berg", "a senior union official"]);
    }

    #[test]
    fn a_participle_before_its_noun_stays_in_the_phrase() {
        let p = phrases("They crossed the disputed border near a growing camp .");
        assert_eq!(p[1], ["the disputed border"]);
        assert_eq!(p[2], ["a growing camp"]);
    }

    #[test]
    fn relative_pronouns_open_no_phrase() {
        let p = phrases("The summit , which Peru hosted , ended .");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0], ["The summit"]);
        assert_eq!(p[1], ["Peru"]);
    }
}
