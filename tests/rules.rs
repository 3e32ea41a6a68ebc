//! A table of the extraction rules: short articles in wire-copy style, each
//! with one fact the extractor must find (or must not).
//!
//! Every article here was written for this test; none is real copy. A row
//! marked `known_gap` is something the extractor does not do yet: it is run
//! and its outcome printed, but it does not fail the test. When a rule is
//! fixed, the run reports the gap as closed; drop the mark then.
//!
//! A failing row prints the article, the fact expected and every edge that
//! came out (`source -kind-> target`), so the rule at fault shows at once.
//! `NEWSGRAPH_RULES_DUMP=1 cargo test --test rules -- --nocapture` prints
//! that for every row.

use std::fmt::Write as _;

use newsgraph::graph::{Edge, Node};
use newsgraph::{Article, EdgeKind, Lexicon, NodeKind, View};

use Fact::{
    Accused, Attends, AuthoredBy, Cites, Entity, MemberOf, NoEntity, NotSaid, Said, SameNode,
};

/// What a row expects of the resolved graph. Names are looked up among the
/// nodes' names and aliases, exactly.
#[derive(Debug)]
enum Fact {
    /// A said edge from the node so named to a statement whose text
    /// contains the words.
    Said {
        speaker: &'static str,
        words_contain: &'static str,
    },
    /// No such said edge.
    NotSaid {
        speaker: &'static str,
        words_contain: &'static str,
    },
    /// An accused edge with this negated flag.
    Accused {
        from: &'static str,
        to: &'static str,
        negated: bool,
    },
    /// An attends edge to a meeting whose name contains the words.
    Attends {
        who: &'static str,
        meeting_contains: &'static str,
    },
    /// A cites edge to a node whose name contains the words.
    Cites {
        from: &'static str,
        to_contains: &'static str,
    },
    /// A member_of edge.
    MemberOf { who: &'static str, of: &'static str },
    /// An authored_by edge from a report whose name contains the words.
    AuthoredBy {
        report_contains: &'static str,
        by: &'static str,
    },
    /// A node of this kind with this name or alias.
    Entity { kind: NodeKind, name: &'static str },
    /// No node with this name or alias.
    NoEntity { name: &'static str },
    /// Both names are names or aliases of one node (and some node has each).
    SameNode { a: &'static str, b: &'static str },
}

/// One article and one fact about it.
struct Row {
    text: &'static str,
    fact: Fact,
    /// The extractor does not do this yet: report, do not assert.
    known_gap: bool,
}

const fn row(text: &'static str, fact: Fact) -> Row {
    Row {
        text,
        fact,
        known_gap: false,
    }
}

/// A row the extractor is known to get wrong today (none at the moment; kept
/// so that a new gap is marked, not deleted).
#[allow(dead_code)]
const fn gap(text: &'static str, fact: Fact) -> Row {
    Row {
        text,
        fact,
        known_gap: true,
    }
}

const ROWS: &[Row] = &[
    // ---- a lone company name after the noun that says what it is
    row(
        "Retail slump\n\nLONDON (Reuters) - Shares in electronics retailer Brexbury fell after Christmas sales disappointed.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Brexbury",
        },
    ),
    row(
        "Deal agreed\n\nNEW YORK (Reuters) - Drug firm Calvora agreed to buy a smaller rival for $2bn.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Calvora",
        },
    ),
    // ---- titles before names: a person, and member_of the title's nation
    row(
        "Beijing seeks calm\n\nBEIJING, June 3 (UPI) -- Chinese Assistant Foreign Minister Li Wenbo said on Monday that China wanted calm in the region.\n",
        Entity {
            kind: NodeKind::Person,
            name: "Li Wenbo",
        },
    ),
    row(
        "Beijing seeks calm\n\nBEIJING, June 3 (UPI) -- Chinese Assistant Foreign Minister Li Wenbo said on Monday that China wanted calm in the region.\n",
        MemberOf {
            who: "Li Wenbo",
            of: "China",
        },
    ),
    row(
        "Border checks tightened\n\nBERLIN, Feb. 9 (UPI) -- German Interior Minister Klaus Brandt told parliament that checks at the border would stay in place until the summer.\n",
        MemberOf {
            who: "Klaus Brandt",
            of: "Germany",
        },
    ),
    row(
        "Brasilia signs pact\n\nBRASILIA, Aug. 21 (UPI) -- Brazilian President Ana Ribeiro signed the forestry pact on Thursday, her office said.\n",
        MemberOf {
            who: "Ana Ribeiro",
            of: "Brazil",
        },
    ),
    row(
        "Embassy to reopen\n\nWASHINGTON, Jan. 5 (UPI) -- U.S. Secretary of State Paul Adler said the embassy would reopen in March.\n",
        Entity {
            kind: NodeKind::Person,
            name: "Paul Adler",
        },
    ),
    row(
        "Embassy to reopen\n\nWASHINGTON, Jan. 5 (UPI) -- U.S. Secretary of State Paul Adler said the embassy would reopen in March.\n",
        MemberOf {
            who: "Paul Adler",
            of: "United States",
        },
    ),
    row(
        "Pensions safe\n\nMADRID, March 30 (UPI) -- Spanish Labour Minister Elena Ruiz said the reform would protect pensions.\n",
        MemberOf {
            who: "Elena Ruiz",
            of: "Spain",
        },
    ),
    // ---- surnames after the first mention, and Mr / Ms
    row(
        "Budget row deepens\n\nLONDON, Oct. 4 (UPI) -- Foreign Secretary Jane Roe met her French counterpart on Friday.\n\nRoe said the two countries would work together on the refugee question.\n",
        Said {
            speaker: "Jane Roe",
            words_contain: "work together on the refugee question",
        },
    ),
    row(
        "Defence cuts opposed\n\nLONDON, Nov. 15 (UPI) -- Defence Minister Peter Hallam defended the cuts on Monday.\n\nMr Hallam said the navy would keep all of its frigates.\n",
        Said {
            speaker: "Peter Hallam",
            words_contain: "navy would keep all of its frigates",
        },
    ),
    row(
        "Lagos port reopens\n\nLAGOS, April 7 (UPI) -- Transport Minister Grace Okafor visited the port on Wednesday.\n\n\"The port is open for business again,\" Ms Okafor said.\n",
        Said {
            speaker: "Grace Okafor",
            words_contain: "port is open for business again",
        },
    ),
    // ---- "X said ..."
    row(
        "Budget on track\n\nOTTAWA, March 2 (UPI) -- Finance Minister Tom Baker said the budget would be balanced by 2027.\n",
        Said {
            speaker: "Tom Baker",
            words_contain: "budget would be balanced by 2027",
        },
    ),
    row(
        "Dam talks stall\n\nCAIRO, Jan. 30 (UPI) -- Egyptian Water Minister Hassan Farouk said Tuesday the talks on the dam had stalled.\n",
        Said {
            speaker: "Hassan Farouk",
            words_contain: "talks on the dam had stalled",
        },
    ),
    // ---- "..., X said."
    row(
        "Growth forecast cut\n\nLISBON, July 11 (UPI) -- The economy will grow by 2 percent next year, Portuguese Economy Minister Maria Costa said.\n",
        Said {
            speaker: "Maria Costa",
            words_contain: "economy will grow by 2 percent",
        },
    ),
    row(
        "Ferry link restored\n\nATHENS, May 19 (UPI) -- Ferries to the islands will run again from Monday, Greek Shipping Minister Nikos Pappas said on Saturday.\n",
        Said {
            speaker: "Nikos Pappas",
            words_contain: "Ferries to the islands will run again",
        },
    ),
    // ---- "X said: "...""
    row(
        "Strike called off\n\nPARIS, Sept. 8 (UPI) -- Union leader Claire Martin said: \"We have won what we asked for and the strike is over.\"\n",
        Said {
            speaker: "Claire Martin",
            words_contain: "the strike is over",
        },
    ),
    row(
        "Harvest warning\n\nNAIROBI, Dec. 1 (UPI) -- Kenyan Agriculture Minister Joseph Mwangi said: \"The maize harvest will be the smallest in ten years.\"\n",
        Said {
            speaker: "Joseph Mwangi",
            words_contain: "maize harvest will be the smallest",
        },
    ),
    // ---- "according to X, ..." and "..., according to X."
    row(
        "Exports fall\n\nSEOUL, Feb. 27 (UPI) -- According to Trade Minister Park Min-jun, exports fell for a third month in January.\n",
        Said {
            speaker: "Park Min-jun",
            words_contain: "exports fell for a third month",
        },
    ),
    row(
        "Hospital wait times\n\nLONDON, June 14 (UPI) -- Waiting lists have grown by a fifth since the spring, according to Health Secretary Alan Pryce.\n",
        Said {
            speaker: "Alan Pryce",
            words_contain: "Waiting lists have grown by a fifth",
        },
    ),
    row(
        "Floods recede\n\nDHAKA, Aug. 3 (UPI) -- More than 2,000 families have returned to their homes, according to the Red Cross.\n",
        Said {
            speaker: "Red Cross",
            words_contain: "2,000 families have returned",
        },
    ),
    // ---- "X told reporters ..."
    row(
        "Ceasefire holds\n\nGENEVA, Nov. 2 (UPI) -- United Nations envoy Karin Holt told reporters the ceasefire was holding in most of the country.\n",
        Said {
            speaker: "Karin Holt",
            words_contain: "ceasefire was holding",
        },
    ),
    row(
        "Ceasefire holds\n\nGENEVA, Nov. 2 (UPI) -- United Nations envoy Karin Holt told reporters the ceasefire was holding in most of the country.\n",
        NotSaid {
            speaker: "Karin Holt",
            words_contain: "reporters the ceasefire",
        },
    ),
    row(
        "Rates unchanged\n\nTOKYO, Jan. 18 (UPI) -- Japanese Finance Minister Kenji Sato told reporters on Friday that there was no need to change course.\n",
        Said {
            speaker: "Kenji Sato",
            words_contain: "no need to change course",
        },
    ),
    row(
        "Election called\n\nSEOUL, Jan. 11 (UPI) -- Sunday's vote will decide the balance of power, South Korean President Kim Dae-ho told reporters.\n",
        Said {
            speaker: "Kim Dae-ho",
            words_contain: "vote will decide the balance of power",
        },
    ),
    // ---- "X quoted Y as saying ..."
    row(
        "Envoy recalled\n\nMOSCOW, March 23 (UPI) -- The Interfax news agency quoted Deputy Foreign Minister Oleg Petrov as saying the ambassador had been called home for consultations.\n",
        Said {
            speaker: "Oleg Petrov",
            words_contain: "ambassador had been called home",
        },
    ),
    row(
        "Envoy recalled\n\nMOSCOW, March 23 (UPI) -- The Interfax news agency quoted Deputy Foreign Minister Oleg Petrov as saying the ambassador had been called home for consultations.\n",
        NotSaid {
            speaker: "Interfax",
            words_contain: "ambassador had been called home",
        },
    ),
    row(
        "Oil output steady\n\nRIYADH, Oct. 12 (UPI) -- State media quoted Saudi Energy Minister Faisal al-Harbi as saying that output would stay at current levels.\n",
        Said {
            speaker: "Faisal al-Harbi",
            words_contain: "output would stay at current levels",
        },
    ),
    // ---- other speech verbs
    row(
        "Bridge plan backed\n\nDUBLIN, May 5 (UPI) -- Irish Transport Minister Sean Byrne backed the bridge plan on Monday. The work would create 3,000 jobs, he added.\n",
        Said {
            speaker: "Sean Byrne",
            words_contain: "work would create 3,000 jobs",
        },
    ),
    row(
        "Drought deepens\n\nCANBERRA, Jan. 9 (UPI) -- Australian Water Minister Helen Cho noted that the rivers were at their lowest level for a century.\n",
        Said {
            speaker: "Helen Cho",
            words_contain: "rivers were at their lowest level",
        },
    ),
    row(
        "Rebels warned\n\nKAMPALA, April 28 (UPI) -- Ugandan Defence Minister David Okello warned that the army would answer any attack on the border towns.\n",
        Said {
            speaker: "David Okello",
            words_contain: "army would answer any attack",
        },
    ),
    row(
        "Aid talks\n\nBRUSSELS, Sept. 16 (UPI) -- European Commissioner Lena Vogt stressed that the aid would reach the refugees within a week.\n",
        Said {
            speaker: "Lena Vogt",
            words_contain: "aid would reach the refugees",
        },
    ),
    row(
        "Vote delayed\n\nROME, Dec. 12 (UPI) -- Italian Prime Minister Marco Ferri insisted the vote would go ahead before Christmas.\n",
        Said {
            speaker: "Marco Ferri",
            words_contain: "vote would go ahead before Christmas",
        },
    ),
    row(
        "Tariff dispute\n\nMEXICO CITY, July 2 (UPI) -- Mexican Economy Minister Rosa Delgado argued that the tariffs broke the trade agreement.\n",
        Said {
            speaker: "Rosa Delgado",
            words_contain: "tariffs broke the trade agreement",
        },
    ),
    // ---- a quote that runs on into the next paragraph keeps its speaker
    row(
        "Pension reform\n\nMADRID, March 30 (UPI) -- \"We will not cut a single pension,\" Interior Minister Elena Ruiz said. \"The reform asks more of employers, not of the old.\n\n\"Nobody who has worked all their life will lose out.\"\n",
        Said {
            speaker: "Elena Ruiz",
            words_contain: "Nobody who has worked all their life will lose out",
        },
    ),
    row(
        "Mine rescue\n\nSANTIAGO, Oct. 6 (UPI) -- \"The men are alive and we can hear them,\" Chilean Mining Minister Pablo Soto told reporters. \"We will reach them within two days.\n\n\"The families should stay hopeful.\"\n",
        Said {
            speaker: "Pablo Soto",
            words_contain: "The families should stay hopeful",
        },
    ),
    // ---- he/she resolved to the right person
    row(
        "Leaders meet\n\nLONDON, June 21 (UPI) -- Prime Minister John Hale met Chancellor Maria Vogel on Tuesday. He said the meeting had been useful.\n",
        Said {
            speaker: "John Hale",
            words_contain: "meeting had been useful",
        },
    ),
    row(
        "Deputy quits\n\nLONDON, Feb. 13 (UPI) -- Mrs Anna Nowak said on Friday that Mr Jan Kowalski had resigned. He said he wanted to spend more time with his family.\n",
        Said {
            speaker: "Jan Kowalski",
            words_contain: "spend more time with his family",
        },
    ),
    row(
        "Leaders meet\n\nSTOCKHOLM, June 21 (UPI) -- Swedish Prime Minister Sarah Lind met Egyptian President Omar Haddad on Tuesday. She said the meeting had been useful for both sides.\n",
        Said {
            speaker: "Sarah Lind",
            words_contain: "meeting had been useful",
        },
    ),
    row(
        "Leaders meet\n\nSTOCKHOLM, June 21 (UPI) -- Swedish Prime Minister Sarah Lind met Egyptian President Omar Haddad on Tuesday. She said the meeting had been useful for both sides.\n",
        NotSaid {
            speaker: "Omar Haddad",
            words_contain: "meeting had been useful",
        },
    ),
    row(
        "Minister resigns\n\nWARSAW, Feb. 13 (UPI) -- Health Minister Anna Nowak said on Friday that her deputy, Jan Kowalski, had resigned.\n\nHe said he wanted to spend more time with his family.\n",
        Said {
            speaker: "Jan Kowalski",
            words_contain: "spend more time with his family",
        },
    ),
    // ---- boilerplate is never an entity
    row(
        "Advertisement\n\nTrade deal signed\n\nLONDON, May 2 (UPI) -- Britain and Canada signed a trade deal on Friday, Trade Secretary Mark Dunn said.\n\nAdvertisement\n\nLatest Headlines\n",
        NoEntity {
            name: "Advertisement",
        },
    ),
    row(
        "Trade deal signed\n\nLONDON, May 2 (UPI) -- Britain and Canada signed a trade deal on Friday, Trade Secretary Mark Dunn said.\n\nLatest Headlines\n",
        NoEntity {
            name: "Latest Headlines",
        },
    ),
    // ---- capitalised words that are not names
    row(
        "Market closes early\n\nNEW YORK, Dec. 24 (UPI) -- On Tuesday, the exchange closed early for the holiday, spokesman Tim Gray said.\n",
        NoEntity { name: "Tuesday" },
    ),
    row(
        "Election date set\n\nLIMA, Jan. 4 (UPI) -- In March, voters will choose a new congress, Peruvian President Luis Vargas said.\n",
        NoEntity { name: "March" },
    ),
    row(
        "Quake relief\n\nKATHMANDU, May 1 (UPI) -- Meanwhile, aid workers reached the villages in the north, Red Cross spokeswoman Maya Gurung said.\n",
        NoEntity { name: "Meanwhile" },
    ),
    row(
        "Progress in Vienna\n\nVIENNA, Nov. 8 (UPI) -- Officials from both countries met for talks in Vienna on Monday. Asked about the outcome, Austrian Chancellor Eva Gruber said progress had been made.\n",
        NoEntity { name: "Asked" },
    ),
    // ---- demonyms and short forms: one nation node
    row(
        "Sanctions extended\n\nWASHINGTON, April 2 (UPI) -- The U.S. extended its sanctions on Monday. The United States wants a change of course, officials said.\n",
        SameNode {
            a: "U.S.",
            b: "United States",
        },
    ),
    row(
        "Sanctions extended\n\nWASHINGTON, April 2 (UPI) -- The United States extended its sanctions on Monday. Americans travelling to the region were told to leave, the State Department said.\n",
        SameNode {
            a: "Americans",
            b: "United States",
        },
    ),
    row(
        "Trade gap\n\nBEIJING, Sept. 3 (UPI) -- China's trade surplus with America grew in August, a U.S. official said.\n",
        SameNode {
            a: "America",
            b: "U.S.",
        },
    ),
    // ---- capitals stand for governments; places where talks are held are no node
    row(
        "Visa row\n\nMOSCOW, Jan. 22 (UPI) -- Washington has said it will not issue new visas to Russian diplomats this year.\n",
        Said {
            speaker: "United States",
            words_contain: "will not issue new visas",
        },
    ),
    row(
        "Delegation named\n\nTOKYO, July 1 (UPI) -- Beijing has said it will send a delegation to the talks.\n",
        Said {
            speaker: "China",
            words_contain: "will send a delegation",
        },
    ),
    row(
        "Gas dispute\n\nKIEV, Jan. 2 (UPI) -- Moscow accused Kiev of stealing gas meant for European customers.\n",
        Accused {
            from: "Russia",
            to: "Ukraine",
            negated: false,
        },
    ),
    row(
        "Nuclear talks\n\nVIENNA, Nov. 8 (UPI) -- Iran and the European Union will resume talks in Geneva next week, Iranian Foreign Minister Reza Karimi said.\n",
        NoEntity { name: "Geneva" },
    ),
    row(
        "Progress in Vienna\n\nVIENNA, Nov. 8 (UPI) -- Officials from both countries met for talks in Vienna on Monday. Asked about the outcome, Austrian Chancellor Eva Gruber said progress had been made.\n",
        NoEntity { name: "Vienna" },
    ),
    // ---- organizations
    row(
        "Embassy protest\n\nBEIJING, July 7 (UPI) -- The Foreign Ministry summoned the Japanese ambassador on Thursday over the island dispute.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Foreign Ministry",
        },
    ),
    row(
        "Leadership vote\n\nLONDON, Sept. 28 (UPI) -- The Labour Party will choose a new leader in November, party chairman Ian Ward said.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Labour Party",
        },
    ),
    row(
        "No confidence\n\nTOKYO, Jan. 11 (UPI) -- The opposition Liberal Democratic Party called for a vote of no confidence, party spokesman Taro Ito said.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Liberal Democratic Party",
        },
    ),
    // The gazetteer's canonical name keeps the paper's own "The".
    row(
        "Leak inquiry\n\nWASHINGTON, Aug. 14 (UPI) -- The New York Times reported on Tuesday that the inquiry had widened to three agencies.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "The New York Times",
        },
    ),
    row(
        "Leak inquiry\n\nLONDON, Jan. 11 (UPI) -- The inquiry had widened to three agencies, the Guardian newspaper reported.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "Guardian",
        },
    ),
    row(
        "Procurement review\n\nWASHINGTON, Oct. 20 (UPI) -- The Defense Board met on Monday to review the tanker contract.\n\nThe board said the contract would be put out to tender again.\n",
        Said {
            speaker: "Defense Board",
            words_contain: "contract would be put out to tender again",
        },
    ),
    row(
        "Nuclear talks\n\nVIENNA, Nov. 8 (UPI) -- Iran and the European Union will resume talks in Geneva next week, Iranian Foreign Minister Reza Karimi said.\n",
        Entity {
            kind: NodeKind::Organization,
            name: "European Union",
        },
    ),
    // ---- meetings
    row(
        "Summit planned\n\nNEW DELHI, March 6 (UPI) -- Officials are preparing a meeting between Indian Prime Minister Ravi Menon and Pakistani Prime Minister Imran Qureshi next month.\n",
        Attends {
            who: "Ravi Menon",
            meeting_contains: "meeting",
        },
    ),
    row(
        "Summit planned\n\nNEW DELHI, March 6 (UPI) -- Officials are preparing a meeting between Indian Prime Minister Ravi Menon and Pakistani Prime Minister Imran Qureshi next month.\n",
        Attends {
            who: "Imran Qureshi",
            meeting_contains: "meeting",
        },
    ),
    row(
        "Climate summit\n\nPARIS, Nov. 25 (UPI) -- French President Louis Girard will attend the climate summit in Nairobi next week, his office said.\n",
        Attends {
            who: "Louis Girard",
            meeting_contains: "summit",
        },
    ),
    row(
        "Union summit\n\nNAIROBI, Feb. 4 (UPI) -- Kenyan President James Otieno will attend the African Union summit in Addis Ababa on Sunday.\n",
        Attends {
            who: "James Otieno",
            meeting_contains: "summit",
        },
    ),
    row(
        "Border talks\n\nHANOI, Aug. 9 (UPI) -- Vietnamese Foreign Minister Tran Van Minh's talks with Chinese Foreign Minister Wang Lei ended without agreement on Friday.\n",
        Attends {
            who: "Wang Lei",
            meeting_contains: "talks",
        },
    ),
    row(
        "Border talks\n\nHANOI, Aug. 9 (UPI) -- Vietnamese Foreign Minister Tran Van Minh's talks with Chinese Foreign Minister Wang Lei ended without agreement on Friday.\n",
        Attends {
            who: "Tran Van Minh",
            meeting_contains: "talks",
        },
    ),
    row(
        "Nuclear talks\n\nVIENNA, Nov. 8 (UPI) -- Iran and the European Union will resume talks in Geneva next week, Iranian Foreign Minister Reza Karimi said.\n",
        NoEntity {
            name: "resume talks",
        },
    ),
    // ---- reports: authored_by and cites
    row(
        "Prison conditions\n\nLONDON, Feb. 2 (UPI) -- A report by Amnesty International found that prisons in the region were badly overcrowded.\n",
        AuthoredBy {
            report_contains: "report",
            by: "Amnesty International",
        },
    ),
    row(
        "Oil demand\n\nPARIS, Jan. 11 (UPI) -- Oil demand will rise by 2 percent this year, a report by the International Energy Agency said.\n",
        AuthoredBy {
            report_contains: "report",
            by: "International Energy Agency",
        },
    ),
    row(
        "Coral loss\n\nSYDNEY, June 5 (UPI) -- Australian Environment Minister Chloe Harris, citing a report by the World Wildlife Fund, said half of the reef had been lost.\n",
        Cites {
            from: "Chloe Harris",
            to_contains: "report",
        },
    ),
    row(
        "Coral loss\n\nSYDNEY, June 5 (UPI) -- Australian Environment Minister Chloe Harris, citing a report by the World Wildlife Fund, said half of the reef had been lost.\n",
        AuthoredBy {
            report_contains: "report",
            by: "World Wildlife Fund",
        },
    ),
    row(
        "Clinics short-staffed\n\nNEW DELHI, Jan. 11 (UPI) -- The Health Ministry, citing a report by the World Bank, said clinics in rural areas were short of staff.\n",
        Cites {
            from: "Health Ministry",
            to_contains: "World Bank",
        },
    ),
    // ---- accusations
    row(
        "Border clash\n\nISLAMABAD, Sept. 19 (UPI) -- Pakistan accused India of shelling villages along the border.\n",
        Accused {
            from: "Pakistan",
            to: "India",
            negated: false,
        },
    ),
    row(
        "Blackout blame\n\nCARACAS, March 9 (UPI) -- Venezuelan President Carlos Mendez blamed Colombia for the blackout.\n",
        Accused {
            from: "Carlos Mendez",
            to: "Colombia",
            negated: false,
        },
    ),
    row(
        "Blackout blame\n\nCARACAS, March 9 (UPI) -- Venezuelan President Carlos Mendez blamed the opposition for the blackout. He also blamed Colombia for sheltering saboteurs.\n",
        Accused {
            from: "Carlos Mendez",
            to: "Colombia",
            negated: false,
        },
    ),
    row(
        "Rights record\n\nGENEVA, May 16 (UPI) -- Germany criticised Belarus for the arrest of opposition leaders.\n",
        Accused {
            from: "Germany",
            to: "Belarus",
            negated: false,
        },
    ),
    row(
        "Cyber attack\n\nLONDON, Dec. 3 (UPI) -- Russia was accused by Britain of hacking the computers of the election commission.\n",
        Accused {
            from: "Britain",
            to: "Russia",
            negated: false,
        },
    ),
    row(
        "Aid blocked\n\nJERUSALEM, Jan. 11 (UPI) -- Israel was accused by Human Rights Watch of blocking aid convoys.\n",
        Accused {
            from: "Human Rights Watch",
            to: "Israel",
            negated: false,
        },
    ),
    row(
        "Spy case\n\nOTTAWA, April 10 (UPI) -- Canadian Foreign Minister Julie Tremblay did not accuse China of spying, but said the case was serious.\n",
        Accused {
            from: "Julie Tremblay",
            to: "China",
            negated: true,
        },
    ),
    row(
        "Border delays\n\nBERLIN, Jan. 11 (UPI) -- Germany did not blame Poland for the delays at the border, a government spokesman said.\n",
        Accused {
            from: "Germany",
            to: "Poland",
            negated: true,
        },
    ),
    // ---- constructions read through roles: passive agents, relative
    // clauses, participles, hosts and authors (data/rules/relations.rules)
    row(
        "Quota row\n\nLIMA, June 3 (UPI) -- Ecuador was blamed by Colombia for the collapse of the quota talks.\n",
        Accused {
            from: "Colombia",
            to: "Ecuador",
            negated: false,
        },
    ),
    row(
        "Fishing pact\n\nOSLO, June 3 (UPI) -- Finland, which has repeatedly criticised Denmark over the catch limits, asked for new talks.\n",
        Accused {
            from: "Finland",
            to: "Denmark",
            negated: false,
        },
    ),
    row(
        "Border talks\n\nNAIROBI, June 3 (UPI) -- The talks on the disputed border, convened by Tanzania, ended on Friday.\n",
        Attends {
            who: "Tanzania",
            meeting_contains: "talks",
        },
    ),
    row(
        "Water summit\n\nCAIRO, June 3 (UPI) -- Egypt will host a summit on river water in the autumn, officials said.\n",
        Attends {
            who: "Egypt",
            meeting_contains: "summit",
        },
    ),
    row(
        "Climate conference\n\nBERLIN, June 3 (UPI) -- Austria joined the conference on Tuesday, a day late.\n",
        Attends {
            who: "Austria",
            meeting_contains: "conference",
        },
    ),
    row(
        "Aid study\n\nGENEVA, June 3 (UPI) -- The study, compiled by Unicef, says one child in five goes hungry.\n",
        AuthoredBy {
            report_contains: "study",
            by: "Unicef",
        },
    ),
    row(
        "Debt warning\n\nWASHINGTON, June 3 (UPI) -- The International Monetary Fund issued a report on Monday warning of rising debt.\n",
        AuthoredBy {
            report_contains: "report",
            by: "International Monetary Fund",
        },
    ),
    row(
        "Food prices\n\nROME, June 3 (UPI) -- Oxfam cited the study on grain prices in its appeal.\n",
        Cites {
            from: "Oxfam",
            to_contains: "study",
        },
    ),
];

