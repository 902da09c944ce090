//! The console's state and how input changes it. Drawing lives in `view`.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::guide::Guide;
use crate::interview::evidence::ImpressionMatcher;
use crate::interview::{Interview, PhaseKind, Plan, ProgressMismatch, RateError, Rated};
use crate::store::autosave::SaveStatus;
use crate::store::{SessionHeader, SessionRecord, Status};

use super::keymap::{self, Command, Context};
use super::notes::NotesEditor;
use super::setup::{Prefill, SetupForm, SetupOutcome};
use super::view::DrawnScript;

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
}

/// How the script pane was last drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptView {
    /// Lines of text the pane shows at once.
    pub height: u16,
    /// The furthest the text can scroll.
    pub max_scroll: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

pub struct App {
    pub guide: Guide,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// A short message for the footer, cleared by the next key.
    pub message: Option<String>,
    /// A standing note for the footer (an unfinished session elsewhere), until the first
    /// phase change.
    pub notice: Option<String>,
    quit: bool,
    /// Quit on wrap-up: the session is recorded as finished.
    finished: bool,
    /// The script pane as last drawn; the view writes it so PageUp/PageDown move by its
    /// height and stop where the text ends.
    pub script_view: Cell<ScriptView>,
    /// The session this interview is saved as, once it has one.
    pub session: Option<SessionHeader>,
    /// When the session should next be written: soon after an edit, at once after a move.
    save_due: Option<Instant>,
    /// The writer's last word, for the footer.
    pub save_status: SaveStatus,
    /// The interviewer asked for the scorecard; the loop writes it.
    export_requested: bool,
    /// The guide's impression words, to mark in the notes and list at wrap-up.
    pub impressions: ImpressionMatcher,
    /// Text to put on the clipboard (OSC 52); the loop sends it to the terminal.
    clipboard: Option<String>,
    /// A link to open in the browser; the loop starts the opener.
    open_link: Option<String>,
    /// Lines the key list is scrolled down by, and how far it can go at the last size.
    pub help_scroll: u16,
    pub help_max_scroll: Cell<u16>,
    /// Where the view drew the guidelines link, for the loop to make it clickable.
    pub link_spot: RefCell<Option<LinkSpot>>,
    /// The script pane as last drawn, for the view to reuse while it has not changed.
    pub drawn_script: RefCell<Option<DrawnScript>>,
}

/// A link as drawn: its first cell, the text shown and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpot {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub url: String,
}

/// The longest the loop sleeps: signals and the save status are looked at this often.
pub const MAX_WAIT: Duration = Duration::from_secs(1);
/// How soon after an edit the notes are written: typing never waits for the disk, and a
/// note typed is on disk within a second.
pub const SAVE_AFTER_EDIT: Duration = Duration::from_millis(500);

impl App {
    pub fn new(guide: Guide, prefill: Prefill) -> App {
        let form = SetupForm::new(&guide, prefill);
        App::with_screen(guide, Screen::Setup(form))
    }

    /// Opens straight on the intro.
    pub fn started(guide: Guide, plan: Plan, now: Instant) -> App {
        let mut app = App::new(guide, Prefill::default());
        app.screen = Screen::Interview(Box::new(InterviewScreen::new(plan, now, &app.impressions)));
        app.save_due = Some(now);
        app
    }

    /// Goes on with a saved session: its phase, notes and plan; `gap` as
    /// `interview::resume_gap` decides (`None` resumes with the clock paused).
    pub fn resumed(
        guide: Guide,
        record: &SessionRecord,
        gap: Option<Duration>,
        now: Instant,
    ) -> Result<App, ProgressMismatch> {
        let interview = Interview::resume(record.plan(), &record.progress(), gap, now)?;
        let mut app = App::new(guide, Prefill::default());
        let screen = InterviewScreen::with_notes(interview, record.notes(), &app.impressions);
        app.screen = Screen::Interview(Box::new(screen));
        app.session = Some(record.header());
        app.finished = record.status == Status::Finished;
        app.message = Some(match gap {
            Some(_) => "Resumed · time away counted".into(),
            None => "Resumed, clock paused (F5)".into(),
        });
        app.save_due = Some(now);
        Ok(app)
    }

