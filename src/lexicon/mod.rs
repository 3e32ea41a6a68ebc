//! Gazetteers and word lists: nations, regions, organizations, titles,
//! given names, capitalised non-names, verbs, nouns and the closed word
//! classes the extractor reads ([`WordClass`], `data/words.txt`). The tables are
//! plain text in `data/`, embedded at compile time, and a user can add to
//! them with files of the same names in a directory of their own
//! ([`Lexicon::from_dir`]).
//!
//! Multi-word entries are keyed by their tokens joined with single spaces
//! (as [`crate::text::tokenize`] splits them), so the extractor can look up
//! any run of tokens with [`Lexicon::key`]. Proper names are case-sensitive
//! ("US" is not "us"); common words (titles, verbs, nouns) are lower case.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use crate::error::{Error, Result};
use crate::text::{Span, tokenize};

pub mod rules;
mod words;

pub use words::{ClassSet, WordClass};

/// How a surface form names a nation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NationForm {
    /// "China", "United States".
    Name,
    /// "U.S.", "Britain".
    Short,
    /// "Chinese", "Americans".
    Demonym,
    /// "Beijing", "Washington": a capital that may stand for the government.
    Capital,
}

/// A nation of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nation {
    pub name: String,
}

/// An organization of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    /// government, party, media, company, international, ngo, other.
    pub hint: String,
    /// Index into [`Lexicon::nations`] of the state it belongs to.
    pub nation: Option<usize>,
}

/// The class of a verb form in `data/verbs.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbClass {
    Speech,
    Accuse,
    Meet,
    Cite,
}

/// The class of a noun in `data/nouns.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NounClass {
    Meeting,
    Report,
    /// A head word making a capitalised phrase an organization ("Ministry").
    Org,
    /// An unnamed group of people ("officials"): never an entity.
    Group,
}

/// Lookups here run for every token of every article, so the tables hash
/// with FxHash (the multiply-rotate hash of rustc) instead of SipHash: the keys
/// are our own data, not an attacker's.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// `word` in lower case, without allocating when it already is.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// All the tables the extractor reads.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub nations: Vec<Nation>,
    nation_forms: Map<String, (usize, NationForm)>,
    regions: Set<String>,
    pub organizations: Vec<Organization>,
    org_forms: Map<String, usize>,
    honorifics: Set<String>,
    title_heads: Set<String>,
    title_modifiers: Set<String>,
    given: Set<String>,
    surname_first: Set<String>,
    also_word: Set<String>,
    female: Set<String>,
    male: Set<String>,
    stopcaps: Set<String>,
    ambiguous_caps: Set<String>,
    not_name_end: Set<String>,
    verbs: Map<String, (VerbClass, String)>,
    nouns: Map<String, NounClass>,
    /// Last words of the two-word meeting, report and group nouns
    /// ("service" of "memorial service").
    noun_tails: Set<String>,
    criticism: Set<String>,
    /// Words of blame whose "of" names the one blamed ("the failure of X").
    criticism_of: Set<String>,
    /// The word classes of `data/words.txt`: each word with the set of its classes.
    words: Map<String, ClassSet>,
    /// The same, listed per class (in table order), for affix classes.
    word_lists: Vec<Vec<String>>,
    /// The relation rules of `data/rules/` and the user's.
    rules: Vec<rules::Rule>,
    /// First words of multi-word verbs ("pointed" of "pointed out").
    verb_openers: Set<String>,
    /// The longest multi-word key of any table, in tokens.
    pub max_key_tokens: usize,
    /// For the first word of a nation's or organization's form, the most
    /// tokens such a form has ("Bank" opens "Bank of England": 3).
    name_openers: Map<String, usize>,
}

