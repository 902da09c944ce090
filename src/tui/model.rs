//! The console's state: what `update` changes and `view::draw` reads. Nothing here does
//! I/O or draws.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::guide::Guide;
use crate::interview::evidence::ImpressionMatcher;
use crate::interview::session::{SessionHeader, SessionSnapshot};
use crate::interview::{Interview, PhaseKind, Plan, ProgressMismatch};
use crate::store::autosave::SaveStatus;

use super::keymap::{self, Context};
use super::notes::NotesEditor;
use super::search::NotesSearch;
use super::setup_form::{Prefill, SetupForm};
use super::view::Layout;

pub struct Model {
    pub guide: Guide,
    /// The guide's impression words, to mark in the notes and list at wrap-up.
    pub impressions: ImpressionMatcher,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub footer: Footer,
    pub saving: Saving,
    /// What the last frame told: page sizes, scroll limits, where the link is.
    pub layout: Layout,
    /// The session this interview is saved as, once the interview has begun.
    pub session: Option<SessionHeader>,
    /// Quit on wrap-up: the session is recorded as finished.
    pub finished: bool,
    /// What the wall clock said at an instant: a new session's start time in UTC.
    pub wall_clock: WallClock,
}

/// An instant and the wall-clock time at it, to tell the wall-clock time of later instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallClock {
    pub instant: Instant,
    pub utc: DateTime<Utc>,
}

impl WallClock {
    pub fn at(&self, now: Instant) -> DateTime<Utc> {
        let since = now.saturating_duration_since(self.instant);
        self.utc + chrono::Duration::from_std(since).unwrap_or_default()
    }
}

pub enum Screen {
    Setup(SetupForm),
    Interview(Box<InterviewScreen>),
}

/// The interview under way, with one notes editor per phase.
pub struct InterviewScreen {
    pub interview: Interview,
    pub notes: Vec<NotesEditor>,
    /// Lines the script pane is scrolled down by.
    pub script_scroll: u16,
    /// The search over the current phase's notes, while it is open.
    pub search: Option<NotesSearch>,
    /// The hand-off note for the next interviewer, whatever the phase.
    pub handoff: NotesEditor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled down by this many lines.
    Help {
        scroll: u16,
    },
    ConfirmQuit,
}

/// What the footer says besides the keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footer {
    /// A short message, cleared by the next key.
    pub message: Option<String>,
    /// A standing note (an unfinished session elsewhere, a recovery file waiting), until
    /// the first phase change.
    pub notice: Option<String>,
}

/// When the session is written, and how the last write went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saving {
    /// The writer's last word.
    pub status: SaveStatus,
    /// When the session should next be handed to the writer: soon after an edit, at once
    /// after a move.
    pub due: Option<Instant>,
}

/// The longest the loop sleeps: signals and the save status are looked at this often.
pub const MAX_WAIT: Duration = Duration::from_secs(1);
/// How soon after an edit the notes are written: typing never waits for the disk, and a
/// note typed is on disk within a second.
pub const SAVE_AFTER_EDIT: Duration = Duration::from_millis(500);

impl Model {
    /// The setup screen, filled in with what the command line said.
    pub fn new(guide: Guide, prefill: Prefill, wall_clock: WallClock) -> Model {
        let form = SetupForm::new(&guide, prefill);
        Model::with_screen(guide, Screen::Setup(form), wall_clock)
    }

    /// Opens straight on the intro, the interview starting at the wall clock's instant.
    pub fn started(guide: Guide, plan: Plan, wall_clock: WallClock) -> Model {
        let now = wall_clock.instant;
        let impressions = ImpressionMatcher::new(&guide.impression_words);
        let screen = InterviewScreen::new(
            Interview::start(plan, now),
            Vec::new(),
            Vec::new(),
            &impressions,
        );
        let header = SessionHeader::new(String::new(), &guide, wall_clock.utc);
        let mut model = Model::with_screen(guide, Screen::Interview(Box::new(screen)), wall_clock);
        model.session = Some(header);
        model.saving.due = Some(now);
        model
    }

    /// Goes on with a saved session: its phase, notes and plan; `gap` as
    /// `interview::resume_gap` decides (`None` resumes with the clock paused).
    pub fn resumed(
        guide: Guide,
        snapshot: SessionSnapshot,
        gap: Option<Duration>,
        wall_clock: WallClock,
    ) -> Result<Model, ProgressMismatch> {
        let now = wall_clock.instant;
        let SessionSnapshot {
            header,
            plan,
            progress,
            notes,
            handoff,
            finished,
        } = snapshot;
        let interview = Interview::resume(plan, &progress, gap, now)?;
        let impressions = ImpressionMatcher::new(&guide.impression_words);
        let screen = InterviewScreen::new(interview, notes, handoff, &impressions);
        let mut model = Model::with_screen(guide, Screen::Interview(Box::new(screen)), wall_clock);
        model.session = Some(header);
        model.finished = finished;
        model.footer.message = Some(match gap {
            Some(_) => "Resumed · time away counted".into(),
            None => "Resumed, clock paused (F5)".into(),
        });
        model.saving.due = Some(now);
        Ok(model)
    }