/// The nodes with this name or alias.
fn named<'v>(view: &'v View, name: &str) -> Vec<&'v Node> {
    view.nodes
        .iter()
        .filter(|n| n.name == name || n.aliases.iter().any(|a| a == name))
        .collect()
}

/// Whether some edge of `kind` runs from a node named `from` to a node
/// whose name passes `target`.
fn has_edge(
    view: &View,
    from: &str,
    kind: EdgeKind,
    target: impl Fn(&Node) -> bool,
    negated: Option<bool>,
) -> bool {
    let sources = named(view, from);
    view.edges.iter().any(|e| {
        e.kind == kind
            && negated.is_none_or(|n| e.negated == n)
            && sources.iter().any(|s| s.id == e.source)
            && view.node(&e.target).is_some_and(&target)
    })
}

/// Whether the fact holds of the view.
fn holds(view: &View, fact: &Fact) -> bool {
    match *fact {
        Said {
            speaker,
            words_contain,
        } => said(view, speaker, words_contain),
        NotSaid {
            speaker,
            words_contain,
        } => !said(view, speaker, words_contain),
        Accused { from, to, negated } => {
            let targets = named(view, to);
            has_edge(
                view,
                from,
                EdgeKind::Accused,
                |n| targets.iter().any(|t| t.id == n.id),
                Some(negated),
            )
        }
        Attends {
            who,
            meeting_contains,
        } => has_edge(
            view,
            who,
            EdgeKind::Attends,
            |n| n.kind == NodeKind::Meeting && n.name.contains(meeting_contains),
            None,
        ),
        Cites { from, to_contains } => has_edge(
            view,
            from,
            EdgeKind::Cites,
            |n| n.name.contains(to_contains),
            None,
        ),
        MemberOf { who, of } => {
            let targets = named(view, of);
            has_edge(
                view,
                who,
                EdgeKind::MemberOf,
                |n| targets.iter().any(|t| t.id == n.id),
                None,
            )
        }
        AuthoredBy {
            report_contains,
            by,
        } => {
            let authors = named(view, by);
            view.edges.iter().any(|e| {
                e.kind == EdgeKind::AuthoredBy
                    && authors.iter().any(|a| a.id == e.target)
                    && view.node(&e.source).is_some_and(|r| {
                        r.kind == NodeKind::Report && r.name.contains(report_contains)
                    })
            })
        }
        Entity { kind, name } => named(view, name).iter().any(|n| n.kind == kind),
        NoEntity { name } => named(view, name).is_empty(),
        SameNode { a, b } => {
            let bs = named(view, b);
            named(view, a)
                .iter()
                .any(|n| bs.iter().any(|m| m.id == n.id))
        }
    }
}

