//! Every action through `update`: what it does to the model and which effects it returns.
//! No terminal, no disk; the clock is passed in.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::{PhaseKind, Plan, QuestionChoice};
use interview_console::store::autosave::SaveStatus;
use interview_console::tui::action::{Action, Effect, HelpScroll, SearchEdit, SetupAction};
use interview_console::tui::keymap;
use interview_console::tui::model::{
    DONE_LIFETIME, InterviewScreen, MAX_WAIT, Model, NotesKeys, Overlay, PROBLEM_LIFETIME,
    SAVE_AFTER_EDIT, Screen, Tone, Ui, WallClock,
};
use interview_console::tui::notes::NotesEdit;
use interview_console::tui::setup_form::{Field, Prefill};
use interview_console::tui::update::update;
use interview_console::tui::view::{Layout, ScriptView, StripSpots};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

const fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn started_at() -> DateTime<Utc> {
    "2026-11-29T14:00:00Z".parse().unwrap()
}

fn wall(t0: Instant) -> WallClock {
    WallClock {
        instant: t0,
        utc: started_at(),
        // Two hours east: wall-clock stamps are local time.
        offset: chrono::FixedOffset::east_opt(2 * 3600).unwrap(),
    }
}

fn plan(guide: &Guide) -> Plan {
    let role = find_role(guide, "pentest").unwrap();
    let choice = QuestionChoice::default_for(guide, role);
    Plan::new(guide, role, "Sam Lee", "Alex", 60, &choice).unwrap()
}

/// An interview on the intro, its first save already handed over.
fn interview(t0: Instant) -> Model {
    let guide = Guide::builtin().unwrap();
    let plan = plan(&guide);
    let mut model = Model::started(guide, plan, wall(t0));
    assert_eq!(saves(&update(&mut model, Action::Timer, t0)), 1);
    model
}

fn screen(model: &Model) -> &InterviewScreen {
    model.interview().expect("the interview has begun")
}

fn notes(model: &Model) -> Vec<String> {
    screen(model).current_notes().lines()
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(_)))
        .count()
}

/// The snapshot of the only save among `effects`.
fn saved(effects: &[Effect]) -> &interview_console::interview::session::SessionSnapshot {
    let found: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(s) => Some(s.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(found.len(), 1, "{effects:?}");
    found[0]
}

#[test]
fn typing_and_pasting_go_into_the_current_notes_and_are_saved_soon_not_at_once() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    assert_eq!(
        update(&mut model, Action::Type("found SSRF".into()), t0),
        []
    );
    assert_eq!(
        update(&mut model, Action::Paste("\r\nline two".into()), t0),
        []
    );
    assert_eq!(notes(&model), ["found SSRF", "line two"]);
    assert_eq!(model.saving.due, Some(t0 + SAVE_AFTER_EDIT));
    assert_eq!(model.until_next_wake(t0), SAVE_AFTER_EDIT);
    // More typing does not put the save off.
    update(
        &mut model,
        Action::Type("!".into()),
        t0 + secs(0) + SAVE_AFTER_EDIT / 2,
    );
    assert_eq!(model.saving.due, Some(t0 + SAVE_AFTER_EDIT));
    assert_eq!(update(&mut model, Action::Timer, t0), [], "not due yet");
    let effects = update(&mut model, Action::Timer, t0 + SAVE_AFTER_EDIT);
    assert_eq!(saved(&effects).notes[0], ["found SSRF", "line two!"]);
    assert_eq!(model.saving.due, None);
}

#[test]
fn editing_keys_change_the_notes_through_the_editor() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::Type("one two".into()), t0);
    for edit in [NotesEdit::DeleteWordBack, NotesEdit::DeleteBack] {
        update(&mut model, Action::Edit(edit), t0);
    }
    assert_eq!(notes(&model), ["one"]);
    update(&mut model, Action::Edit(NotesEdit::Undo), t0);
    assert_eq!(notes(&model), ["one "]);
    update(&mut model, Action::Edit(NotesEdit::LineStart), t0);
    update(&mut model, Action::Edit(NotesEdit::DeleteToLineEnd), t0);
    update(&mut model, Action::Edit(NotesEdit::PutBack), t0);
    assert_eq!(notes(&model), ["one "]);
    assert!(model.saving.due.is_some(), "an edit is saved soon");
}

#[test]
fn stamping_inserts_interview_time() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::StampTime, t0 + secs(17 * 60 + 36));
    assert_eq!(notes(&model), ["[17:36] "]);
}

