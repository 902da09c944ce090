//! An interview as it is kept: who and on which guide, the plan, where it stands, and the
//! notes. The console hands this to the store to save, and gets it back to resume; the
//! file format is the store's business.

use chrono::{DateTime, Utc};

use super::{Plan, Progress};
use crate::guide::Guide;

/// Who and what a session is about, fixed for its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionHeader {
    /// The session's id in the sessions folder (until the folder takes the first write,
    /// the id it is expected to get).
    pub id: String,
    pub guide_title: String,
    /// The guide's SHA-256 (see `Guide::fingerprint`).
    pub guide_fingerprint: String,
    pub started_at: DateTime<Utc>,
}

impl SessionHeader {
    pub fn new(id: String, guide: &Guide, started_at: DateTime<Utc>) -> SessionHeader {
        SessionHeader {
            id,
            guide_title: guide.title.clone(),
            guide_fingerprint: guide.fingerprint.clone(),
            started_at,
        }
    }
}

/// An interview at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSnapshot {
    pub header: SessionHeader,
    pub plan: Plan,
    pub progress: Progress,
    /// Each phase's notes, in the order of the phases.
    pub notes: Vec<Vec<String>>,
    /// The hand-off note for the next interviewer: topics to probe, no verdict. It belongs
    /// to no phase.
    pub handoff: Vec<String>,
    /// Whether the interviewer finished it (quit on the wrap-up).
    pub finished: bool,
}