fn said(view: &View, speaker: &str, words: &str) -> bool {
    has_edge(
        view,
        speaker,
        EdgeKind::Said,
        |n| n.kind == NodeKind::Statement && n.name.contains(words),
        None,
    )
}

fn view_of(text: &str, lexicon: &Lexicon) -> View {
    let (article, _) = Article::from_bytes("t", text.as_bytes()).expect("the article reads");
    newsgraph::resolve(&newsgraph::extract(&article, lexicon))
}

/// A readable name for a node id: its name, with the kind.
fn label(view: &View, id: &str) -> String {
    match view.node(id) {
        Some(n) if n.kind == NodeKind::Statement => format!("\"{}\"", n.name),
        Some(n) => format!("{} ({})", n.name, n.kind.as_str()),
        None => id.to_string(),
    }
}

fn edge_line(view: &View, e: &Edge) -> String {
    format!(
        "    {} -{}{}-> {}",
        label(view, &e.source),
        e.kind.as_str(),
        if e.negated { " NOT" } else { "" },
        label(view, &e.target)
    )
}

/// The row, the fact and everything extracted, for a failure message.
fn dump(index: usize, row: &Row, view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "row {index}: expected {:?}", row.fact);
    let _ = writeln!(out, "  article:");
    for line in row.text.lines() {
        let _ = writeln!(out, "    | {line}");
    }
    let _ = writeln!(out, "  nodes:");
    for n in view.nodes.iter().filter(|n| n.kind != NodeKind::Statement) {
        let _ = writeln!(
            out,
            "    {} ({}) aliases {:?}",
            n.name,
            n.kind.as_str(),
            n.aliases
        );
    }
    let _ = writeln!(out, "  edges:");
    for e in view.edges.iter().filter(|e| e.kind != EdgeKind::About) {
        let _ = writeln!(out, "{}", edge_line(view, e));
    }
    out
}

