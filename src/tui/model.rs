//! The console's state: what `update` changes and `view::draw` reads. Nothing here does
//! I/O or draws.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::guide::Guide;
use crate::interview::evidence::ImpressionMatcher;
use crate::interview::session::{SessionHeader, SessionSnapshot};
use crate::interview::{Interview, PhaseKind, Plan, ProgressMismatch};
use crate::store::autosave::SaveStatus;

use super::keymap::{self, Command, Context, Keymap};
use super::notes::NotesEditor;
use super::search::NotesSearch;
use super::setup_form::{Prefill, SetupForm};
use super::view::Layout;
use super::view::style::Theme;
use super::vim::{Mode, Vim};

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
    /// How the interviewer set the console up: keys, colours, mouse.
    pub ui: Ui,
}

/// The interviewer's settings for the terminal (from the config file, the environment and
/// the flags; see `config`).
#[derive(Debug, Clone)]
pub struct Ui {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Whether the wheel scrolls and a click on the phase strip moves there.
    pub mouse: bool,
    pub notes_keys: NotesKeys,
}

impl Default for Ui {
    fn default() -> Ui {
        Ui {
            keymap: Keymap::default(),
            theme: Theme::default(),
            mouse: true,
            notes_keys: NotesKeys::default(),
        }
    }
}

/// How the notes are edited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum NotesKeys {
    /// As any text field: typing types, chords edit (the key table's notes rows).
    #[default]
    Standard,
    /// Vim's Normal, Insert and Visual modes.
    Vim,
}

impl NotesKeys {
    pub fn name(self) -> &'static str {
        match self {
            NotesKeys::Standard => "standard",
            NotesKeys::Vim => "vim",
        }
    }
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
    /// The notes' vim mode, with `notes_keys = "vim"`.
    pub vim: Option<Vim>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled down by this many lines.
    Help {
        scroll: u16,
    },
    /// Which rating to give: the next digit gives it.
    Rating,
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
        let screen = InterviewScreen::new(Interview::start(plan, now), Vec::new(), &impressions);
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
            finished,
        } = snapshot;
        let interview = Interview::resume(plan, &progress, gap, now)?;
        let impressions = ImpressionMatcher::new(&guide.impression_words);
        let screen = InterviewScreen::new(interview, notes, &impressions);
        let mut model = Model::with_screen(guide, Screen::Interview(Box::new(screen)), wall_clock);
        model.session = Some(header);
        model.finished = finished;
        model.footer.message = Some(match gap {
            Some(_) => "Resumed · time away counted".into(),
            None => "Resumed, clock paused".into(),
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
            ui: Ui::default(),
        }
    }

    /// The model with the interviewer's settings: their keys, colours and mouse.
    pub fn configured(mut self, ui: Ui) -> Model {
        self.ui = ui;
        if let Screen::Interview(s) = &mut self.screen {
            s.restyle(&self.ui);
        }
        self
    }

    /// Where keys go now, the first context first (see `keymap::action_for`).
    pub fn key_contexts(&self) -> &'static [Context] {
        match (&self.overlay, &self.screen) {
            (Some(Overlay::ConfirmQuit), _) => keymap::QUIT_KEYS,
            (Some(Overlay::Help { .. }), _) => keymap::HELP_KEYS,
            (Some(Overlay::Rating), _) => keymap::RATING_KEYS,
            (None, Screen::Setup(_)) => keymap::SETUP_KEYS,
            (None, Screen::Interview(s)) if s.search.is_some() => keymap::SEARCH_KEYS,
            (None, Screen::Interview(s)) => match s.vim.as_ref().map(Vim::mode) {
                None => keymap::INTERVIEW_KEYS,
                Some(Mode::Insert) => keymap::VIM_INSERT_KEYS,
                Some(_) => keymap::VIM_NORMAL_KEYS,
            },
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
        impressions: &ImpressionMatcher,
    ) -> InterviewScreen {
        let mut notes = notes.into_iter();
        let notes = interview
            .phases()
            .iter()
            .map(|p| {
                let lines = notes.next().unwrap_or_default();
                let placeholder = placeholder(p.kind, &Keymap::default());
                NotesEditor::with_lines(&placeholder, lines, impressions.pattern())
            })
            .collect();
        InterviewScreen {
            interview,
            notes,
            script_scroll: 0,
            search: None,
            vim: None,
        }
    }

    /// Placeholders that name the keys in force, and the theme's marks in the notes.
    pub fn restyle(&mut self, ui: &Ui) {
        self.vim = match (ui.notes_keys, self.vim.take()) {
            (NotesKeys::Vim, vim) => Some(vim.unwrap_or_default()),
            (NotesKeys::Standard, _) => None,
        };
        for (phase, notes) in self.interview.phases().iter().zip(&mut self.notes) {
            notes.set_placeholder(&placeholder(phase.kind, &ui.keymap));
            notes.set_styles(ui.theme.impression, ui.theme.found);
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

fn placeholder(kind: PhaseKind, keymap: &Keymap) -> String {
    match kind {
        PhaseKind::Intro => {
            "Notes before the questions (anything the candidate asks up front)".into()
        }
        PhaseKind::Question(_) => {
            let stamp = keymap
                .chord_for(Context::Interview, Command::StampTime)
                .map(|c| format!(" · {c} stamps the time"))
                .unwrap_or_default();
            format!("What they say and do, not your impressions{stamp}")
        }
        PhaseKind::CandidateQuestions => "Their questions, and what you answered".into(),
        PhaseKind::Closing => "What you told them about next steps".into(),
        PhaseKind::WrapUp => "Summary: the behavior behind your recommendation".into(),
    }
}
