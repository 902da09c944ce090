//! Pick groups: a section with `pick: N` is a choice of N of its questions; N is at least
//! one and no more than it has.

use super::Check;
use crate::guide::raw::RawSection;
use crate::guide::{GuideError, PickGroup};

impl Check<'_> {
    pub(super) fn groups(&self, sections: &[RawSection]) -> Result<Vec<PickGroup>, GuideError> {
        let mut groups = Vec::new();
        for section in sections {
            let Some(pick) = &section.pick else {
                continue;
            };
            let title = &section.title.value;
            let size = section.questions.len();
            if pick.value == 0 {
                return Err(self.at(
                    pick,
                    format!("section `{title}` picks 0 questions: `pick` is at least 1"),
                ));
            }
            if pick.value > size {
                return Err(self.at(
                    pick,
                    format!(
                        "section `{title}` picks {} of its {size} questions: `pick` is at most {size}",
                        pick.value
                    ),
                ));
            }
            groups.push(PickGroup {
                section: title.clone(),
                pick: pick.value,
                questions: section
                    .questions
                    .iter()
                    .map(|q| q.id.value.trim().to_string())
                    .collect(),
            });
        }
        Ok(groups)
    }
}