#[test]
fn moving_between_phases_saves_at_once_and_keeps_notes_with_their_phase() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    model.footer.notice = Some("Unfinished: resume x".into());
    update(&mut model, Action::Type("intro note".into()), t0);
    let effects = update(&mut model, Action::NextPhase, t0 + secs(60));
    let snapshot = saved(&effects);
    assert_eq!(snapshot.progress.current, 1);
    assert_eq!(snapshot.notes[0], ["intro note"]);
    assert_eq!(model.saving.due, None, "saved with the move");
    assert_eq!(
        model.footer.notice, None,
        "a standing notice goes at the first move"
    );
    assert_eq!(notes(&model), [""]);
    let effects = update(&mut model, Action::PreviousPhase, t0 + secs(70));
    assert_eq!(saved(&effects).progress.current, 0);
    assert_eq!(notes(&model), ["intro note"]);

    assert_eq!(update(&mut model, Action::PreviousPhase, t0), []);
    assert_eq!(model.footer.text(), Some("This is the first phase"));
    for _ in 0..7 {
        update(&mut model, Action::NextPhase, t0);
    }
    assert_eq!(screen(&model).interview.current().kind, PhaseKind::WrapUp);
    assert_eq!(update(&mut model, Action::NextPhase, t0), []);
    assert_eq!(model.footer.text(), Some("This is the last phase"));
}

#[test]
fn a_key_clears_the_last_message_and_the_runtime_does_not() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::PreviousPhase, t0);
    assert!(model.footer.message.is_some());
    update(&mut model, Action::Timer, t0);
    update(&mut model, Action::Drawn(Layout::default()), t0);
    update(&mut model, Action::SaveStatus(SaveStatus::default()), t0);
    assert!(
        model.footer.message.is_some(),
        "the runtime's actions leave it"
    );
    update(&mut model, Action::Type("x".into()), t0);
    assert_eq!(model.footer.message, None);
}

#[test]
fn pausing_stops_the_clock_saves_and_says_so() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    let effects = update(&mut model, Action::TogglePause, t0 + secs(90));
    assert!(saved(&effects).progress.paused);
    assert!(screen(&model).interview.is_paused());
    assert_eq!(model.footer.text(), Some("Clock paused: F5 resumes"));
    assert_eq!(model.until_next_wake(t0 + secs(95)), MAX_WAIT);
    let effects = update(&mut model, Action::TogglePause, t0 + secs(100));
    assert!(!saved(&effects).progress.paused);
    assert_eq!(screen(&model).interview.elapsed(t0 + secs(110)), secs(100));
}

#[test]
fn rating_keys_rate_the_question_or_the_recommendation_and_save() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    assert_eq!(
        update(&mut model, Action::Rate(2), t0),
        saves_now(&model, t0)
    );
    assert_eq!(
        model.footer.text(),
        Some("Ratings are for questions and the wrap-up")
    );
    update(&mut model, Action::NextPhase, t0);
    let effects = update(&mut model, Action::Rate(2), t0);
    assert_eq!(saved(&effects).progress.ratings[0], Some(2));
    assert_eq!(model.footer.text(), Some("Q1 rating: Yes"));
    update(&mut model, Action::Rate(8), t0);
    assert_eq!(
        model.footer.text(),
        Some("The scale has 4 ratings: Alt+1 … Alt+4")
    );
    let effects = update(&mut model, Action::ClearRating, t0);
    assert_eq!(saved(&effects).progress.ratings[0], None);
    for _ in 0..6 {
        update(&mut model, Action::NextPhase, t0);
    }
    let effects = update(&mut model, Action::Rate(3), t0);
    assert_eq!(saved(&effects).progress.recommendation, Some(3));
    assert_eq!(model.footer.text(), Some("Recommendation: Strong yes"));
}

/// What a save right now returns.
fn saves_now(model: &Model, now: Instant) -> Vec<Effect> {
    vec![Effect::Save(Box::new(model.snapshot(now).unwrap()))]
}

#[test]
fn the_guidelines_link_is_copied_or_opened_by_the_runtime() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    assert_eq!(update(&mut model, Action::CopyLink, t0), []);
    assert_eq!(
        model.footer.text(),
        Some("No guidelines link in this phase")
    );
    assert_eq!(update(&mut model, Action::OpenLink, t0), []);
    update(&mut model, Action::NextPhase, t0);
    let url = screen(&model).interview.plan().questions[0]
        .guidelines_url
        .clone()
        .unwrap();
    assert_eq!(
        update(&mut model, Action::CopyLink, t0),
        [Effect::Copy(url.clone())]
    );
    assert_eq!(model.footer.text(), Some("Guidelines link copied"));
    assert_eq!(
        update(&mut model, Action::OpenLink, t0),
        [Effect::OpenLink(url)]
    );
    update(&mut model, Action::LinkOpened(Ok(())), t0);
    assert_eq!(
        model.footer.text(),
        Some("Opening the guidelines in the browser")
    );
    update(
        &mut model,
        Action::LinkOpened(Err("no xdg-open".into())),
        t0,
    );
    assert_eq!(
        model.footer.text(),
        Some("Could not open the link (no xdg-open); Ctrl+L copies it")
    );
}