/// The embedded tables, by file name.
const TABLES: [(&str, &str); 10] = [
    ("criticism.txt", include_str!("../../data/criticism.txt")),
    ("nations.tsv", include_str!("../../data/nations.tsv")),
    ("regions.txt", include_str!("../../data/regions.txt")),
    (
        "organizations.tsv",
        include_str!("../../data/organizations.tsv"),
    ),
    ("titles.txt", include_str!("../../data/titles.txt")),
    (
        "given-names.txt",
        include_str!("../../data/given-names.txt"),
    ),
    ("stopcaps.txt", include_str!("../../data/stopcaps.txt")),
    ("verbs.tsv", include_str!("../../data/verbs.tsv")),
    ("nouns.tsv", include_str!("../../data/nouns.tsv")),
    ("words.txt", include_str!("../../data/words.txt")),
];

impl Lexicon {
    /// The tables shipped in `data/`.
    pub fn embedded() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in TABLES {
            lex.add_table(name, text)
                .unwrap_or_else(|e| panic!("embedded table is broken: {e}"));
        }
        for (name, text) in rules::FILES {
            lex.add_rules(name, text)
                .unwrap_or_else(|e| panic!("embedded rules are broken: {e}"));
        }
        lex
    }

    /// Add the rules of one rules file; an id already in use is an error.
    fn add_rules(&mut self, name: &str, text: &str) -> Result<()> {
        for rule in rules::parse(name, text)? {
            if self.rules.iter().any(|r| r.id == rule.id) {
                return Err(Error::Other(format!(
                    "{name}: rule {} is already defined (by the built-in rules or an earlier file)",
                    rule.id
                )));
            }
            self.rules.push(rule);
        }
        Ok(())
    }

    /// The relation rules, built-in first.
    pub fn rules(&self) -> &[rules::Rule] {
        &self.rules
    }

    /// This lexicon without one rule, to show what the rule adds.
    #[cfg(test)]
    pub fn without_rule(&self, id: &str) -> Lexicon {
        let mut lex = self.clone();
        lex.rules.retain(|r| r.id != id);
        lex
    }

    /// The embedded tables plus the user's files of the same names in `dir`
    /// (entries are added; nothing embedded is removed).
    pub fn from_dir(dir: &Path) -> Result<Lexicon> {
        let mut lex = Lexicon::embedded();
        let mut found = false;
        for (name, _) in TABLES {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            found = true;
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            lex.add_table(&path.display().to_string(), &text)?;
        }
        for (name, _) in rules::FILES {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            found = true;
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            lex.add_rules(&path.display().to_string(), &text)?;
        }
        if !found {
            return Err(Error::Other(format!(
                "{}: no data tables here (expected one of: {}, {})",
                dir.display(),
                TABLES.map(|t| t.0).join(", "),
                rules::FILES.map(|t| t.0).join(", ")
            )));
        }
        Ok(lex)
    }

    /// Parse one table, dispatching on its file name.
    fn add_table(&mut self, name: &str, text: &str) -> Result<()> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        for (line_no, section, cols) in lines(text) {
            let bad = |reason: &str| Error::Data {
                table: name.to_string(),
                line: line_no,
                reason: reason.to_string(),
            };
            match base {
                "nations.tsv" => {
                    let nation = self.nation_index(cols[0]);
                    self.add_nation_form(cols[0], nation, NationForm::Name);
                    for (i, form) in [NationForm::Short, NationForm::Demonym, NationForm::Capital]
                        .into_iter()
                        .enumerate()
                    {
                        for v in multi(cols.get(i + 1)) {
                            self.add_nation_form(v, nation, form);
                        }
                    }
                }
                "criticism.txt" => {
                    self.criticism.insert(cols[0].to_lowercase());
                    match cols.get(1).copied() {
                        None | Some("") => {}
                        Some("of") => {
                            self.criticism_of.insert(cols[0].to_lowercase());
                        }
                        Some(other) => return Err(bad(&format!("unknown kind {other:?}"))),
                    }
                }
                "regions.txt" => {
                    self.regions.insert(key_of(cols[0]));
                }
                "organizations.tsv" => {
                    let nation = match cols.get(3).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                        Some(n) => Some(
                            self.nation_forms
                                .get(&key_of(n))
                                .map(|x| x.0)
                                .ok_or_else(|| bad(&format!("unknown nation {n:?}")))?,
                        ),
                        None => None,
                    };
                    let idx = match self.org_forms.get(&key_of(cols[0])) {
                        Some(&i) => i,
                        None => {
                            self.organizations.push(Organization {
                                name: cols[0].to_string(),
                                hint: cols.get(2).unwrap_or(&"other").trim().to_string(),
                                nation,
                            });
                            self.organizations.len() - 1
                        }
                    };
                    self.add_org_form(cols[0], idx);
                    for a in multi(cols.get(1)) {
                        self.add_org_form(a, idx);
                    }
                }
                "titles.txt" => {
                    let set = match section {
                        "honorific" => &mut self.honorifics,
                        "head" => &mut self.title_heads,
                        "modifier" => &mut self.title_modifiers,
                        _ => return Err(bad("entry outside [honorific]/[head]/[modifier]")),
                    };
                    set.insert(key_of(cols[0]).to_lowercase());
                }
                "given-names.txt" => {
                    let set = match section {
                        "given" => &mut self.given,
                        "surname-first" => &mut self.surname_first,
                        "also-word" => &mut self.also_word,
                        "female" => &mut self.female,
                        "male" => &mut self.male,
                        _ => {
                            return Err(bad(
                                "entry outside [given]/[surname-first]/[also-word]/[female]/[male]",
                            ));
                        }
                    };
                    set.insert(cols[0].to_string());
                }
                "stopcaps.txt" => {
                    let set = match section {
                        "stop" => &mut self.stopcaps,
                        "ambiguous" => &mut self.ambiguous_caps,
                        "not-name-end" => &mut self.not_name_end,
                        _ => return Err(bad("entry outside [stop]/[ambiguous]/[not-name-end]")),
                    };
                    set.insert(cols[0].to_string());
                }
                "verbs.tsv" => {
                    let class = match cols.get(1).map(|s| s.trim()) {
                        Some("speech") => VerbClass::Speech,
                        Some("accuse") => VerbClass::Accuse,
                        Some("meet") => VerbClass::Meet,
                        Some("cite") => VerbClass::Cite,
                        _ => return Err(bad("class must be speech, accuse, meet or cite")),
                    };
                    let lemma = cols.get(2).unwrap_or(&cols[0]).trim().to_string();
                    self.add_key_len(cols[0]);
                    let key = key_of(cols[0]).to_lowercase();
                    if let Some((first, _)) = key.split_once(' ') {
                        self.verb_openers.insert(first.to_string());
                    }
                    self.verbs.insert(key, (class, lemma));
                }
                "nouns.tsv" => {
                    let class = match cols.get(1).map(|s| s.trim()) {
                        Some("meeting") => NounClass::Meeting,
                        Some("report") => NounClass::Report,
                        Some("org") => NounClass::Org,
                        Some("group") => NounClass::Group,
                        _ => return Err(bad("class must be meeting, report, org or group")),
                    };
                    let k = key_of(cols[0]);
                    let k = if class == NounClass::Org {
                        k
                    } else {
                        k.to_lowercase()
                    };
                    if let (false, Some((_, last))) = (class == NounClass::Org, k.rsplit_once(' '))
                    {
                        self.noun_tails.insert(last.to_string());
                    }
                    self.nouns.insert(k, class);
                }
                "words.txt" => {
                    let Some(class) = WordClass::parse(section) else {
                        return Err(bad(&if section.is_empty() {
                            "entry outside a [class] section".to_string()
                        } else {
                            format!("unknown word class [{section}]: no rule reads it")
                        }));
                    };
                    let word = cols[0].to_string();
                    let set = self.words.entry(word.clone()).or_default();
                    if !set.contains(class) {
                        set.insert(class);
                        if self.word_lists.is_empty() {
                            self.word_lists = vec![Vec::new(); WordClass::ALL.len()];
                        }
                        self.word_lists[class as usize].push(word);
                    }
                }
                _ => return Err(bad("unknown table")),
            }
        }
        Ok(())
    }

    fn nation_index(&mut self, name: &str) -> usize {
        if let Some(&(i, _)) = self.nation_forms.get(&key_of(name)) {
            return i;
        }
        self.nations.push(Nation {
            name: name.trim().to_string(),
        });
        self.nations.len() - 1
    }

    fn add_nation_form(&mut self, form: &str, nation: usize, how: NationForm) {
        self.add_key_len(form);
        self.nation_forms
            .entry(key_of(form))
            .or_insert((nation, how));
    }

    fn add_org_form(&mut self, form: &str, idx: usize) {
        self.add_key_len(form);
        self.org_forms.entry(key_of(form)).or_insert(idx);
    }

    fn add_key_len(&mut self, form: &str) {
        let toks = tokenize(
            form,
            Span {
                start: 0,
                end: form.len(),
            },
        );
        let n = toks.len();
        self.max_key_tokens = self.max_key_tokens.max(n);
        if let Some(first) = toks.first() {
            let most = self
                .name_openers
                .entry(form[first.span.start..first.span.end].to_string())
                .or_insert(0);
            *most = (*most).max(n);
        }
    }

    /// The most tokens a nation's or organization's form that starts with
    /// `word` has; 0 when none starts with it.
    pub fn longest_name_from(&self, word: &str) -> usize {
        self.name_openers.get(word).copied().unwrap_or(0)
    }

    /// The lookup key of a run of text: its tokens joined by single spaces.
    pub fn key(text: &str) -> String {
        key_of(text)
    }

    /// The nation a surface form names, and how.
    pub fn nation(&self, key: &str) -> Option<(usize, NationForm)> {
        self.nation_forms.get(key).copied()
    }

    /// True for places that are neither nations nor people ("Scotland", "Geneva").
    pub fn is_region(&self, key: &str) -> bool {
        self.regions.contains(key)
    }

    /// The organization a surface form names.
    pub fn organization(&self, key: &str) -> Option<usize> {
        self.org_forms.get(key).copied()
    }

    /// "Mr", "Mrs.", "Dr", "Sir" (any case).
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(lower(word).as_ref())
    }

    /// A word that ends a job title ("minister", "spokesman").
    /// A hyphenated compound of a modifier and a head is a head too
    /// ("vice-chairman", "deputy-governor").
    pub fn is_title_head(&self, word: &str) -> bool {
        let w = lower(word);
        self.title_heads.contains(w.as_ref())
            || w.split_once('-').is_some_and(|(modifier, rest)| {
                self.title_modifiers.contains(modifier) && self.is_title_head(rest)
            })
    }

    /// A word that may precede a title head ("foreign", "assistant").
    pub fn is_title_modifier(&self, word: &str) -> bool {
        self.title_modifiers.contains(lower(word).as_ref())
    }

    /// A word of a job title: a head or a modifier.
    pub fn is_title_word(&self, word: &str) -> bool {
        self.is_title_head(word) || self.is_title_modifier(word)
    }

    /// A common given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// A given name that is also a common word ("Will", "May").
    pub fn is_given_name_also_word(&self, word: &str) -> bool {
        self.also_word.contains(word)
    }

    /// Whether a given name is borne mostly by women (Some(true)) or men (Some(false)).
    pub fn given_name_gender(&self, word: &str) -> Option<bool> {
        if self.female.contains(word) {
            Some(true)
        } else if self.male.contains(word) {
            Some(false)
        } else {
            None
        }
    }

    /// A family name written first ("Xi", "Zheng", "Kim").
    pub fn is_surname_first(&self, word: &str) -> bool {
        self.surname_first.contains(word)
    }

    /// A capitalised word that is never (part of) a name: "The", "However", "Monday".
    pub fn is_stopcap(&self, word: &str) -> bool {
        self.stopcaps.contains(word)
    }

    /// A capitalised word that is a name only sometimes ("May", "Will").
    pub fn is_ambiguous_cap(&self, word: &str) -> bool {
        self.ambiguous_caps.contains(word)
    }

    /// A word that never ends a person's name ("Awards", "United", "Street").
    pub fn is_not_name_end(&self, word: &str) -> bool {
        self.not_name_end.contains(word)
    }

    /// True when a multi-word verb form starts with this (lower-case) word.
    pub fn opens_verb(&self, word: &str) -> bool {
        self.verb_openers.contains(word)
    }

    /// The class and lemma of a verb form (lower case key, may be several words).
    pub fn verb(&self, key: &str) -> Option<(VerbClass, &str)> {
        self.verbs.get(key).map(|(c, l)| (*c, l.as_str()))
    }

    /// A word of blame ("irresponsible", "intrusions"): see `data/criticism.txt`.
    pub fn is_criticism(&self, word: &str) -> bool {
        self.criticism.contains(lower(word).as_ref())
    }

    /// A word of blame whose "of" names the one blamed ("the failure of
    /// X", not "the persecution of X"): marked `of` in `data/criticism.txt`.
    pub fn is_criticism_of(&self, word: &str) -> bool {
        self.criticism_of.contains(lower(word).as_ref())
    }

    /// True when `word`, exactly as written, is in the word class.
    pub fn word_in(&self, class: WordClass, word: &str) -> bool {
        self.classes(word).contains(class)
    }

    /// Every word class `word` (exactly as written) is in: one lookup for
    /// all of them.
    pub fn classes(&self, word: &str) -> ClassSet {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// True when `word` in lower case is in the word class (the table's
    /// entries of such classes are lower case). An ASCII word is
    /// lower-cased on the stack, so this does not allocate.
    pub fn word_in_any_case(&self, class: WordClass, word: &str) -> bool {
        self.classes_any_case(word).contains(class)
    }

    /// Every word class `word` in lower case is in.
    pub fn classes_any_case(&self, word: &str) -> ClassSet {
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            // ASCII stays valid UTF-8 when lower-cased
            let w = std::str::from_utf8(b).unwrap_or(word);
            return self.classes(w);
        }
        self.classes(&lower(word))
    }

    /// The entries of a word class, in table order (for affixes: "-led", ".com").
    pub fn words_of(&self, class: WordClass) -> &[String] {
        self.word_lists
            .get(class as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The class of a noun ("summit" -> meeting, "Ministry" -> org).
    /// The class of the two-word noun `first word` ("memorial service"),
    /// both lower case; no string is made unless `word` ends such a noun.
    pub fn noun_pair(&self, first: &str, word: &str) -> Option<NounClass> {
        if !self.noun_tails.contains(word) {
            return None;
        }
        self.nouns.get(&format!("{first} {word}")).copied()
    }

    pub fn noun(&self, key: &str) -> Option<NounClass> {
        match (self.nouns.get(key), lower(key)) {
            (Some(n), _) => Some(*n),
            // only a key with capitals has another form to try
            (None, Cow::Owned(low)) => self.nouns.get(&low).copied(),
            (None, Cow::Borrowed(_)) => None,
        }
    }
}

/// Non-comment lines of a table: (1-based line number, current `[section]`, TAB-separated columns).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str, Vec<&str>)> {
    let mut section = "";
    text.lines().enumerate().filter_map(move |(i, line)| {
        let t = line.trim_end_matches('\r');
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            return None;
        }
        if let Some(s) = t.trim().strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s;
            return None;
        }
        Some((i + 1, section, t.split('\t').map(str::trim).collect()))
    })
}