#[test]
fn extraction_rules() {
    let mut failures = Vec::new();
    let mut gaps_open = Vec::new();
    let mut gaps_closed = Vec::new();
    let lexicon = Lexicon::embedded();
    let show_all = std::env::var_os("NEWSGRAPH_RULES_DUMP").is_some();
    for (i, row) in ROWS.iter().enumerate() {
        let view = view_of(row.text, &lexicon);
        let ok = holds(&view, &row.fact);
        if show_all {
            println!("{}{}", if ok { "ok " } else { "NOT " }, dump(i, row, &view));
        }
        match (ok, row.known_gap) {
            (true, false) => {}
            (false, false) => failures.push(dump(i, row, &view)),
            (false, true) => gaps_open.push(dump(i, row, &view)),
            (true, true) => gaps_closed.push(format!("row {i}: {:?}", row.fact)),
        }
    }
    for g in &gaps_open {
        println!("known gap, still open:\n{g}");
    }
    for g in &gaps_closed {
        println!("known gap now closed (drop its mark): {g}");
    }
    println!(
        "{} rows: {} pass, {} known gaps open, {} known gaps closed, {} failures",
        ROWS.len(),
        ROWS.len() - failures.len() - gaps_open.len(),
        gaps_open.len(),
        gaps_closed.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} rule(s) broken:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