    fn with_screen(guide: Guide, screen: Screen) -> App {
        App {
            impressions: ImpressionMatcher::new(&guide.impression_words),
            clipboard: None,
            open_link: None,
            link_spot: RefCell::new(None),
            drawn_script: RefCell::new(None),
            help_scroll: 0,
            help_max_scroll: Cell::new(0),
            guide,
            screen,
            overlay: None,
            message: None,
            notice: None,
            quit: false,
            finished: false,
            script_view: Cell::new(ScriptView::default()),
            session: None,
            save_due: None,
            save_status: SaveStatus::default(),
            export_requested: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The plan of an interview that has started but has no session yet.
    pub fn needs_session(&self) -> Option<&Plan> {
        match (&self.screen, &self.session) {
            (Screen::Interview(s), None) => Some(s.interview.plan()),
            _ => None,
        }
    }

    /// Text the interviewer asked to copy, since the last call.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// A link the interviewer asked to open, since the last call.
    pub fn take_open_link(&mut self) -> Option<String> {
        self.open_link.take()
    }

    /// Puts text on the clipboard through the terminal.
    pub fn copy(&mut self, text: String) {
        self.clipboard = Some(text);
    }

    /// Whether the scorecard was asked for since the last call.
    pub fn take_export_request(&mut self) -> bool {
        std::mem::take(&mut self.export_requested)
    }

    /// When the session should be written next, if anything is unsaved.
    pub fn save_due(&self) -> Option<Instant> {
        self.save_due
    }

    fn edited(&mut self, now: Instant) {
        self.save_due.get_or_insert(now + SAVE_AFTER_EDIT);
    }

    /// Asks for the session to be written at once.
    pub fn request_save(&mut self, now: Instant) {
        self.save_due = Some(now);
    }

    /// The session as it stands, for the writer; nothing is unsaved after this.
    pub fn take_record(&mut self, now: Instant, wall: DateTime<Utc>) -> Option<SessionRecord> {
        self.save_due = None;
        let header = self.session.as_ref()?;
        let Screen::Interview(s) = &self.screen else {
            return None;
        };
        let kinds: Vec<PhaseKind> = s.interview.phases().iter().map(|p| p.kind).collect();
        let notes: Vec<Vec<String>> = s.notes.iter().map(NotesEditor::lines).collect();
        let status = if self.finished {
            Status::Finished
        } else {
            Status::InProgress
        };
        Some(SessionRecord::capture(
            header,
            s.interview.plan(),
            &s.interview.progress(now),
            &kinds,
            &notes,
            status,
            wall,
        ))
    }

    pub fn context(&self) -> Context {
        match self.screen {
            Screen::Setup(_) => Context::Setup,
            Screen::Interview(_) => Context::Interview,
        }
    }

    /// How long the loop may sleep: until the clock's next second, a save that is due, or
    /// `MAX_WAIT`, whichever is first.
    pub fn until_next_wake(&self, now: Instant) -> Duration {
        let mut wait = MAX_WAIT;
        if let Screen::Interview(s) = &self.screen
            && let Some(tick) = s.interview.until_next_tick(now)
        {
            wait = wait.min(tick);
        }
        if let Some(due) = self.save_due {
            wait = wait.min(due.saturating_duration_since(now));
        }
        wait
    }

    /// Applies a batch of queued events; true when the screen needs drawing again.
    ///
    /// A run of typed characters (and Enter) going into the notes is inserted at once: the
    /// text area re-wraps all its text on every edit, so typing or a burst of keys from a
    /// fast typist costs one re-wrap instead of one per key. The text is the same as typed
    /// key by key; undo takes the run back in one step. Nothing after a quit is handled.
    pub fn handle_all(&mut self, events: &[Event], now: Instant) -> bool {
        let mut changed = false;
        let mut run = String::new();
        for event in events {
            if self.quit {
                break;
            }
            if let Some(c) = self.typed_into_notes(event) {
                run.push(c);
                continue;
            }
            changed |= self.insert_run(&mut run, now);
            changed |= self.handle(event, now);
        }
        changed | self.insert_run(&mut run, now)
    }

    /// The character a key press types into the notes, if that is all it does.
    fn typed_into_notes(&self, event: &Event) -> Option<char> {
        let Event::Key(key) = event else { return None };
        let plain = key.kind == KeyEventKind::Press
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && self.overlay.is_none()
            && matches!(self.screen, Screen::Interview(_))
            && keymap::command_for(Context::Interview, key).is_none();
        match key.code {
            KeyCode::Char(c) if plain => Some(c),
            KeyCode::Enter if plain => Some('\n'),
            _ => None,
        }
    }

    fn insert_run(&mut self, run: &mut String, now: Instant) -> bool {
        if run.is_empty() {
            return false;
        }
        self.message = None;
        if let Screen::Interview(s) = &mut self.screen {
            s.current_notes().insert(run);
        }
        run.clear();
        self.edited(now);
        true
    }

    /// Applies one terminal event; true when the screen needs drawing again.
    pub fn handle(&mut self, event: &Event, now: Instant) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(*key, now),
            Event::Key(_) => false,
            Event::Paste(text) => self.handle_paste(text, now),
            Event::Resize(_, rows) => {
                // Every phase's notes: any of them may be the next one shown at this size.
                if let Screen::Interview(s) = &mut self.screen {
                    s.notes.iter_mut().for_each(|n| n.fit(usize::from(*rows)));
                }
                true
            }
            Event::FocusGained => true,
            Event::FocusLost | Event::Mouse(_) => false,
        }
    }