#[test]
fn the_scorecard_is_written_and_the_session_saved_from_one_snapshot() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::Type("note".into()), t0);
    let effects = update(&mut model, Action::WriteScorecard, t0);
    let [Effect::WriteScorecard(written), Effect::Save(saved)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(written, saved);
    assert_eq!(saved.notes[0], ["note"]);
    assert_eq!(model.saving.due, None);
    update(
        &mut model,
        Action::ScorecardWritten(Ok(PathBuf::from("/data/exports/x.md"))),
        t0,
    );
    assert_eq!(
        model.footer.text(),
        Some("Scorecard copied and written to /data/exports/x.md")
    );
    update(
        &mut model,
        Action::ScorecardWritten(Err("disk full".into())),
        t0,
    );
    assert_eq!(
        model.footer.text(),
        Some("Scorecard copied; not written: disk full")
    );
}

#[test]
fn the_script_scrolls_by_the_page_the_last_frame_had_and_stops_at_its_end() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    let layout = Layout {
        script: ScriptView {
            height: 10,
            max_scroll: 12,
        },
        ..Layout::default()
    };
    update(&mut model, Action::Drawn(layout), t0);
    update(&mut model, Action::ScrollScriptDown, t0);
    assert_eq!(screen(&model).script_scroll, 9, "a page less a line");
    update(&mut model, Action::ScrollScriptDown, t0);
    assert_eq!(screen(&model).script_scroll, 12, "no further than the text");
    update(&mut model, Action::ScrollScriptUp, t0);
    assert_eq!(screen(&model).script_scroll, 3);
    update(&mut model, Action::NextPhase, t0);
    assert_eq!(
        screen(&model).script_scroll,
        0,
        "a new phase starts at the top"
    );
}

#[test]
fn search_finds_counts_moves_and_closes() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(
        &mut model,
        Action::Paste("SSRF in the renderer\nno match here\nanother ssrf".into()),
        t0,
    );
    update(&mut model, Action::OpenSearch, t0);
    for c in "ssrf".chars() {
        update(&mut model, Action::Search(SearchEdit::Type(c)), t0);
    }
    let search = screen(&model).search.as_ref().unwrap();
    assert_eq!(
        (search.query(), search.matches, search.at),
        ("ssrf", 2, None)
    );
    // Typing into the search does not touch the notes.
    assert_eq!(notes(&model).len(), 3);
    update(&mut model, Action::Search(SearchEdit::Next), t0);
    assert_eq!(screen(&model).search.as_ref().unwrap().at, Some(1));
    update(&mut model, Action::Search(SearchEdit::Next), t0);
    assert_eq!(screen(&model).search.as_ref().unwrap().at, Some(2));
    update(&mut model, Action::Search(SearchEdit::Next), t0);
    assert_eq!(
        screen(&model).search.as_ref().unwrap().at,
        Some(1),
        "from the top after the last"
    );
    update(&mut model, Action::Paste("x\ny".into()), t0);
    assert_eq!(screen(&model).search.as_ref().unwrap().query(), "ssrfx");
    assert_eq!(screen(&model).search.as_ref().unwrap().matches, 0);
    update(&mut model, Action::Search(SearchEdit::DeleteBack), t0);
    assert_eq!(screen(&model).search.as_ref().unwrap().matches, 2);
    update(&mut model, Action::Search(SearchEdit::Close), t0);
    assert!(screen(&model).search.is_none());
    // The cursor stayed on the first match: typing lands there.
    update(&mut model, Action::Type(">".into()), t0);
    assert_eq!(notes(&model)[0], ">SSRF in the renderer");
}

#[test]
fn a_phase_change_closes_the_search() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::OpenSearch, t0);
    update(&mut model, Action::NextPhase, t0);
    assert!(screen(&model).search.is_none());
}

