//! Links: a guidelines link, a question's or the guide's, must pass the one rule for links
//! (see `guide::Link`).

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
        self.link(
            url,
            &format!("the `guidelines_url` of question `{question}`"),
        )
    }

    /// The guide's own `guidelines_url`, for the questions without one.
    pub(super) fn guide_guidelines_url(
        &self,
        url: Option<&Spanned<String>>,
    ) -> Result<Option<String>, GuideError> {
        url.map(|url| self.link(url, "the guide's `guidelines_url`"))
            .transpose()
    }

    fn link(&self, url: &Spanned<String>, what: &str) -> Result<String, GuideError> {
        match Link::parse(&url.value) {
            Ok(link) => Ok(link.as_str().to_string()),
            Err(bad) => Err(self.at(url, format!("{what} {bad}"))),
        }
    }
}
