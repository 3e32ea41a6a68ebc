//! The closed word classes of `data/words.txt`: the function words,
//! auxiliaries and cue words the extractor's rules point at, so that no
//! list of English words lives in the Rust code.
//!
//! Each class is a `[section]` of the table and a variant of
//! [`WordClass`]; the extractor asks [`super::Lexicon::word_in`] with the
//! variant, so a misspelt class is a compile error, and a section of the
//! table that names no variant is a load error (no code could read it).

/// Declares the classes: variant, section name and what the class is for.
macro_rules! word_classes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)+) => {
        /// A closed class of words, one `[section]` of `data/words.txt`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum WordClass {
            $($(#[doc = $doc])* $variant,)+
        }

        impl WordClass {
            /// Every class, in table order.
            pub const ALL: &[WordClass] = &[$(WordClass::$variant,)+];

            /// The section name in `data/words.txt`.
            pub fn name(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $name,)+
                }
            }

            /// The class of a section name.
            pub fn parse(name: &str) -> Option<WordClass> {
                WordClass::ALL.iter().copied().find(|c| c.name() == name)
            }
        }
    };
}

word_classes! {
    /// Nouns of an accusation whose maker and target may follow ("allegations by X against Y"); lower case.
    AccusationNoun = "accusation-noun",
    /// Prepositions that give the reason of an accusation ("criticised X over ..."); any case.
    AccusationReason = "accusation-reason",
    /// Prepositions after a noun of accusation that name its target ("criticism of X"); any case.
    AccusationTargetPreposition = "accusation-target-preposition",
    /// Words right before an unknown acronym that make it an organization ("told ABC"); any case.
    AcronymCue = "acronym-cue",
    /// Words that open an adverbial between a speech verb and its content ("said on Tuesday that"); any case.
    AdverbialStart = "adverbial-start",
    /// Words between a person and a body that end the person's title phrase ("Roe said Acme ..."); any case.
    AffiliationBreak = "affiliation-break",
    /// Prepositions between a person and the body they belong to ("Paul Roe, head of Acme").
    AffiliationPreposition = "affiliation-preposition",
    /// Nouns for those who speak for a named principal ("the Lind campaign", "Lind's spokesman"); lower case.
    AgentNoun = "agent-noun",
    /// Articles skipped before a name ("the Foreign Office"); any case.
    Article = "article",
    /// Prepositions before a meeting whose sentence's subjects attend it ("X is at the summit").
    AttendPreposition = "attend-preposition",
    /// Forms of "attend", whose subject attends the meeting after it; lower case.
    AttendVerb = "attend-verb",
    /// Prepositions after a meeting noun whose names attend it ("talks between X and Y", "a meeting with X"); any case.
    AttendeePreposition = "attendee-preposition",
    /// Prepositions after a report noun that name its author ("a report by X"); any case.
    AuthorPreposition = "author-preposition",
    /// Negation among a verb's auxiliaries ("has not yet hosted"); any case.
    AuxNegation = "aux-negation",
    /// Auxiliary and modal verbs: a run of words with one of them is a clause; as written.
    Auxiliary = "auxiliary",
    /// Prepositions after a word of blame that name who is blamed ("interference from X"); any case.
    BlameAgentPreposition = "blame-agent-preposition",
    /// The preposition after a word of blame whose object is blamed ("the failure of X"); any case.
    BlameOfPreposition = "blame-of-preposition",
    /// Accusation lemmas whose target may follow "on" ("blamed the crisis on X").
    BlameOn = "blame-on",
    /// The preposition before the target of a blame ("blamed the crisis on X"); any case.
    BlameOnPreposition = "blame-on-preposition",
    /// Nouns for the government or staff of a nation or organization named just before them; lower case.
    BodyNoun = "body-noun",
    /// Capitalised conjunctions that may open a sentence before "according to"; as written.
    CapitalisedConjunction = "capitalised-conjunction",
    /// Capitalised pronouns that are never a name on their own ("He" is also a family name); as written.
    CapitalisedPronoun = "capitalised-pronoun",
    /// The participle that makes the report after it a cited source ("citing a report"); any case.
    CitingForm = "citing-form",
    /// Words that open a clause and so end a prepositional phrase; lower case.
    ClauseOpener = "clause-opener",
    /// Relative pronouns that open a clause and never a noun phrase ("the summit, which ..."); any case.
    ClauseRelative = "clause-relative",
    /// The second word of "along with", "together with", which join a list ("Norway, along with Iceland,"); any case.
    Comitative = "comitative",
    /// The word that opens a reported clause ("said that ..."); any case.
    Complementizer = "complementizer",
    /// Speech lemmas that take an object and an infinitive ("asked X to ...") as often as a statement.
    ControlVerb = "control-verb",
    /// Conjunctions that join two clauses or two verbs of one subject ("X said A but added B"); any case.
    ClauseCoordinator = "clause-coordinator",
    /// The conjunction that joins a list of names ("X and Y").
    Coordinator = "coordinator",
    /// Words that cancel a word of blame after them in a statement ("not irresponsible", "nobody thinks X was wrong"); as written.
    CriticismNegation = "criticism-negation",
    /// Nouns of counted or compiled evidence whose named maker is the source after "according to" ("a CNN tally", "data from X"); any case.
    DataNoun = "data-noun",
    /// Words for a day that may follow a speech verb without a preposition ("said Tuesday"); any case.
    Day = "day",
    /// The definite article.
    DefiniteArticle = "definite-article",
    /// Determiners that make a bare meeting or report phrase refer back ("the summit"), lower case.
    DefiniteDeterminer = "definite-determiner",
    /// Words that open a noun phrase ("the", "his"), lower case.
    Determiner = "determiner",
    /// The preposition between a speech verb and the speaker's own document ("said in a statement"); lower case.
    DocumentPreposition = "document-preposition",
    /// Participles that with "by" make an outlet cite a document ("a letter seen by X").
    DocumentVerb = "document-verb",
    /// Honorifics of women, lower case without the dot.
    FemaleHonorific = "female-honorific",
    /// The pronoun that refers back to a woman; any case.
    FemalePronoun = "female-pronoun",
    /// Words after a name that do not make it a modifier ("Malaysia and ...", "China has ..."); lower case.
    FunctionWord = "function-word",
    /// Title words of a government office before a name ("Prime Minister X", "Culture Secretary X"); lower case.
    GovernmentOffice = "government-office",
    /// Government office words that are a firm's or a club's title when written in lower case ("Acme president X"); lower case.
    GovernmentOfficeCapitalised = "government-office-capitalised",
    /// Title words that make an office not the government's ("Shadow Home Secretary", "Secretary General"); lower case.
    GovernmentOfficeBreak = "government-office-break",
    /// Forms of "have" that carry a judgement of their subject ("X has a dismal record"); lower case.
    HaveForm = "have-form",
    /// Prepositions that tie an organization to the person before it ("Paul Roe, head of Acme, told ..."); as written.
    HeadOfPreposition = "head-of-preposition",
    /// Forms of "hold", whose subject attends the meeting held; lower case.
    /// Speech lemmas after which "to" names the listener ("said to reporters"), unless a verb follows it; lower case.
    HearerSpeech = "hearer-speech",
    HoldForm = "hold-form",
    /// Words after which comes a verb ("to resume talks", "will resume talks"); any case.
    InfinitiveMarker = "infinitive-marker",
    /// Verbs besides "tell" with a listener before the words ("assured X that"); lower case.
    InformVerb = "inform-verb",
    /// Small words an organization's initials leave out ("Oil and Natural Gas Corporation" is ONGC); as written.
    InitialsSkip = "initials-skip",
    /// Past participles not in -ed or -en ("the talks, held in Lima,"); lower case.
    IrregularParticiple = "irregular-participle",
    /// Verbs that put a label on their object ("called X a disgrace"); lower case.
    LabellingVerb = "labelling-verb",
    /// First words of "along with", "together with"; any case.
    ListCompanion = "list-companion",
    /// Conjunctions that join the items of a noun-phrase list ("Chile, Peru and Norway"); any case.
    ListJoiner = "list-joiner",
    /// Words that open a list of people cited ("critics like A and B"); any case.
    ListOpener = "list-opener",
    /// Honorifics of men, lower case without the dot.
    MaleHonorific = "male-honorific",
    /// The pronoun that refers back to a man; any case.
    MalePronoun = "male-pronoun",
    /// Forms of "meet" whose object attends the meeting too ("X met Y at the summit"); any case.
    MeetForm = "meet-form",
    /// Participles of belief and feeling that stay inside the words before them ("said he left early, thinking the vote was lost"); lower case.
    MentalParticiple = "mental-participle",
    /// Month names, which never continue a name after "of", "for", "on" ("the World Bank on May 3"); any case.
    Month = "month",
    /// Endings that make an adjective of a name ("Bush-style", "Blair-led").
    NameAdjectiveSuffix = "name-adjective-suffix",
    /// Conjunctions that may join the words of one name ("Marks & Spencer"); as written.
    NameAnd = "name-and",
    /// Articles that open a name's or a listener's phrase ("the US Trade Representative", "told the panel"); any case.
    NameArticle = "name-article",
    /// Words that join the parts of a name after a head word ("Bank of England"); as written.
    NameConnector = "name-connector",
    /// Lower-case particles inside a person's name ("Ursula von der Leyen"); as written.
    NameJoiner = "name-joiner",
    /// A particle hyphened to a capitalised name ("al-Harbi", "bin-Laden").
    NameParticle = "name-particle",
    /// Verbs that give their object a name, a statement when a quotation gives it ("called the plan "a disgrace""); lower case.
    NamingVerb = "naming-verb",
    /// Capitalised words after a nation that name its government ("the British Government"); as written.
    NationBody = "nation-body",
    /// Words up to four before a verb that deny it ("did not accuse", "denied accusing"); any case.
    Negation = "negation",
    /// The pronoun that refers back to an organization ("It quoted ..."); any case.
    NeuterPronoun = "neuter-pronoun",
    /// The pronoun that refers back to a group named in the plural ("They said ..."); any case.
    PluralPronoun = "plural-pronoun",
    /// Words before a speech verb's form that make it a noun ("a report", "his claim"); lower case.
    NounDeterminer = "noun-determiner",
    /// Speech lemmas whose base form is more often a noun ("a China Daily report").
    NounyVerb = "nouny-verb",
    /// Prepositions that end the object of an accusation ("accused X of ..."); as written.
    ObjectEnd = "object-end",
    /// Words that pin a meeting or report down ("the second round of talks"); as written.
    Ordinal = "ordinal",
    /// Lower-case words right before a lone capitalised word that make it a company or body; as written.
    OrgCue = "org-cue",
    /// Auxiliaries after "the board" that make it refer to an organization named before; as written.
    OrgRefVerb = "org-ref-verb",
    /// Accusation lemmas whose participle before a lower-case word is an adjective ("alleged hacking").
    ParticipleAdjective = "participle-adjective",
    /// The preposition of a list of parties, which may hold commas ("talks between X, Y and Z"); as written.
    PartiesPreposition = "parties-preposition",
    /// The preposition that joins two names ("Commentary of Strathclyde University"); as written.
    Partitive = "partitive",
    /// The preposition of a passive agent ("was accused by X"); any case.
    PassiveAgent = "passive-agent",
    /// Forms of "be" before a participle that make an accusation passive; as written.
    PassiveAuxiliary = "passive-auxiliary",
    /// Auxiliaries before a passive accusation, skipped to find what was accused; as written.
    PassiveChain = "passive-chain",
    /// The relative pronoun after a person ("X, who will attend"); any case.
    PersonRelative = "person-relative",
    /// Prepositions that open a phrase after a meeting or report noun ("the summit in Oslo").
    PhrasePreposition = "phrase-preposition",
    /// Words that end a noun phrase's left edge: auxiliaries, conjunctions and the like; lower case.
    PhraseStop = "phrase-stop",
    /// Words before a capital that make it a place, not its government ("talks in Beijing"); any case.
    PlaceBefore = "place-before",
    /// Possessive determiners by which a speaker names their own document ("our report", "my letter"); lower case.
    OwnDeterminer = "own-determiner",
    /// Possessive determiners that make the person just named a report's author ("his review"), lower case.
    PossessiveDeterminer = "possessive-determiner",
    /// Verbs of "X quoted Y as saying"; lower case.
    QuoteVerb = "quote-verb",
    /// The "as" of "quoted Y as saying"; any case.
    QuotedAs = "quoted-as",
    /// The "saying" of "quoted Y as saying"; any case.
    QuotedSaying = "quoted-saying",
    /// Accusation lemmas that accuse only with a reason ("attacked X over ...").
    ReasonedAccusation = "reasoned-accusation",
    /// Relative pronouns, which end an accusation's clause; any case.
    RelativePronoun = "relative-pronoun",
    /// Words before an accusation verb that make the main clause's subject its target ("a plan which the UN criticised"); any case.
    RelativeThat = "relative-that",
    /// Letters written after a person's name that are not part of it ("Peter Lind MP", "Ana Ruiz QC"); as written.
    PostNominal = "post-nominal",
    /// Report nouns that as often name a process as a document ("the review will look at ..."); lower case.
    ProcessNoun = "process-noun",
    /// Verbs whose object is a document weighed or relied on ("welcomed the report", "study the research"); lower case.
    ReadingVerb = "reading-verb",
    /// Verbs by which a document speaks ("the study shows that ..."); as written.
    ReportVerb = "report-verb",
    /// The word that with "to" names a source ("according to X"); any case.
    SourceOpener = "source-opener",
    /// Auxiliaries between a speaker and a speech verb ("would say", "has been saying"); as written.
    SpeechAuxiliary = "speech-auxiliary",
    /// The preposition before the speaker of a speech named with its meeting ("an address to the summit from X"); lower case.
    SpeechFrom = "speech-from",
    /// Nouns of a speech given to a meeting ("his speech at the conference", "an address to the rally"); lower case.
    SpeechNoun = "speech-noun",
    /// Forms of "be" before a speech verb that make it passive, with no speaker ("was told"); lower case.
    SpeechPassive = "speech-passive",
    /// Modal auxiliaries, which keep a reported clause going ("said A, and she would B"); lower case.
    Modal = "modal",
    /// Conjunctions that open an adverbial clause before the main clause ("When the talks ended, X said ..."); any case.
    Subordinator = "subordinator",
    /// Pronouns that can only be a subject: after "told X", one opens the words ("told reporters he planned to stay"), not a request; any case.
    SubjectPronoun = "subject-pronoun",
    /// Auxiliaries, negations and adverbs between a subject and its verb ("X did not openly accuse"), besides the verb fillers; as written.
    SubjectGap = "subject-gap",
    /// Forms of "tell", whose listener comes before the words told; lower case.
    TellForm = "tell-form",
    /// Nouns of a stretch of time in a time phrase between a subject and its verb ("X last week said"); any case.
    TimeNoun = "time-noun",
    /// Words that make up a time phrase with a day, month or time noun ("on", "last", "earlier this"); any case.
    TimePhraseWord = "time-phrase-word",
    /// Small words inside a title before a name ("Secretary of State for the Family"); as written.
    TitleJoiner = "title-joiner",
    /// The word "to": of "according to", and the mark of an infinitive ("hopes to").
    To = "to",
    /// Verbs of travel whose subject attends the meeting they go to ("X flew to the summit"); lower case.
    TravelVerb = "travel-verb",
    /// Nouns in -s that are not plurals ("talks"); any case.
    UncountableS = "uncountable-s",
    /// Words after which a meeting or report noun is a verb ("to report", "they report"); any case.
    VerbBefore = "verb-before",
    /// Words between a name and its verb that do not break the link ("has also said"); as written.
    VerbFiller = "verb-filler",
    /// Meeting nouns whose "by" phrase names who comes ("a visit by the queen"); lower case.
    VisitNoun = "visit-noun",
    /// Past forms and other verbs that end a phrase, beyond the speech and meeting verbs of verbs.tsv; lower case.
    VerbForm = "verb-form",
    /// Words before a noun-like speech verb that make it a verb after all ("they report"); lower case.
    VerbalBefore = "verbal-before",
    /// Endings of a web address that make a word an organization ("Amazon.com").
    WebSuffix = "web-suffix",
}

