//! The console's state: what `update` changes and `view::draw` reads. Nothing here does
//! I/O or draws.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use crate::guide::Guide;
use crate::interview::evidence::ImpressionMatcher;
use crate::interview::session::{SessionHeader, SessionSnapshot};
use crate::interview::{Interview, PhaseKind, Plan, ProgressMismatch, ReminderId, Reminders};
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
    /// What the wall clock said at an instant: a new session's start time in UTC.
    pub wall_clock: WallClock,
    /// How the interviewer set the console up: keys, colours, mouse.
    pub ui: Ui,
    /// The guide's timed reminders, and which the interviewer dismissed.
    pub reminders: Reminders,
    /// The reminders already announced (the bell rung for them, if it rings).
    pub announced: Vec<ReminderId>,
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
    /// Ring the terminal bell when a reminder comes. Off by default: it would sound in the
    /// call.
    pub bell: bool,
}

impl Default for Ui {
    fn default() -> Ui {
        Ui {
            keymap: Keymap::default(),
            theme: Theme::default(),
            mouse: true,
            notes_keys: NotesKeys::default(),
            bell: false,
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
    /// The local time's offset from UTC, for times shown to the interviewer.
    pub offset: FixedOffset,
}

impl WallClock {
    pub fn at(&self, now: Instant) -> DateTime<Utc> {
        let since = now.saturating_duration_since(self.instant);
        self.utc + chrono::Duration::from_std(since).unwrap_or_default()
    }

    /// The local wall-clock time at an instant.
    pub fn local_at(&self, now: Instant) -> DateTime<FixedOffset> {
        self.at(now).with_timezone(&self.offset)
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
    /// The hand-off note for the next interviewer, whatever the phase.
    pub handoff: NotesEditor,
    /// Whether the hand-off note is open in place of the phase's notes (typing goes there).
    pub handoff_open: bool,
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
    /// Leaving from the wrap-up: what is missing, and finish anyway, go back, or leave the
    /// interview in progress.
    FinishCheck,
}

/// What the footer says besides the keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footer {
    /// A short message: it fades after its lifetime, or at the next key.
    pub message: Option<Message>,
    /// A standing note (an unfinished session elsewhere, a recovery file waiting), until
    /// the first phase change.
    pub notice: Option<String>,
}

/// A transient message in the footer: what a key did, or why it could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
    /// When it was said.
    pub at: Instant,
}

/// How a message reads, and so how long it stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Done as asked: saved, rated, copied.
    Done,
    /// Could not be done, or needs a look: stays longer.
    Problem,
}

/// How long a message of what a key did stays in the footer.
pub const DONE_LIFETIME: Duration = Duration::from_secs(4);
/// How long a message of what could not be done stays.
pub const PROBLEM_LIFETIME: Duration = Duration::from_secs(10);

impl Message {
    /// When it fades.
    pub fn fades_at(&self) -> Instant {
        self.at
            + match self.tone {
                Tone::Done => DONE_LIFETIME,
                Tone::Problem => PROBLEM_LIFETIME,
            }
    }

    pub fn is_shown(&self, now: Instant) -> bool {
        now < self.fades_at()
    }
}

impl Footer {
    /// Says what a key did, for a few seconds.
    pub fn done(&mut self, text: impl Into<String>, now: Instant) {
        self.say(text.into(), Tone::Done, now);
    }

    /// Says what could not be done, for longer.
    pub fn problem(&mut self, text: impl Into<String>, now: Instant) {
        self.say(text.into(), Tone::Problem, now);
    }

    fn say(&mut self, text: String, tone: Tone, now: Instant) {
        self.message = Some(Message {
            text,
            tone,
            at: now,
        });
    }

