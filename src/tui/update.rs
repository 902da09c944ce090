//! `update`: one action in, the model changed, the effects out. The one place where the
//! console's state changes; no terminal, no disk, time passed in.

use std::time::Instant;

use crate::interview::clock::mm_ss;
use crate::interview::session::SessionHeader;
use crate::interview::{Interview, PhaseKind, RateError, Rated};

use super::action::{Action, Effect, HelpScroll, SearchEdit};
use super::keymap::{Command, Context};
use super::model::{InterviewScreen, Model, Overlay, SAVE_AFTER_EDIT, Screen};
use super::notes::NotesEdit;
use super::search::NotesSearch;
use super::setup_form::SetupOutcome;

/// Lines a PageUp or PageDown moves the key list by.
const HELP_PAGE: i16 = 10;
/// Lines a notch of the mouse wheel scrolls by.
pub const WHEEL_LINES: i16 = 3;
const NOT_RATEABLE: &str = "Ratings are for questions and the wrap-up";

/// Applies one action to the model and returns what the runtime should do about it.
pub fn update(model: &mut Model, action: Action, now: Instant) -> Vec<Effect> {
    if action.is_a_key() {
        model.footer.message = None;
    }
    match action {
        Action::Type(text) => edit_notes(model, now, |s| {
            // The hand-off note is edited with the notes editor's keys, vim or not.
            if s.handoff_open {
                s.handoff.insert(&text);
                return;
            }
            let at = s.interview.current_index();
            match &mut s.vim {
                Some(vim) => vim.type_text(&mut s.notes[at], &text),
                None => s.notes[at].insert(&text),
            }
        }),
        Action::Paste(text) => paste(model, &text, now),
        Action::Edit(edit) => edit_notes(model, now, |s| {
            if let Some(vim) = s.vim.as_mut().filter(|_| !s.handoff_open) {
                vim.edited(edit);
            }
            s.current_notes_mut().apply(edit);
        }),
        Action::Vim(key) => edit_notes(model, now, |s| {
            let at = s.interview.current_index();
            if let Some(vim) = &mut s.vim {
                vim.key(&mut s.notes[at], &key);
            }
        }),
        Action::StampTime => edit_notes(model, now, |s| {
            let elapsed = mm_ss(s.interview.elapsed(now));
            s.current_notes_mut().stamp(&elapsed);
        }),
        Action::StampWallClock => {
            let time = model
                .wall_clock
                .local_at(now)
                .format("%H:%M:%S")
                .to_string();
            edit_notes(model, now, |s| s.current_notes_mut().stamp(&time))
        }
        Action::NextPhase => {
            move_phase(model, now, Interview::next, Some("This is the last phase"))
        }
        Action::PreviousPhase => move_phase(
            model,
            now,
            |interview, now| interview.previous(now),
            Some("This is the first phase"),
        ),
        Action::TogglePause => toggle_pause(model, now),
        Action::Rate(position) => rate(model, Some(position), now),
        Action::ClearRating => rate(model, None, now),
        Action::DismissReminder => {
            let shown = model
                .interview()
                .and_then(|s| model.reminders.first_due(&s.interview, now));
            match shown {
                Some(due) => model.reminders.dismiss(due.id),
                None => model.footer.done("No reminder to dismiss", now),
            }
            Vec::new()
        }
        Action::OpenHandoff => {
            if let Screen::Interview(s) = &mut model.screen {
                if s.search.take().is_some() {
                    s.notes.iter_mut().for_each(|n| n.mark_found(None));
                }
                s.handoff_open = true;
            }
            Vec::new()
        }
        Action::CloseHandoff => {
            if let Screen::Interview(s) = &mut model.screen {
                s.handoff_open = false;
            }
            Vec::new()
        }
        Action::Reopen => reopen(model, now),
        Action::AskRating => {
            let rateable = model.interview().is_some_and(|s| {
                matches!(
                    s.interview.current().kind,
                    PhaseKind::Question(_) | PhaseKind::WrapUp
                )
            });
            if rateable {
                model.overlay = Some(Overlay::Rating);
            } else {
                model.footer.done(NOT_RATEABLE, now);
            }
            Vec::new()
        }
        Action::CopyLink => match guidelines_link(model) {
            Some(url) => {
                model.footer.done("Guidelines link copied", now);
                vec![Effect::Copy(url)]
            }
            None => no_link(model, now),
        },
        Action::OpenLink => match guidelines_link(model) {
            Some(url) => vec![Effect::OpenLink(url)],
            None => no_link(model, now),
        },
        Action::WriteScorecard => match model.snapshot(now) {
            Some(snapshot) => {
                model.saving.due = None;
                let snapshot = Box::new(snapshot);
                vec![
                    Effect::WriteScorecard(snapshot.clone()),
                    Effect::Save(snapshot),
                ]
            }
            None => Vec::new(),
        },
        Action::ScrollScriptUp => scroll_script(model, false),
        Action::ScrollScriptDown => scroll_script(model, true),
        Action::OpenSearch => match &mut model.screen {
            // The search key again goes to the next match.
            Screen::Interview(s) if s.search.is_some() => search(model, SearchEdit::Next),
            Screen::Interview(s) => {
                s.search = Some(NotesSearch::new());
                Vec::new()
            }
            Screen::Setup(_) => Vec::new(),
        },
        Action::Search(edit) => search(model, edit),
        Action::Setup(setup) => {
            let Screen::Setup(form) = &mut model.screen else {
                return Vec::new();
            };
            match form.apply(&model.guide, setup) {
                SetupOutcome::Unchanged | SetupOutcome::Changed => Vec::new(),
                SetupOutcome::Start(plan) => {
                    let interview = Interview::start(*plan, now);
                    let mut screen =
                        InterviewScreen::new(interview, Vec::new(), Vec::new(), &model.impressions);
                    screen.restyle(&model.ui);
                    model.screen = Screen::Interview(Box::new(screen));
                    model.session = Some(SessionHeader::new(
                        String::new(),
                        &model.guide,
                        model.wall_clock.at(now),
                    ));
                    save_now(model, now)
                }
            }
        }
        Action::ShowHelp => {
            // The help key again closes the list.
            model.overlay = match model.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
            Vec::new()
        }
        Action::CloseHelp => {
            model.overlay = None;
            Vec::new()
        }
        Action::ScrollHelp(scroll) => {
            scroll_help(
                model,
                match scroll {
                    HelpScroll::LineUp => -1,
                    HelpScroll::LineDown => 1,
                    HelpScroll::PageUp => -HELP_PAGE,
                    HelpScroll::PageDown => HELP_PAGE,
                },
            );
            Vec::new()
        }
        Action::Wheel { column, row, lines } => wheel(model, (column, row), lines),
        Action::Click { column, row } => click(model, (column, row), now),
        Action::AskToQuit => {
            // Leaving from the wrap-up is where an interview is finished: check it first.
            let finishing = model.interview().is_some_and(|s| {
                s.interview.current().kind == PhaseKind::WrapUp && !s.interview.is_finished()
            });
            model.overlay = Some(if finishing {
                Overlay::FinishCheck
            } else {
                Overlay::ConfirmQuit
            });
            Vec::new()
        }
        Action::Quit | Action::LeaveInProgress => {
            model.overlay = None;
            vec![Effect::Quit]
        }
        Action::FinishAndQuit => {
            model.overlay = None;
            if let Screen::Interview(s) = &mut model.screen {
                s.interview.finish(now);
            }
            vec![Effect::Quit]
        }
        Action::StayOpen => {
            model.overlay = None;
            Vec::new()
        }
        Action::Resized { rows } => {
            // Every phase's notes: any of them may be the next one shown at this size.
            if let Screen::Interview(s) = &mut model.screen {
                s.notes.iter_mut().for_each(|n| n.fit(usize::from(rows)));
                s.handoff.fit(usize::from(rows));
            }
            Vec::new()
        }
        Action::Drawn(layout) => {
            if let Screen::Interview(s) = &mut model.screen {
                s.current_notes_mut()
                    .drawn_in((layout.notes_cols, layout.notes_rows));
            }
            model.layout = layout;
            Vec::new()
        }
        Action::Timer => {
            if model
                .footer
                .message
                .as_ref()
                .is_some_and(|m| !m.is_shown(now))
            {
                model.footer.message = None;
            }
            let mut effects = Vec::new();
            if model.announce_due(now) && model.ui.bell {
                effects.push(Effect::Bell);
            }
            if model.saving.due.is_some_and(|due| due <= now) {
                effects.extend(save_now(model, now));
            }
            effects
        }
        Action::SaveStatus(status) => {
            if let (Some(id), Some(session)) = (&status.saved_as, &mut model.session) {
                // Snapshots from now on carry the id the sessions folder gave the session.
                session.id = id.to_string();
            }
            model.saving.status = status;
            Vec::new()
        }
        Action::ScorecardWritten(written) => {
            match written {
                Ok(path) => model.footer.done(
                    format!("Scorecard copied and written to {}", path.display()),
                    now,
                ),
                Err(why) => model
                    .footer
                    .problem(format!("Scorecard copied; not written: {why}"), now),
            }
            Vec::new()
        }
        Action::LinkOpened(opened) => {
            match opened {
                Ok(()) => model
                    .footer
                    .done("Opening the guidelines in the browser", now),
                Err(why) => {
                    let copy = model
                        .ui
                        .keymap
                        .chord_for(Context::Interview, Command::CopyLink)
                        .map(|copy| format!("; {copy} copies it"))
                        .unwrap_or_default();
                    model
                        .footer
                        .problem(format!("Could not open the link ({why}){copy}"), now);
                }
            }
            Vec::new()
        }
    }
}

