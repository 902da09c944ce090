//! Links: a guidelines link must pass the one rule for links (see `guide::Link`).

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::{GuideError, Link};

impl Check<'_> {
    /// A question's `guidelines_url`, once it passes the rule.
    pub(super) fn guidelines_url(
        &self,
        question: &str,
        url: &Spanned<String>,
    ) -> Result<String, GuideError> {
        match Link::parse(&url.value) {
            Ok(link) => Ok(link.as_str().to_string()),
            Err(bad) => Err(self.at(
                url,
                format!("the `guidelines_url` of question `{question}` {bad}"),
            )),
        }
    }
}