    /// The message's text, whether or not it has faded.
    pub fn text(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    /// The message, while it is shown.
    pub fn shown(&self, now: Instant) -> Option<&Message> {
        self.message.as_ref().filter(|m| m.is_shown(now))
    }
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
        let impressions = ImpressionMatcher::new(&guide.impression_words);
        Model::with_screen(guide, Screen::Setup(form), impressions, wall_clock)
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
        let screen = Screen::Interview(Box::new(screen));
        let mut model = Model::with_screen(guide, screen, impressions, wall_clock);
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
        // A finished interview resumes finished: its clock stopped where it was, the time
        // since counting for nothing.
        let gap = if finished { None } else { gap };
        let mut interview = Interview::resume(plan, &progress, gap, now)?;
        if finished {
            interview.finish(now);
        }
        let impressions = ImpressionMatcher::new(&guide.impression_words);
        let screen = InterviewScreen::new(interview, notes, handoff, &impressions);
        let screen = Screen::Interview(Box::new(screen));
        let mut model = Model::with_screen(guide, screen, impressions, wall_clock);
        model.session = Some(header);
        let said = match gap {
            _ if finished => "Finished: notes still editable, clock stopped",
            Some(_) => "Resumed · time away counted",
            None => "Resumed, clock paused",
        };
        model.footer.done(said, now);
        // What was due before the console went down is no news: no bell for it.
        model.announce_due(now);
        model.saving.due = Some(now);
        Ok(model)
    }

    /// `impressions` are the guide's impression words, compiled once: a pattern of many
    /// words takes a noticeable share of the start to compile.
    fn with_screen(
        guide: Guide,
        screen: Screen,
        impressions: ImpressionMatcher,
        wall_clock: WallClock,
    ) -> Model {
        Model {
            impressions,
            reminders: Reminders::new(guide.timed_reminders.clone()),
            guide,
            screen,
            overlay: None,
            footer: Footer::default(),
            saving: Saving::default(),
            layout: Layout::default(),
            session: None,
            announced: Vec::new(),
            wall_clock,
            ui: Ui::default(),
        }
    }

    /// Marks every reminder due now as announced; true when one of them had not been.
    pub fn announce_due(&mut self, now: Instant) -> bool {
        let Some(s) = self.interview() else {
            return false;
        };
        let due = self.reminders.due(&s.interview, now);
        let mut news = false;
        for reminder in due {
            if !self.announced.contains(&reminder.id) {
                self.announced.push(reminder.id);
                news = true;
            }
        }
        news
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
            (Some(Overlay::FinishCheck), _) => keymap::FINISH_KEYS,
            (Some(Overlay::Help { .. }), _) => keymap::HELP_KEYS,
            (Some(Overlay::Rating), _) => keymap::RATING_KEYS,
            (None, Screen::Setup(_)) => keymap::SETUP_KEYS,
            (None, Screen::Interview(s)) if s.handoff_open => keymap::HANDOFF_KEYS,
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
            handoff: s.handoff.lines(),
            finished: s.interview.is_finished(),
        })
    }

    /// How long the loop may sleep: until the clock's next second, a save that is due, a
    /// message that fades, or `MAX_WAIT`, whichever is first.
    pub fn until_next_wake(&self, now: Instant) -> Duration {
        let mut wait = MAX_WAIT;
        if let Some(message) = self.footer.shown(now) {
            wait = wait.min(message.fades_at().saturating_duration_since(now));
        }
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
            handoff: NotesEditor::with_lines(HANDOFF_PLACEHOLDER, handoff, impressions.pattern()),
            handoff_open: false,
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
        self.handoff.set_styles(ui.theme.impression, ui.theme.found);
    }

    /// The notes typing goes into: the hand-off note while it is open, otherwise the
    /// current phase's.
    pub fn current_notes(&self) -> &NotesEditor {
        if self.handoff_open {
            &self.handoff
        } else {
            &self.notes[self.interview.current_index()]
        }
    }

    pub fn current_notes_mut(&mut self) -> &mut NotesEditor {
        if self.handoff_open {
            return &mut self.handoff;
        }
        let at = self.interview.current_index();
        &mut self.notes[at]
    }
}

const HANDOFF_PLACEHOLDER: &str = "Topics for the next interviewer to probe; no verdict, no rating";

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