impl Action {
    /// Whether the interviewer pressed a key (or pasted) for this: then the footer's last
    /// message has been seen and goes.
    fn is_a_key(&self) -> bool {
        match self {
            Action::Type(_)
            | Action::Paste(_)
            | Action::Edit(_)
            | Action::StampTime
            | Action::StampWallClock
            | Action::NextPhase
            | Action::PreviousPhase
            | Action::TogglePause
            | Action::Rate(_)
            | Action::ClearRating
            | Action::DismissReminder
            | Action::OpenHandoff
            | Action::CloseHandoff
            | Action::Reopen
            | Action::CopyLink
            | Action::OpenLink
            | Action::WriteScorecard
            | Action::ScrollScriptUp
            | Action::ScrollScriptDown
            | Action::OpenSearch
            | Action::Search(_)
            | Action::Setup(_)
            | Action::ShowHelp
            | Action::CloseHelp
            | Action::ScrollHelp(_)
            | Action::AskToQuit
            | Action::Quit
            | Action::StayOpen
            | Action::FinishAndQuit
            | Action::LeaveInProgress
            | Action::AskRating
            | Action::Vim(_)
            | Action::Wheel { .. }
            | Action::Click { .. } => true,
            Action::Resized { .. }
            | Action::Drawn(_)
            | Action::Timer
            | Action::SaveStatus(_)
            | Action::ScorecardWritten(_)
            | Action::LinkOpened(_) => false,
        }
    }
}