/// A set of word classes, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassSet(u128);

const _: () = assert!(WordClass::ALL.len() <= 128, "a ClassSet holds 128 classes");

impl ClassSet {
    /// True when the set holds `class`.
    pub fn contains(self, class: WordClass) -> bool {
        self.0 & (1u128 << class as u32) != 0
    }

    /// Add `class` to the set.
    pub fn insert(&mut self, class: WordClass) {
        self.0 |= 1u128 << class as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &c in WordClass::ALL {
            assert_eq!(WordClass::parse(c.name()), Some(c));
        }
        assert_eq!(WordClass::parse("no-such-class"), None);
    }

    #[test]
    fn every_class_has_entries_in_the_embedded_table() {
        let lex = Lexicon::embedded();
        for &c in WordClass::ALL {
            assert!(!lex.words_of(c).is_empty(), "[{}] is empty", c.name());
        }
        assert!(lex.word_in(WordClass::Determiner, "the"));
        assert!(!lex.word_in(WordClass::Determiner, "The"));
        assert!(lex.word_in_any_case(WordClass::Determiner, "The"));
        assert!(lex.word_in_any_case(WordClass::Day, "TUESDAY"));
        assert!(!lex.word_in_any_case(WordClass::Day, "Tuesdays"));
        // a word of two classes is in both
        assert!(lex.word_in(WordClass::PassiveAuxiliary, "was"));
        assert!(lex.word_in(WordClass::Auxiliary, "was"));
        assert!(!lex.word_in(WordClass::Ordinal, "was"));
    }

    /// A class no code reads would be a silent no-op: each variant is named
    /// by the code outside the lexicon (a section without a variant is a
    /// load error, see `a_users_word_class_must_be_known`).
    #[test]
    fn every_class_is_read_by_the_extractor() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut code = String::new();
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("lexicon") {
                        dirs.push(path);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    code.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        for &c in WordClass::ALL {
            let name = format!("WordClass::{c:?}");
            let read = code.match_indices(&name).any(|(i, _)| {
                !code[i + name.len()..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '_')
            });
            assert!(read, "no code outside src/lexicon reads {name}");
        }
    }
}