#[test]
fn the_setup_form_takes_its_keys_and_starting_begins_the_session() {
    let t0 = Instant::now();
    let prefill = Prefill {
        interviewer: Some("alex".into()),
        ..Prefill::default()
    };
    let mut model = Model::new(Guide::builtin().unwrap(), prefill, wall(t0));
    let setup = |model: &mut Model, action| update(model, Action::Setup(action), t0);
    assert_eq!(setup(&mut model, SetupAction::Right), []);
    setup(&mut model, SetupAction::NextField);
    for c in "Sam Lex".chars() {
        setup(&mut model, SetupAction::Type(c));
    }
    setup(&mut model, SetupAction::DeleteBack);
    setup(&mut model, SetupAction::Type('e'));
    setup(&mut model, SetupAction::NextField);
    setup(&mut model, SetupAction::NextField);
    setup(&mut model, SetupAction::Left);
    setup(&mut model, SetupAction::NextField);
    setup(&mut model, SetupAction::Toggle);
    setup(&mut model, SetupAction::MoveDown);
    setup(&mut model, SetupAction::PreviousField);
    let Screen::Setup(form) = &model.screen else {
        panic!("still on the setup screen")
    };
    assert_eq!(form.candidate, "Sam Lee");
    assert_eq!(form.minutes, 55);
    assert_eq!(form.focus, Field::Questions, "↑ moved in the list first");
    assert_eq!(form.cursor, 0);
    assert_eq!(form.choice.chosen_count(), 4);
    assert!(model.session.is_none());

    let effects = setup(&mut model, SetupAction::Start);
    let snapshot = saved(&effects);
    assert_eq!(snapshot.plan.candidate, "Sam Lee");
    assert_eq!(
        snapshot.plan.role.as_ref().map(|r| r.id.as_str()),
        Some("secops")
    );
    assert_eq!(snapshot.plan.questions.len(), 4);
    assert_eq!(snapshot.header.started_at, started_at());
    assert_eq!(snapshot.header.id, "", "the writer gives it its id");
    assert!(matches!(model.screen, Screen::Interview(_)));
}

#[test]
fn setup_actions_after_the_start_and_interview_actions_before_it_do_nothing() {
    let t0 = Instant::now();
    let mut model = Model::new(Guide::builtin().unwrap(), Prefill::default(), wall(t0));
    for action in [
        Action::Type("x".into()),
        Action::Edit(NotesEdit::Undo),
        Action::StampTime,
        Action::NextPhase,
        Action::Rate(1),
        Action::WriteScorecard,
        Action::OpenSearch,
        Action::Timer,
    ] {
        assert_eq!(update(&mut model, action.clone(), t0), [], "{action:?}");
    }
    assert!(matches!(model.screen, Screen::Setup(_)));
    let mut model = interview(t0);
    assert_eq!(
        update(&mut model, Action::Setup(SetupAction::Start), t0),
        []
    );
}

#[test]
fn help_opens_scrolls_within_what_the_frame_allows_and_closes() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::ShowHelp, t0);
    assert_eq!(model.overlay, Some(Overlay::Help { scroll: 0 }));
    update(
        &mut model,
        Action::Drawn(Layout {
            help_max_scroll: 14,
            ..Layout::default()
        }),
        t0,
    );
    update(&mut model, Action::ScrollHelp(HelpScroll::PageDown), t0);
    update(&mut model, Action::ScrollHelp(HelpScroll::LineDown), t0);
    assert_eq!(model.overlay, Some(Overlay::Help { scroll: 11 }));
    update(&mut model, Action::ScrollHelp(HelpScroll::PageDown), t0);
    assert_eq!(model.overlay, Some(Overlay::Help { scroll: 14 }));
    update(&mut model, Action::ScrollHelp(HelpScroll::LineUp), t0);
    update(&mut model, Action::ScrollHelp(HelpScroll::PageUp), t0);
    assert_eq!(model.overlay, Some(Overlay::Help { scroll: 3 }));
    update(&mut model, Action::CloseHelp, t0);
    assert_eq!(model.overlay, None);
}

#[test]
fn quitting_asks_first_and_leaves_the_interview_in_progress_before_the_wrap_up() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    assert_eq!(update(&mut model, Action::AskToQuit, t0), []);
    assert_eq!(model.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(update(&mut model, Action::Paste("x".into()), t0), []);
    assert_eq!(notes(&model), [""], "a paste does not answer the question");
    assert_eq!(update(&mut model, Action::StayOpen, t0), []);
    assert_eq!(model.overlay, None);
    assert_eq!(update(&mut model, Action::Quit, t0), [Effect::Quit]);
    assert!(!model.snapshot(t0).unwrap().finished, "in progress");

    let mut setup = Model::new(Guide::builtin().unwrap(), Prefill::default(), wall(t0));
    update(&mut setup, Action::AskToQuit, t0);
    assert_eq!(setup.overlay, Some(Overlay::ConfirmQuit));
}

/// An interview on its wrap-up.
fn on_wrap_up(t0: Instant) -> Model {
    let mut model = interview(t0);
    for _ in 0..7 {
        update(&mut model, Action::NextPhase, t0);
    }
    assert_eq!(screen(&model).interview.current().kind, PhaseKind::WrapUp);
    model
}

