//! The console's state and how input changes it. Drawing lives in `view`.

use std::cell::Cell;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};

use crate::guide::Guide;
use crate::interview::{Interview, PhaseKind, Plan};

use super::keymap::{self, Command, Context};
use super::notes::NotesEditor;
use super::setup::{Prefill, SetupForm, SetupOutcome};

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
    quit: bool,
    /// The script pane as last drawn; the view writes it so PageUp/PageDown move by its
    /// height and stop where the text ends.
    pub script_view: Cell<ScriptView>,
}

impl App {
    pub fn new(guide: Guide, prefill: Prefill) -> App {
        let form = SetupForm::new(&guide, prefill);
        App::with_screen(guide, Screen::Setup(form))
    }

    /// Opens straight on the intro.
    pub fn started(guide: Guide, plan: Plan, now: Instant) -> App {
        let screen = Screen::Interview(Box::new(InterviewScreen::new(plan, now)));
        App::with_screen(guide, screen)
    }

    fn with_screen(guide: Guide, screen: Screen) -> App {
        App {
            guide,
            screen,
            overlay: None,
            message: None,
            quit: false,
            script_view: Cell::new(ScriptView::default()),
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn context(&self) -> Context {
        match self.screen {
            Screen::Setup(_) => Context::Setup,
            Screen::Interview(_) => Context::Interview,
        }
    }

    /// How long the loop may sleep before the screen could change on its own.
    pub fn until_next_tick(&self, now: Instant) -> Option<Duration> {
        match &self.screen {
            Screen::Setup(_) => None,
            Screen::Interview(s) => s.interview.until_next_tick(now),
        }
    }

    /// Applies one terminal event; true when the screen needs drawing again.
    pub fn handle(&mut self, event: &Event, now: Instant) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(*key, now),
            Event::Key(_) => false,
            Event::Paste(text) => self.handle_paste(text),
            Event::Resize(..) | Event::FocusGained => true,
            Event::FocusLost | Event::Mouse(_) => false,
        }
    }

    fn handle_paste(&mut self, text: &str) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        match &mut self.screen {
            Screen::Setup(form) => form.paste(text),
            Screen::Interview(s) => {
                s.current_notes().paste(text);
                true
            }
        }
    }

    fn handle_key(&mut self, key: KeyEvent, now: Instant) -> bool {
        self.message = None;
        match self.overlay {
            Some(Overlay::ConfirmQuit) => {
                if matches!(
                    key.code,
                    ratatui::crossterm::event::KeyCode::Char('y' | 'Y')
                ) {
                    self.quit = true;
                }
                self.overlay = None;
                return true;
            }
            Some(Overlay::Help) => {
                if keymap::command_for(self.context(), &key) == Some(Command::Help)
                    || key.code == ratatui::crossterm::event::KeyCode::Esc
                {
                    self.overlay = None;
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
                    self.screen = Screen::Interview(Box::new(InterviewScreen::new(*plan, now)));
                    return true;
                }
                SetupOutcome::Command(command) => command,
            },
            Screen::Interview(s) => match keymap::command_for(Context::Interview, &key) {
                Some(command) => command,
                None => return s.current_notes().input(key),
            },
        };
        self.run(command, now);
        true
    }

    fn run(&mut self, command: Command, now: Instant) {
        match command {
            Command::Help => self.overlay = Some(Overlay::Help),
            Command::Quit => self.overlay = Some(Overlay::ConfirmQuit),
            _ => {
                if let Screen::Interview(s) = &mut self.screen {
                    self.message = s.run(command, now, self.script_view.get());
                }
            }
        }
    }
}

impl InterviewScreen {
    fn new(plan: Plan, now: Instant) -> InterviewScreen {
        let interview = Interview::start(plan, now);
        let notes = interview
            .phases()
            .iter()
            .map(|p| NotesEditor::new(placeholder(p.kind)))
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
