//! Reading Universal Dependencies treebanks (CoNLL-U): each sentence's
//! text, its words with their UPOS tags, and the surface tokens that
//! several words share ("don't" over "do" and "n't"). Only what training and
//! testing the tagger need.

use std::path::Path;

use crate::error::{Error, Result};
use crate::tag::Upos;

/// One sentence of a treebank.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// The `# text =` line: the sentence as written.
    pub text: String,
    /// The syntactic words and their gold tags.
    pub words: Vec<(String, Upos)>,
    /// Surface tokens that span several words: their form and the range of
    /// word indices they cover.
    pub multiword: Vec<(String, std::ops::Range<usize>)>,
}

/// Read a CoNLL-U file. Empty nodes ("8.1") are skipped; a line that is not
/// CoNLL-U is an error naming the file and line.
pub fn read(path: &Path) -> Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text).map_err(|(line, reason)| Error::Data {
        table: path.display().to_string(),
        line,
        reason,
    })
}

/// Parse CoNLL-U text; an error gives the line number and the reason.
pub fn parse(text: &str) -> std::result::Result<Vec<Sentence>, (usize, String)> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            cur.text = t.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err((n + 1, format!("{} columns, expected 10", cols.len())));
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                return Err((n + 1, format!("bad token range {id:?}")));
            };
            if a == 0 || b < a {
                return Err((n + 1, format!("bad token range {id:?}")));
            }
            cur.multiword.push((cols[1].to_string(), a - 1..b));
            continue;
        }
        let tag =
            Upos::parse(cols[3]).ok_or_else(|| (n + 1, format!("unknown UPOS {:?}", cols[3])))?;
        cur.words.push((cols[1].to_string(), tag));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = We don't sail.\n\
        1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
        3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
        4\tsail\tsail\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_tags_and_multiword_tokens() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "We don't sail.");
        let tags: Vec<&str> = s[0].words.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(tags, ["PRON", "AUX", "PART", "VERB", "PUNCT"]);
        assert_eq!(s[0].multiword, [("don't".to_string(), 1..3)]);
    }

    #[test]
    fn a_bad_line_names_its_number() {
        let err = parse("# text = x\n1\tx\tx\tNOPE\t_\t_\t0\troot\t_\t_\n").unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("NOPE"));
        assert_eq!(parse("1\tonly three\tcols\n").unwrap_err().0, 1);
    }
}