#[test]
fn leaving_from_the_wrap_up_checks_first_then_finishes_goes_back_or_leaves_it() {
    let t0 = Instant::now();
    let mut model = on_wrap_up(t0);
    update(&mut model, Action::AskToQuit, t0);
    assert_eq!(model.overlay, Some(Overlay::FinishCheck));
    assert_eq!(update(&mut model, Action::Paste("x".into()), t0), []);
    assert_eq!(notes(&model), [""], "a paste does not answer the check");
    assert_eq!(update(&mut model, Action::StayOpen, t0), [], "go back");
    assert_eq!(model.overlay, None);

    update(&mut model, Action::AskToQuit, t0);
    assert_eq!(
        update(&mut model, Action::LeaveInProgress, t0),
        [Effect::Quit]
    );
    assert!(!model.snapshot(t0).unwrap().finished, "left in progress");

    let mut model = on_wrap_up(t0);
    update(&mut model, Action::AskToQuit, t0);
    assert_eq!(
        update(&mut model, Action::FinishAndQuit, t0 + secs(60)),
        [Effect::Quit]
    );
    let snapshot = model.snapshot(t0 + secs(600)).unwrap();
    assert!(snapshot.finished);
    assert!(!snapshot.progress.paused);
    assert_eq!(
        screen(&model).interview.elapsed(t0 + secs(600)),
        secs(60),
        "the clock stopped at the finish"
    );
    // A finished interview has nothing left to check: quitting asks only that.
    update(&mut model, Action::AskToQuit, t0 + secs(600));
    assert_eq!(model.overlay, Some(Overlay::ConfirmQuit));
}

#[test]
fn a_finished_interview_resumes_finished_and_reopens_only_when_asked() {
    let t0 = Instant::now();
    let mut model = on_wrap_up(t0);
    update(&mut model, Action::AskToQuit, t0 + secs(3_000));
    update(&mut model, Action::FinishAndQuit, t0 + secs(3_000));
    let snapshot = model.snapshot(t0 + secs(3_000)).unwrap();

    let t1 = t0 + secs(86_400);
    let mut resumed = Model::resumed(
        Guide::builtin().unwrap(),
        snapshot,
        Some(secs(600)),
        wall(t1),
    )
    .unwrap();
    assert!(screen(&resumed).interview.is_finished());
    assert_eq!(
        screen(&resumed).interview.elapsed(t1 + secs(900)),
        secs(3_000),
        "the gap is not counted, and the clock does not run"
    );
    assert!(
        resumed
            .footer
            .text()
            .unwrap()
            .starts_with("Finished: notes still editable, clock stopped"),
        "{:?}",
        resumed.footer.text()
    );
    update(&mut resumed, Action::Timer, t1);
    assert_eq!(
        resumed.until_next_wake(t1 + secs(900)),
        MAX_WAIT,
        "no ticks"
    );
    // Notes are still taken.
    update(&mut resumed, Action::Type("one more thing".into()), t1);
    assert_eq!(notes(&resumed), ["one more thing"]);
    // The clock does not pause or run.
    assert_eq!(update(&mut resumed, Action::TogglePause, t1), []);
    assert!(!screen(&resumed).interview.is_paused());
    assert!(resumed.footer.text().unwrap().contains("Alt+R reopens it"));
    assert!(resumed.snapshot(t1).unwrap().finished);

    let effects = update(&mut resumed, Action::Reopen, t1 + secs(60));
    let snapshot = saved(&effects);
    assert!(!snapshot.finished, "saved in progress at once");
    assert_eq!(
        resumed.footer.text(),
        Some("Reopened: in progress, the clock runs on from 50:00")
    );
    assert_eq!(
        screen(&resumed).interview.elapsed(t1 + secs(120)),
        secs(3_060)
    );
    assert_eq!(update(&mut resumed, Action::Reopen, t1), []);
    assert_eq!(
        resumed.footer.text(),
        Some("The interview is in progress: nothing to reopen")
    );
}

#[test]
fn the_wall_clock_stamp_is_local_time() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::StampWallClock, t0 + secs(90));
    // 14:00 UTC, two hours east, a minute and a half later.
    assert_eq!(notes(&model), ["[16:01:30] "]);
    assert!(model.saving.due.is_some(), "an edit: saved soon");
}

#[test]
fn the_handoff_note_takes_the_typing_while_open_and_is_saved_with_the_session() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::NextPhase, t0);
    update(&mut model, Action::Type("Q1 note".into()), t0);
    update(&mut model, Action::OpenSearch, t0);
    update(&mut model, Action::OpenHandoff, t0);
    assert!(screen(&model).search.is_none(), "the search gives way");
    assert!(screen(&model).handoff_open);
    use interview_console::tui::keymap::Context;
    assert_eq!(
        model.key_contexts(),
        [Context::Handoff, Context::Anywhere, Context::Notes]
    );
    update(
        &mut model,
        Action::Type("Probe the on-call story".into()),
        t0,
    );
    update(&mut model, Action::Edit(NotesEdit::DeleteWordBack), t0);
    update(&mut model, Action::StampTime, t0 + secs(65));
    assert_eq!(notes(&model), ["Probe the on-call [01:05] "]);
    update(&mut model, Action::CloseHandoff, t0);
    assert!(!screen(&model).handoff_open);
    assert_eq!(
        notes(&model),
        ["Q1 note"],
        "the phase's notes, as they were"
    );
    let effects = update(&mut model, Action::Timer, t0 + secs(65) + SAVE_AFTER_EDIT);
    let snapshot = saved(&effects);
    assert_eq!(snapshot.handoff, ["Probe the on-call [01:05] "]);
    assert_eq!(snapshot.notes[1], ["Q1 note"]);
    // Whatever the phase, the same note.
    update(&mut model, Action::NextPhase, t0);
    update(&mut model, Action::OpenHandoff, t0);
    assert_eq!(notes(&model), ["Probe the on-call [01:05] "]);
}

