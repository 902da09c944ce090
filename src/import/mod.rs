//! `import`: a Markdown interview guide of the common shape as a guide file.
//!
//! The Markdown is read with `pulldown-cmark` (see `document`), its shape interpreted (see
//! `shape` for the rules), and the draft written as YAML with a `# CHECK:` comment beside
//! each line that takes a person's judgment (see `write`). The result is checked as any
//! guide is, and every question of the Markdown must read in it word for word: a guide
//! that does not is never handed out. No I/O here.

mod document;
mod shape;
mod words;
mod write;

use crate::guide::rich::Unfilled;
use crate::guide::{Guide, RichText};

/// A guide file made from Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub yaml: String,
    /// How many `# CHECK:` comments it holds.
    pub checks: usize,
    pub questions: usize,
}

/// Why a Markdown guide could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("no questions found: a question is a list item or a heading that asks something")]
    NoQuestions,
    #[error("no title: give the guide a heading or a `title:` in front matter")]
    NoTitle,
    /// The guide made does not check: a defect of the import, never handed out.
    #[error("the guide made from it does not check ({0}); please report this")]
    Unchecked(String),
}

/// Makes a guide file from a Markdown guide.
pub fn import(markdown: &str) -> Result<Imported, ImportError> {
    let draft = shape::shape(document::read(markdown));
    if draft.title.trim().is_empty() {
        return Err(ImportError::NoTitle);
    }
    let questions: usize = draft.sections.iter().map(|s| s.questions.len()).sum();
    if questions == 0 {
        return Err(ImportError::NoQuestions);
    }
    let (yaml, checks) = write::write(&draft).map_err(|e| ImportError::Unchecked(e.to_string()))?;
    let guide = Guide::parse(&yaml, "the imported guide")
        .map_err(|e| ImportError::Unchecked(e.to_string()))?;
    let ours: Vec<(String, String)> = guide
        .questions
        .iter()
        .map(|q| {
            (
                RichText::parse(&q.text).plain(&Unfilled),
                q.guidelines_url.clone().unwrap_or_default(),
            )
        })
        .collect();
    let theirs: Vec<(String, String)> = draft
        .plain_questions
        .iter()
        .map(|(text, url)| {
            let url = if url.is_empty() {
                draft.guidelines_url.clone().unwrap_or_default()
            } else {
                url.clone()
            };
            (text.clone(), url)
        })
        .collect();
    if ours != theirs {
        return Err(ImportError::Unchecked(
            "a question does not read as in the Markdown".into(),
        ));
    }
    Ok(Imported {
        yaml,
        checks,
        questions,
    })
}