/// The values of a `;`-separated column.
fn multi<'a>(col: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    col.copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn key_of(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for tok in tokenize(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
    ) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&text[tok.span.start..tok.span.end]);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let lex = Lexicon::embedded();
        assert!(lex.nations.len() > 190, "{} nations", lex.nations.len());
        assert!(lex.organizations.len() > 200);
    }

    /// Within each section, entries are sorted (case-insensitively) and unique,
    /// so a diff shows what changed and nothing is listed twice.
    #[test]
    fn tables_are_sorted_and_unique() {
        for (name, text) in TABLES {
            let mut prev: Option<(String, String)> = None;
            for (line, section, cols) in lines(text) {
                let k = cols[0].to_lowercase();
                if let Some((ps, pk)) = &prev
                    && ps == section
                {
                    assert!(
                        pk < &k,
                        "{name} line {line}: {:?} is not after {pk:?}",
                        cols[0]
                    );
                }
                prev = Some((section.to_string(), k));
            }
        }
    }

    #[test]
    fn nations_by_every_kind_of_name() {
        let lex = Lexicon::embedded();
        let us = lex.nation("United States").unwrap().0;
        for (form, how) in [
            ("U.S.", NationForm::Short),
            ("America", NationForm::Short),
            ("Americans", NationForm::Demonym),
            ("Washington", NationForm::Capital),
        ] {
            assert_eq!(lex.nation(&Lexicon::key(form)), Some((us, how)), "{form}");
        }
        let cn = lex.nation("China").unwrap().0;
        assert_eq!(
            lex.nation(&Lexicon::key("People's Republic of China"))
                .map(|x| x.0),
            Some(cn)
        );
        assert!(lex.nation("Scotland").is_none());
        assert!(lex.is_region("Scotland"));
    }

    #[test]
    fn organizations_know_their_nation_and_aliases() {
        let lex = Lexicon::embedded();
        let wh = lex.organization("White House").unwrap();
        let us = lex.nation("United States").unwrap().0;
        assert_eq!(lex.organizations[wh].nation, Some(us));
        assert_eq!(
            lex.organization("Tories"),
            lex.organization(&Lexicon::key("Conservative Party"))
        );
    }

    #[test]
    fn a_users_table_adds_to_the_embedded_ones() {
        let dir = std::env::temp_dir().join(format!("newsgraph-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("organizations.tsv"),
            "Acme Widgets\tAcme\tcompany\t\n",
        )
        .unwrap();
        let lex = Lexicon::from_dir(&dir).unwrap();
        assert!(lex.organization("Acme").is_some());
        assert!(lex.organization("White House").is_some());
        std::fs::write(dir.join("verbs.tsv"), "quipped\tjoke\n").unwrap();
        let err = Lexicon::from_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("verbs.tsv: line 1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_users_word_class_adds_words() {
        let dir = std::env::temp_dir().join(format!("newsgraph-words-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("words.txt"), "# mine\n[day]\nfortnight\n").unwrap();
        let lex = Lexicon::from_dir(&dir).unwrap();
        assert!(lex.word_in_any_case(WordClass::Day, "Fortnight"));
        assert!(lex.word_in(WordClass::Day, "monday"));
        assert!(!Lexicon::embedded().word_in(WordClass::Day, "fortnight"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A section no code reads is an error naming the file and line, not a silent no-op.
    #[test]
    fn a_users_word_class_must_be_known() {
        let dir = std::env::temp_dir().join(format!("newsgraph-words-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("words.txt");
        std::fs::write(&path, "[day]\nfortnight\n\n[weekday]\nmonday\n").unwrap();
        let err = Lexicon::from_dir(&dir).unwrap_err().to_string();
        let want = format!("{}: line 5: unknown word class [weekday]", path.display());
        assert!(err.contains(&want), "{err}");
        std::fs::write(&path, "# no section yet\nfortnight\n").unwrap();
        let err = Lexicon::from_dir(&dir).unwrap_err().to_string();
        assert!(
            err.contains("words.txt: line 2: entry outside a [class] section"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The embedded word table with a made-up section does not load.
    #[test]
    fn an_unread_class_in_the_table_is_a_load_error() {
        let mut lex = Lexicon::default();
        let table = format!("{}\n[unread-class]\nword\n", TABLES[9].1);
        assert_eq!(TABLES[9].0, "words.txt");
        let err = lex.add_table("words.txt", &table).unwrap_err().to_string();
        assert!(err.contains("unknown word class [unread-class]"), "{err}");
    }
}