#[test]
fn a_message_fades_by_itself_and_the_loop_wakes_for_it() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::TogglePause, t0);
    assert_eq!(model.footer.text(), Some("Clock paused: F5 resumes"));
    let message = model.footer.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Done);
    assert!(message.is_shown(t0 + DONE_LIFETIME - secs(1)));
    // The clock is paused: the loop wakes when the message goes, not a second later.
    let almost = DONE_LIFETIME - Duration::from_millis(300);
    assert_eq!(
        model.until_next_wake(t0 + almost),
        Duration::from_millis(300)
    );
    update(&mut model, Action::Timer, t0 + DONE_LIFETIME - secs(1));
    assert!(model.footer.message.is_some());
    update(&mut model, Action::Timer, t0 + DONE_LIFETIME);
    assert_eq!(model.footer.message, None, "faded");
    assert_eq!(model.until_next_wake(t0 + DONE_LIFETIME), MAX_WAIT);

    update(
        &mut model,
        Action::LinkOpened(Err("no xdg-open".into())),
        t0,
    );
    let problem = model.footer.message.clone().unwrap();
    assert_eq!(problem.tone, Tone::Problem);
    assert!(problem.is_shown(t0 + PROBLEM_LIFETIME - secs(1)));
    assert!(!problem.is_shown(t0 + PROBLEM_LIFETIME));
}

/// An interview of a 16-minute plan with one question, on that question from 00:32: the
/// built-in guide's reminder to leave time for their questions comes at 06:00.
fn sixteen_minutes(t0: Instant) -> Model {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::from_ids(&guide, role, &["improve-practice".into()]).unwrap();
    let plan = Plan::new(&guide, role, "Sam Lee", "Alex", 16, &choice).unwrap();
    let mut model = Model::started(guide, plan, wall(t0));
    update(&mut model, Action::Timer, t0);
    update(&mut model, Action::NextPhase, t0 + secs(32));
    model
}

#[test]
fn a_reminder_that_comes_rings_the_bell_once_when_asked_to() {
    let t0 = Instant::now();
    let bells = |effects: &[Effect]| effects.iter().filter(|e| **e == Effect::Bell).count();
    let mut quiet = sixteen_minutes(t0);
    assert_eq!(
        bells(&update(&mut quiet, Action::Timer, t0 + secs(361))),
        0,
        "off by default"
    );

    let mut model = sixteen_minutes(t0);
    model.ui.bell = true;
    assert_eq!(bells(&update(&mut model, Action::Timer, t0 + secs(40))), 0);
    // 80 % of the question's minute: the check on the first answer.
    assert_eq!(bells(&update(&mut model, Action::Timer, t0 + secs(80))), 1);
    assert_eq!(bells(&update(&mut model, Action::Timer, t0 + secs(359))), 0);
    assert_eq!(bells(&update(&mut model, Action::Timer, t0 + secs(361))), 1);
    assert_eq!(
        bells(&update(&mut model, Action::Timer, t0 + secs(362))),
        0,
        "once for each reminder"
    );
    // Past the planned end the console's own reminder comes: a new one.
    assert_eq!(bells(&update(&mut model, Action::Timer, t0 + secs(961))), 1);
}

#[test]
fn dismissing_takes_the_reminder_shown_and_leaves_the_next() {
    let t0 = Instant::now();
    let mut model = sixteen_minutes(t0);
    let due = |model: &Model, now| {
        model
            .reminders
            .due(&screen(model).interview, now)
            .into_iter()
            .map(|d| d.text)
            .collect::<Vec<_>>()
    };
    let now = t0 + secs(400);
    assert_eq!(
        due(&model, now),
        [
            "Leave time for their questions: the questions left no longer fit.",
            "End of the first answer: note what they said, not your impression."
        ]
    );
    assert_eq!(update(&mut model, Action::DismissReminder, now), []);
    assert_eq!(
        due(&model, now),
        ["End of the first answer: note what they said, not your impression."]
    );
    update(&mut model, Action::DismissReminder, now);
    assert_eq!(due(&model, now), Vec::<String>::new());
    update(&mut model, Action::DismissReminder, now);
    assert_eq!(model.footer.text(), Some("No reminder to dismiss"));
}