    fn handle_paste(&mut self, text: &str, now: Instant) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        match &mut self.screen {
            Screen::Setup(form) => form.paste(text),
            Screen::Interview(s) => {
                s.current_notes().paste(text);
                self.edited(now);
                true
            }
        }
    }

    fn handle_key(&mut self, key: KeyEvent, now: Instant) -> bool {
        self.message = None;
        match self.overlay {
            Some(Overlay::ConfirmQuit) => {
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    self.quit = true;
                    if let Screen::Interview(s) = &self.screen
                        && s.interview.current().kind == PhaseKind::WrapUp
                    {
                        self.finished = true;
                    }
                    self.request_save(now);
                }
                self.overlay = None;
                return true;
            }
            Some(Overlay::Help) => {
                let max = self.help_max_scroll.get();
                match key.code {
                    KeyCode::Esc => self.overlay = None,
                    KeyCode::Down => self.help_scroll = (self.help_scroll + 1).min(max),
                    KeyCode::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                    KeyCode::PageDown => self.help_scroll = (self.help_scroll + 10).min(max),
                    KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                    _ if keymap::command_for(self.context(), &key) == Some(Command::Help) => {
                        self.overlay = None;
                    }
                    _ => {}
                }
                return true;
            }
            None => {}
        }

        let command = match &mut self.screen {
            Screen::Setup(form) => match form.handle_key(&self.guide, key) {
                SetupOutcome::Unchanged => return false,
                SetupOutcome::Changed => return true,
                SetupOutcome::Start(plan) => {
                    self.screen = Screen::Interview(Box::new(InterviewScreen::new(
                        *plan,
                        now,
                        &self.impressions,
                    )));
                    self.request_save(now);
                    return true;
                }
                SetupOutcome::Command(command) => command,
            },
            Screen::Interview(s) => match keymap::command_for(Context::Interview, &key) {
                Some(command) => command,
                None => {
                    let changed = s.current_notes().input(key);
                    self.edited(now);
                    return changed;
                }
            },
        };
        self.run(command, &key, now);
        true
    }

    fn run(&mut self, command: Command, key: &KeyEvent, now: Instant) {
        match command {
            Command::Help => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Command::Quit => self.overlay = Some(Overlay::ConfirmQuit),
            Command::ExportScorecard => {
                self.export_requested = true;
                self.request_save(now);
            }
            Command::Rate | Command::ClearRating => {
                let position = match command {
                    Command::Rate => keymap::digit(key).and_then(|d| d.checked_sub(1)),
                    _ => None,
                };
                if command == Command::Rate && position.is_none() {
                    return;
                }
                self.rate(position, now);
            }
            Command::CopyLink | Command::OpenLink => {
                let Screen::Interview(s) = &self.screen else {
                    return;
                };
                let link = s
                    .interview
                    .question(s.interview.current().kind)
                    .and_then(|q| q.guidelines_url.clone());
                match (link, command) {
                    (None, _) => self.message = Some("No guidelines link in this phase".into()),
                    (Some(url), Command::CopyLink) => {
                        self.clipboard = Some(url);
                        self.message = Some("Guidelines link copied".into());
                    }
                    (Some(url), _) => self.open_link = Some(url),
                }
            }
            _ => {
                let Screen::Interview(s) = &mut self.screen else {
                    return;
                };
                self.message = s.run(command, now, self.script_view.get());
                match command {
                    Command::NextPhase | Command::PreviousPhase => {
                        self.notice = None;
                        self.request_save(now);
                    }
                    Command::TogglePause => self.request_save(now),
                    Command::StampTime => self.edited(now),
                    _ => {}
                }
            }
        }
    }
}