    fn with_screen(guide: Guide, screen: Screen, wall_clock: WallClock) -> Model {
        Model {
            impressions: ImpressionMatcher::new(&guide.impression_words),
            guide,
            screen,
            overlay: None,
            footer: Footer::default(),
            saving: Saving::default(),
            layout: Layout::default(),
            session: None,
            finished: false,
            wall_clock,
        }
    }

    /// Where keys go now, the first context first (see `keymap::action_for`).
    pub fn key_contexts(&self) -> &'static [Context] {
        use Context::{Anywhere, ConfirmQuit, Help, Interview, Notes, Search, Setup};
        match (&self.overlay, &self.screen) {
            (Some(Overlay::ConfirmQuit), _) => &[ConfirmQuit],
            (Some(Overlay::Help { .. }), _) => &[Help, Anywhere],
            (None, Screen::Setup(_)) => &[Setup, Anywhere],
            (None, Screen::Interview(s)) if s.search.is_some() => &[Search, Interview, Anywhere],
            (None, Screen::Interview(_)) => &[Interview, Anywhere, Notes],
        }
    }

    /// The interview under way, if it has begun.
    pub fn interview(&self) -> Option<&InterviewScreen> {
        match &self.screen {
            Screen::Interview(s) => Some(s),
            Screen::Setup(_) => None,
        }
    }

    /// The session as it stands, once the interview has begun.
    pub fn snapshot(&self, now: Instant) -> Option<SessionSnapshot> {
        let header = self.session.as_ref()?;
        let s = self.interview()?;
        Some(SessionSnapshot {
            header: header.clone(),
            plan: s.interview.plan().clone(),
            progress: s.interview.progress(now),
            notes: s.notes.iter().map(NotesEditor::lines).collect(),
            handoff: s.handoff.lines(),
            finished: self.finished,
        })
    }

    /// How long the loop may sleep: until the clock's next second, a save that is due, or
    /// `MAX_WAIT`, whichever is first.
    pub fn until_next_wake(&self, now: Instant) -> Duration {
        let mut wait = MAX_WAIT;
        if let Some(tick) = self
            .interview()
            .and_then(|s| s.interview.until_next_tick(now))
        {
            wait = wait.min(tick);
        }
        if let Some(due) = self.saving.due {
            wait = wait.min(due.saturating_duration_since(now));
        }
        wait
    }
}

impl InterviewScreen {
    /// An editor for every phase, holding `notes` (one entry a phase; missing ones empty).
    pub fn new(
        interview: Interview,
        notes: Vec<Vec<String>>,
        handoff: Vec<String>,
        impressions: &ImpressionMatcher,
    ) -> InterviewScreen {
        let mut notes = notes.into_iter();
        let notes = interview
            .phases()
            .iter()
            .map(|p| {
                let lines = notes.next().unwrap_or_default();
                NotesEditor::with_lines(&placeholder(p.kind), lines, impressions.pattern())
            })
            .collect();
        InterviewScreen {
            interview,
            notes,
            script_scroll: 0,
            search: None,
            handoff: NotesEditor::with_lines(
                "Topics for the next interviewer to probe; no verdict, no rating",
                handoff,
                impressions.pattern(),
            ),
        }
    }

    pub fn current_notes(&self) -> &NotesEditor {
        &self.notes[self.interview.current_index()]
    }

    pub fn current_notes_mut(&mut self) -> &mut NotesEditor {
        let at = self.interview.current_index();
        &mut self.notes[at]
    }
}

fn placeholder(kind: PhaseKind) -> String {
    match kind {
        PhaseKind::Intro => {
            "Notes before the questions (anything the candidate asks up front)".into()
        }
        PhaseKind::Question(_) => {
            let stamp = keymap::chord_for(Context::Interview, keymap::Command::StampTime)
                .map(|c| format!(" · {c} stamps the time"))
                .unwrap_or_default();
            format!("What they say and do, not your impressions{stamp}")
        }
        PhaseKind::CandidateQuestions => "Their questions, and what you answered".into(),
        PhaseKind::WrapUp => "Summary: the behavior behind your recommendation".into(),
    }
}