#[test]
fn the_runtime_tells_the_size_the_frame_and_how_saving_went() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::Paste(vec!["line"; 400].join("\n")), t0);
    update(
        &mut model,
        Action::Drawn(Layout {
            notes_rows: 7,
            ..Layout::default()
        }),
        t0,
    );
    assert_eq!(model.layout.notes_rows, 7);
    // An edit settles the window to a page either side of the cursor: 7 rows now.
    update(&mut model, Action::Type("!".into()), t0);
    let window = screen(&model).current_notes().text_area().lines().len();
    assert!(window <= 7 + 3 + 1, "{window}");
    update(&mut model, Action::Resized { rows: 100 }, t0);
    assert!(
        screen(&model).current_notes().text_area().lines().len() > window,
        "a taller terminal: the notes' window holds more"
    );

    let status = SaveStatus {
        saved_at: Some(t0),
        error: None,
        saved_as: Some("20261129-1400-sam-lee".parse().unwrap()),
    };
    assert_eq!(
        update(&mut model, Action::SaveStatus(status.clone()), t0),
        []
    );
    assert_eq!(model.saving.status, status);
    assert_eq!(
        model.session.as_ref().unwrap().id,
        "20261129-1400-sam-lee",
        "snapshots from now on carry the id the writer gave"
    );
}

/// The model with other settings, as the config file would give them.
fn configured(model: Model, configure: impl FnOnce(&mut Ui)) -> Model {
    let mut ui = Ui::default();
    configure(&mut ui);
    model.configured(ui)
}

#[test]
fn the_rating_question_opens_only_where_ratings_go_and_a_digit_closes_it() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    assert_eq!(update(&mut model, Action::AskRating, t0), []);
    assert_eq!(model.overlay, None, "not on the intro");
    assert_eq!(
        model.footer.text(),
        Some("Ratings are for questions and the wrap-up")
    );
    update(&mut model, Action::NextPhase, t0);
    update(&mut model, Action::AskRating, t0);
    assert_eq!(model.overlay, Some(Overlay::Rating));
    assert_eq!(model.key_contexts(), keymap::RATING_KEYS);
    let effects = update(&mut model, Action::Rate(1), t0);
    assert_eq!(saved(&effects).progress.ratings[0], Some(1));
    assert_eq!(model.overlay, None);
    update(&mut model, Action::AskRating, t0);
    update(&mut model, Action::StayOpen, t0);
    assert_eq!(model.overlay, None, "any other key cancels");
    assert_eq!(screen(&model).interview.rating(0), Some(1));
}

#[test]
fn the_help_key_again_closes_the_help_and_the_search_key_again_finds_the_next() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(&mut model, Action::ShowHelp, t0);
    assert!(matches!(model.overlay, Some(Overlay::Help { .. })));
    update(&mut model, Action::ShowHelp, t0);
    assert_eq!(model.overlay, None);

    update(&mut model, Action::Type("ab\nab".into()), t0);
    update(&mut model, Action::OpenSearch, t0);
    for c in "ab".chars() {
        update(&mut model, Action::Search(SearchEdit::Type(c)), t0);
    }
    update(&mut model, Action::OpenSearch, t0);
    let search = screen(&model).search.as_ref().expect("still open");
    assert_eq!(search.query(), "ab", "the query stays");
    assert_eq!(search.at, Some(1), "from the end, round to the first match");
}

#[test]
fn messages_name_the_keys_in_force() {
    let t0 = Instant::now();
    let mut model = configured(interview(t0), |ui| {
        ui.keymap
            .rebind("toggle_pause", &["F7".into()])
            .expect("F7");
        ui.keymap.rebind("copy_link", &["F6".into()]).expect("F6");
        ui.keymap
            .rebind("rate", &["Ctrl+Alt+digit".into()])
            .expect("rate");
    });
    update(&mut model, Action::TogglePause, t0);
    assert_eq!(model.footer.text(), Some("Clock paused: F7 resumes"));
    update(
        &mut model,
        Action::LinkOpened(Err("no xdg-open".into())),
        t0,
    );
    assert_eq!(
        model.footer.text(),
        Some("Could not open the link (no xdg-open); F6 copies it")
    );
    update(&mut model, Action::NextPhase, t0);
    update(&mut model, Action::Rate(8), t0);
    assert_eq!(
        model.footer.text(),
        Some("The scale has 4 ratings: Ctrl+Alt+1 … Ctrl+Alt+4")
    );
}