/// The session as it stands goes to the writer now.
fn save_now(model: &mut Model, now: Instant) -> Vec<Effect> {
    model.saving.due = None;
    model
        .snapshot(now)
        .map(|s| Effect::Save(Box::new(s)))
        .into_iter()
        .collect()
}

/// The notes changed: they go to the writer soon, not on every key.
fn edited(model: &mut Model, now: Instant) {
    model.saving.due.get_or_insert(now + SAVE_AFTER_EDIT);
}

fn edit_notes(
    model: &mut Model,
    now: Instant,
    edit: impl FnOnce(&mut InterviewScreen),
) -> Vec<Effect> {
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    edit(s);
    if let Some(search) = &mut s.search {
        let at = s.interview.current_index();
        search.count_in(&s.notes[at]);
    }
    edited(model, now);
    Vec::new()
}

/// Pasted text goes where typing would: a setup field, the search, or the notes.
fn paste(model: &mut Model, text: &str, now: Instant) -> Vec<Effect> {
    if matches!(
        model.overlay,
        Some(Overlay::ConfirmQuit | Overlay::FinishCheck)
    ) {
        return Vec::new();
    }
    match &mut model.screen {
        Screen::Setup(form) => {
            form.paste(text);
            Vec::new()
        }
        Screen::Interview(s) => match &mut s.search {
            Some(search) if model.overlay.is_none() => {
                search.push_str(text);
                refresh_search(s);
                Vec::new()
            }
            Some(_) | None => edit_notes(model, now, |s| s.current_notes_mut().paste(text)),
        },
    }
}

fn move_phase(
    model: &mut Model,
    now: Instant,
    step: impl FnOnce(&mut Interview, Instant) -> bool,
    at_the_end: Option<&str>,
) -> Vec<Effect> {
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    if !step(&mut s.interview, now) {
        match at_the_end {
            Some(text) => model.footer.done(text, now),
            None => model.footer.message = None,
        }
        return Vec::new();
    }
    s.script_scroll = 0;
    if s.search.take().is_some() {
        s.notes.iter_mut().for_each(|n| n.mark_found(None));
    }
    model.footer.notice = None;
    save_now(model, now)
}

fn toggle_pause(model: &mut Model, now: Instant) -> Vec<Effect> {
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    if s.interview.is_finished() {
        let reopen = model
            .ui
            .keymap
            .chord_for(Context::Interview, Command::Reopen)
            .map(|c| format!(" ({c} reopens it)"))
            .unwrap_or_default();
        model
            .footer
            .done(format!("Finished: the clock is stopped{reopen}"), now);
        return Vec::new();
    }
    s.interview.toggle_pause(now);
    if s.interview.is_paused() {
        let resume = model
            .ui
            .keymap
            .chord_for(Context::Interview, Command::TogglePause)
            .map(|c| format!(": {c} resumes"))
            .unwrap_or_default();
        model.footer.done(format!("Clock paused{resume}"), now);
    }
    save_now(model, now)
}