impl App {
    fn rate(&mut self, position: Option<usize>, now: Instant) {
        let Screen::Interview(s) = &mut self.screen else {
            return;
        };
        let interview = &mut s.interview;
        self.message = Some(match interview.rate(position) {
            Ok(rated) => {
                let label = |p: Option<usize>| {
                    p.map_or_else(
                        || "cleared".to_string(),
                        |p| interview.rating_label(p).to_string(),
                    )
                };
                match rated {
                    Rated::Question(i, p) => format!("Q{} rating: {}", i + 1, label(p)),
                    Rated::Recommendation(p) => format!("Recommendation: {}", label(p)),
                }
            }
            Err(RateError::NotHere) => "Ratings are for questions and the wrap-up".into(),
            Err(RateError::OffScale(n)) => format!("The scale has {n} ratings: Alt+1 … Alt+{n}"),
        });
        self.request_save(now);
    }
}

impl InterviewScreen {
    fn new(plan: Plan, now: Instant, impressions: &ImpressionMatcher) -> InterviewScreen {
        InterviewScreen::with_notes(Interview::start(plan, now), Vec::new(), impressions)
    }

    /// An editor for every phase, holding `notes` (one entry a phase; missing ones empty).
    fn with_notes(
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
                NotesEditor::with_lines(placeholder(p.kind), lines, impressions.pattern())
            })
            .collect();
        InterviewScreen {
            interview,
            notes,
            script_scroll: 0,
        }
    }

    pub fn current_notes(&mut self) -> &mut NotesEditor {
        let at = self.interview.current_index();
        &mut self.notes[at]
    }

    /// Runs an interview command; returns a message for the footer, if any.
    fn run(&mut self, command: Command, now: Instant, view: ScriptView) -> Option<String> {
        // A page keeps one line of the last for context.
        let page = view.height.saturating_sub(1).max(1);
        match command {
            Command::NextPhase => {
                if !self.interview.next(now) {
                    return Some("This is the last phase".into());
                }
                self.script_scroll = 0;
            }
            Command::PreviousPhase => {
                if !self.interview.previous(now) {
                    return Some("This is the first phase".into());
                }
                self.script_scroll = 0;
            }
            Command::StampTime => {
                let elapsed = self.interview.elapsed(now);
                self.current_notes().stamp(elapsed);
            }
            Command::TogglePause => {
                self.interview.toggle_pause(now);
                if self.interview.is_paused() {
                    return Some("Clock paused: F5 resumes".into());
                }
            }
            Command::ScrollScriptUp => self.script_scroll = self.script_scroll.saturating_sub(page),
            Command::ScrollScriptDown => {
                self.script_scroll = (self.script_scroll + page).min(view.max_scroll);
            }
            _ => {}
        }
        None
    }
}

fn placeholder(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Intro => "Notes before the questions (anything the candidate asks up front)",
        PhaseKind::Question(_) => {
            "What they say and do, not your impressions · Ctrl+T stamps the time"
        }
        PhaseKind::CandidateQuestions => "Their questions, and what you answered",
        PhaseKind::WrapUp => "Summary: the behavior behind your recommendation",
    }
}