#[test]
fn vim_keys_edit_the_notes_in_their_modes_and_are_saved_soon() {
    let t0 = Instant::now();
    let mut model = configured(interview(t0), |ui| ui.notes_keys = NotesKeys::Vim);
    let key = |c: char| Action::Vim(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let esc = Action::Vim(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(model.key_contexts(), keymap::VIM_NORMAL_KEYS);
    update(&mut model, key('i'), t0);
    assert_eq!(model.key_contexts(), keymap::VIM_INSERT_KEYS);
    update(&mut model, Action::Type("one two".into()), t0);
    update(&mut model, esc.clone(), t0);
    assert_eq!(model.key_contexts(), keymap::VIM_NORMAL_KEYS);
    for c in ['0', 'd', 'w'] {
        update(&mut model, key(c), t0);
    }
    assert_eq!(notes(&model), ["two"]);
    assert_eq!(model.saving.due, Some(t0 + SAVE_AFTER_EDIT));
    update(&mut model, key('u'), t0);
    assert_eq!(notes(&model), ["one two"]);
    // Esc in Normal mode stays in the interview, on the same phase.
    update(&mut model, esc, t0);
    assert_eq!(screen(&model).interview.current_index(), 0);
    assert_eq!(model.overlay, None);
}

#[test]
fn the_wheel_scrolls_the_pane_under_it_and_a_click_on_the_strip_moves_there() {
    let t0 = Instant::now();
    let mut model = interview(t0);
    update(
        &mut model,
        Action::Drawn(Layout {
            script: ScriptView {
                height: 10,
                max_scroll: 4,
            },
            script_area: Rect::new(0, 3, 80, 12),
            notes_area: Rect::new(0, 15, 80, 8),
            strip: StripSpots {
                row: 2,
                phases: vec![(1, 8), (10, 14), (16, 20)],
            },
            ..Layout::default()
        }),
        t0,
    );
    let wheel = |row, lines| Action::Wheel {
        column: 5,
        row,
        lines,
    };
    update(&mut model, wheel(5, 3), t0);
    assert_eq!(screen(&model).script_scroll, 3);
    update(&mut model, wheel(5, 3), t0);
    assert_eq!(screen(&model).script_scroll, 4, "no further than its end");
    update(&mut model, wheel(5, -3), t0);
    assert_eq!(screen(&model).script_scroll, 1);

    update(&mut model, Action::Type("a\nb\nc\nd".into()), t0);
    update(&mut model, wheel(18, -3), t0);
    update(&mut model, Action::Type("!".into()), t0);
    assert_eq!(
        notes(&model),
        ["a!", "b", "c", "d"],
        "the notes' cursor followed"
    );
    assert_eq!(screen(&model).script_scroll, 1, "the script stayed");
    update(&mut model, wheel(0, 3), t0);
    assert_eq!(
        screen(&model).script_scroll,
        1,
        "the header has nothing to scroll"
    );

    let effects = update(&mut model, Action::Click { column: 17, row: 2 }, t0);
    assert_eq!(screen(&model).interview.current_index(), 2);
    assert_eq!(saves(&effects), 1, "a move saves at once");
    update(&mut model, Action::Click { column: 9, row: 2 }, t0);
    assert_eq!(
        screen(&model).interview.current_index(),
        2,
        "between two phases"
    );

    // The key list takes the wheel while it is open, wherever the pointer is.
    model.layout.help_max_scroll = 20;
    update(&mut model, Action::ShowHelp, t0);
    update(&mut model, wheel(5, 3), t0);
    assert_eq!(model.overlay, Some(Overlay::Help { scroll: 3 }));
    update(&mut model, Action::Click { column: 2, row: 2 }, t0);
    assert_eq!(
        screen(&model).interview.current_index(),
        2,
        "not through it"
    );
}

#[test]
fn setup_names_take_line_editing_keys() {
    let t0 = Instant::now();
    let guide = Guide::builtin().unwrap();
    let mut model = Model::new(guide, Prefill::default(), wall(t0));
    let setup = |model: &mut Model, action| update(model, Action::Setup(action), t0);
    setup(&mut model, SetupAction::NextField);
    for c in "Sam Lee".chars() {
        setup(&mut model, SetupAction::Type(c));
    }
    setup(&mut model, SetupAction::Home);
    setup(&mut model, SetupAction::Type('>'));
    setup(&mut model, SetupAction::End);
    setup(&mut model, SetupAction::DeleteWordBack);
    let Screen::Setup(form) = &model.screen else {
        panic!("setup")
    };
    assert_eq!(form.candidate, ">Sam ");
    setup(&mut model, SetupAction::DeleteToStart);
    let Screen::Setup(form) = &model.screen else {
        panic!("setup")
    };
    assert_eq!(form.candidate, "");
    assert_eq!(form.focus, Field::Candidate);
}