/// A finished interview in progress again, its clock running on; saved at once.
fn reopen(model: &mut Model, now: Instant) -> Vec<Effect> {
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    if !s.interview.is_finished() {
        model
            .footer
            .done("The interview is in progress: nothing to reopen", now);
        return Vec::new();
    }
    s.interview.reopen(now);
    let at = mm_ss(s.interview.elapsed(now));
    model.footer.done(
        format!("Reopened: in progress, the clock runs on from {at}"),
        now,
    );
    save_now(model, now)
}

fn rate(model: &mut Model, position: Option<usize>, now: Instant) -> Vec<Effect> {
    if model.overlay == Some(Overlay::Rating) {
        model.overlay = None;
    }
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    let interview = &mut s.interview;
    let said = match interview.rate(position) {
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
        Err(RateError::NotHere) => NOT_RATEABLE.into(),
        Err(RateError::OffScale(n)) => {
            let keymap = &model.ui.keymap;
            match (keymap.rate_chord(0), keymap.rate_chord(n - 1)) {
                (Some(first), Some(last)) => {
                    format!("The scale has {n} ratings: {first} … {last}")
                }
                _ => format!("The scale has {n} ratings"),
            }
        }
    };
    model.footer.done(said, now);
    save_now(model, now)
}

/// The current question's guidelines link, if it has one.
fn guidelines_link(model: &Model) -> Option<String> {
    let s = model.interview()?;
    s.interview
        .question(s.interview.current().kind)?
        .guidelines_url
        .clone()
}

fn no_link(model: &mut Model, now: Instant) -> Vec<Effect> {
    model.footer.done("No guidelines link in this phase", now);
    Vec::new()
}

/// A page of the script pane (less a line kept for context), as far as its text goes.
fn scroll_script(model: &mut Model, down: bool) -> Vec<Effect> {
    let script = model.layout.script;
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    let page = script.height.saturating_sub(1).max(1);
    s.script_scroll = if down {
        s.script_scroll.saturating_add(page).min(script.max_scroll)
    } else {
        s.script_scroll.saturating_sub(page)
    };
    Vec::new()
}

fn search(model: &mut Model, edit: SearchEdit) -> Vec<Effect> {
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    let Some(search) = &mut s.search else {
        return Vec::new();
    };
    match edit {
        SearchEdit::Type(c) => search.push(c),
        SearchEdit::DeleteBack => search.pop(),
        SearchEdit::Next => {
            let at = s.interview.current_index();
            search.next_in(&mut s.notes[at]);
        }
        SearchEdit::Close => {
            s.search = None;
            s.current_notes_mut().mark_found(None);
            return Vec::new();
        }
    }
    refresh_search(s);
    Vec::new()
}

/// Marks the search's matches in the current notes and counts them.
fn refresh_search(s: &mut InterviewScreen) {
    let at = s.interview.current_index();
    if let Some(search) = &mut s.search {
        s.notes[at].mark_found(search.pattern());
        search.count_in(&s.notes[at]);
    }
}

fn scroll_help(model: &mut Model, lines: i16) {
    if let Some(Overlay::Help { scroll: at }) = &mut model.overlay {
        let max = model.layout.help_max_scroll;
        *at = at.saturating_add_signed(lines).min(max);
    }
}

/// The wheel scrolls what is under the pointer: the key list while it is open, the script,
/// or the notes (their cursor follows, as in vim).
fn wheel(model: &mut Model, at: (u16, u16), lines: i16) -> Vec<Effect> {
    if matches!(model.overlay, Some(Overlay::Help { .. })) {
        scroll_help(model, lines);
        return Vec::new();
    }
    if model.overlay.is_some() {
        return Vec::new();
    }
    let layout = &model.layout;
    let (script, notes) = (layout.script_area, layout.notes_area);
    let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position::new(at.0, at.1));
    let Screen::Interview(s) = &mut model.screen else {
        return Vec::new();
    };
    if inside(script) {
        let max = layout.script.max_scroll;
        s.script_scroll = s.script_scroll.saturating_add_signed(lines).min(max);
        Vec::new()
    } else if inside(notes) {
        let edit = if lines < 0 {
            NotesEdit::Up
        } else {
            NotesEdit::Down
        };
        let notes = s.current_notes_mut();
        for _ in 0..lines.unsigned_abs() {
            notes.apply(edit);
        }
        Vec::new()
    } else {
        Vec::new()
    }
}

/// A click on a phase of the strip goes to that phase.
fn click(model: &mut Model, (column, row): (u16, u16), now: Instant) -> Vec<Effect> {
    if model.overlay.is_some() {
        return Vec::new();
    }
    let strip = &model.layout.strip;
    let Some(index) = strip
        .phases
        .iter()
        .position(|(from, to)| row == strip.row && (*from..*to).contains(&column))
    else {
        return Vec::new();
    };
    move_phase(
        model,
        now,
        |interview, now| interview.go_to(index, now),
        None,
    )
}
