//! The console as an interviewer sees it: keys in, `TestBackend` buffers out, with the
//! clock held still.

mod support;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Color;

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::{Plan, QuestionChoice};
use interview_console::store::autosave::SaveStatus;
use interview_console::tui::action::{Action, Effect};
use interview_console::tui::input::handle_events;
use interview_console::tui::model::{Model, Screen, Ui, WallClock};
use interview_console::tui::setup_form::Prefill;
use interview_console::tui::update::update;
use interview_console::tui::view::style::ThemeName;
use interview_console::tui::view::{self, TickShape, ViewCache};
use support::buffers::{flowing_text, rows};

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

/// The console without a terminal: the model, what drawing keeps, and every effect asked
/// for so far, as the runtime would get them.
struct Console {
    model: Model,
    cache: ViewCache,
    effects: Vec<Effect>,
}

impl Console {
    fn new(model: Model) -> Console {
        Console {
            model,
            cache: ViewCache::default(),
            effects: Vec::new(),
        }
    }

    /// Handles one event; true when it was answered (the screen may have changed).
    fn handle(&mut self, event: &Event, now: Instant) -> bool {
        self.handle_all(std::slice::from_ref(event), now)
    }

    fn handle_all(&mut self, events: &[Event], now: Instant) -> bool {
        let handled = handle_events(&mut self.model, events.to_vec(), now);
        self.effects.extend(handled.effects);
        handled.answered
    }

    fn should_quit(&self) -> bool {
        self.effects.contains(&Effect::Quit)
    }

    fn take_clipboard(&mut self) -> Option<String> {
        let at = self
            .effects
            .iter()
            .position(|e| matches!(e, Effect::Copy(_)))?;
        match self.effects.remove(at) {
            Effect::Copy(text) => Some(text),
            _ => None,
        }
    }

    fn take_open_link(&mut self) -> Option<String> {
        let at = self
            .effects
            .iter()
            .position(|e| matches!(e, Effect::OpenLink(_)))?;
        match self.effects.remove(at) {
            Effect::OpenLink(url) => Some(url),
            _ => None,
        }
    }

    fn message(&self) -> Option<&str> {
        self.model.footer.text()
    }
}

fn wall(instant: Instant) -> WallClock {
    WallClock {
        instant,
        utc: chrono::Utc::now(),
        offset: chrono::FixedOffset::east_opt(0).unwrap(),
    }
}

fn started(t0: Instant) -> Console {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap().clone();
    let choice = QuestionChoice::default_for(&guide, &role);
    let plan = Plan::new(&guide, &role, "Sam Lee", "Alex", 60, &choice).unwrap();
    Console::new(Model::started(guide, plan, wall(t0)))
}

/// A frame as the runtime draws it: drawn, then what it told handed to the model.
fn draw(app: &mut Console, width: u16, height: u16, now: Instant) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut layout = None;
    terminal
        .draw(|frame| {
            layout = Some(view::draw(
                &app.model,
                &mut app.cache,
                frame.buffer_mut(),
                now,
            ));
        })
        .unwrap();
    update(&mut app.model, Action::Drawn(layout.unwrap()), now);
    terminal
}

fn press(app: &mut Console, code: KeyCode, modifiers: KeyModifiers, now: Instant) -> bool {
    app.handle(&Event::Key(KeyEvent::new(code, modifiers)), now)
}

fn ctrl(app: &mut Console, c: char, now: Instant) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL, now);
}

fn type_text(app: &mut Console, text: &str, now: Instant) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        press(app, code, KeyModifiers::NONE, now);
    }
}

fn notes(app: &Console, phase: usize) -> Vec<String> {
    match &app.model.screen {
        Screen::Interview(s) => s.notes[phase].lines().to_vec(),
        Screen::Setup(_) => panic!("not started"),
    }
}

fn current_phase(app: &Console) -> usize {
    match &app.model.screen {
        Screen::Interview(s) => s.interview.current_index(),
        Screen::Setup(_) => panic!("not started"),
    }
}

#[test]
fn intro_at_80x24_shows_the_statement_and_the_clock() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let terminal = draw(&mut app, 80, 24, t0 + Duration::from_secs(42));
    let text = flowing_text(terminal.backend().buffer());
    assert!(text.contains("You should say this, or something close to it, before beginning:"));
    // All three paragraphs, read aloud now, without scrolling; the notes are smaller.
    for paragraph in &Guide::builtin().unwrap().intro.statement {
        assert!(text.contains(paragraph.as_str()), "missing: {paragraph}");
    }
    assert!(text.contains("Notes · Intro"), "{text}");
    assert!(text.contains("00:42 / 60:00"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn intro_at_160x45_shows_all_three_paragraphs_and_the_reminders() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let terminal = draw(&mut app, 160, 45, t0);
    let text = flowing_text(terminal.backend().buffer());
    let guide = Guide::builtin().unwrap();
    for paragraph in guide.intro.statement.iter().chain(&guide.reminders) {
        assert!(text.contains(paragraph.as_str()), "missing: {paragraph}");
    }
    insta::assert_snapshot!(terminal.backend());
}

fn at_second_question(t0: Instant) -> (Console, Instant) {
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0 + mins(4));
    type_text(&mut app, "Led the move to SAST in CI\n", t0 + mins(5));
    ctrl(&mut app, 'n', t0 + mins(14));
    let now = t0 + mins(20) + Duration::from_secs(30);
    ctrl(&mut app, 't', now);
    type_text(
        &mut app,
        "found SSRF in the PDF renderer\n\"we chained it to the metadata service\"",
        now,
    );
    (app, now)
}

#[test]
fn a_question_at_80x24_is_verbatim_with_the_time_against_its_budget() {
    let t0 = Instant::now();
    let (mut app, now) = at_second_question(t0);
    let terminal = draw(&mut app, 80, 24, now);
    let text = flowing_text(terminal.backend().buffer());
    assert!(
        text.contains(
            "Tell me about how you have worked with a team to remediate a security issue."
        )
    );
    assert!(text.contains("Q2 06:30 / 09:00"), "{text}");
    assert!(text.contains("[20:30] found SSRF"), "{text}");
    // The words to say stand alone in their block; the aids, with the first follow-ups in
    // view, in another that says they are not to be read out.
    let screen = rows(terminal.backend().buffer());
    let say = screen
        .iter()
        .position(|r| r.contains("┌ Say exactly"))
        .unwrap();
    assert!(
        screen[say + 2].starts_with('└'),
        "one line of question: {screen:#?}"
    );
    let aids = screen
        .iter()
        .position(|r| r.contains("┌ For you, not to read out"))
        .unwrap();
    assert_eq!(aids, say + 3);
    assert!(screen[aids + 1].contains("Rating: ^D then 1 Strong no"));
    assert!(screen[aids + 2].contains("Dig deeper"));
    assert!(screen[aids + 3].contains("What was the issue, and how did you find out about it?"));
    assert!(screen[aids + 4].contains("What was your role on the team?"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_question_at_160x45_sits_beside_the_notes() {
    let t0 = Instant::now();
    let (mut app, now) = at_second_question(t0);
    let terminal = draw(&mut app, 160, 45, now);
    let top_row = &rows(terminal.backend().buffer())[3];
    assert!(
        top_row.contains("Say exactly") && top_row.contains("Notes · Q2"),
        "{top_row}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn an_overrun_phase_clock_turns_red() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let terminal = draw(&mut app, 80, 24, t0 + mins(10));
    let buffer = terminal.backend().buffer();
    assert_eq!(
        buffer[(column_of(buffer, 2, "10:00 / 09:00"), 2)].fg,
        Color::Red
    );
}

/// The issue's run: 16 minutes, one question, Ctrl+N at 00:32, rated at 00:33.
fn sixteen_minutes(t0: Instant) -> Console {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap().clone();
    let choice = QuestionChoice::from_ids(&guide, &role, &["improve-practice".into()]).unwrap();
    let plan = Plan::new(&guide, &role, "Sam Lee", "Alex", 16, &choice).unwrap();
    let mut app = Console::new(Model::started(guide, plan, wall(t0)));
    ctrl(&mut app, 'n', t0 + Duration::from_secs(32));
    alt(&mut app, '2', t0 + Duration::from_secs(33));
    app
}

/// A clock tick as the runtime draws it on `screen`, a whole frame drawn when `frame`
/// was its tick shape: only the tick's regions, each drawn on cleared cells of its own;
/// false, drawing nothing, when the tick needs a whole frame instead.
fn tick(app: &Console, screen: &mut Buffer, frame: Option<&TickShape>, now: Instant) -> bool {
    let Some(shape) = view::tick_shape(&app.model, screen.area, now) else {
        return false;
    };
    if Some(&shape) != frame {
        return false;
    }
    for (region, area) in shape.regions {
        let mut part = Buffer::empty(area);
        view::draw_clock_region(&app.model, region, screen.area, &mut part, now);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                screen[(x, y)] = part[(x, y)].clone();
            }
        }
    }
    true
}

/// How the screen came to show a moment.
#[derive(Debug, PartialEq, Eq)]
enum Drawn {
    /// A clock tick drew its parts alone.
    ByTick,
    /// The tick asked for a whole frame.
    Whole,
}

/// The footer as the clock leaves it at `now`, no key pressed since a frame at `drawn_at`:
/// a tick, or the whole frame it asks for; and which it was.
fn footer_after_tick(
    app: &mut Console,
    drawn_at: Instant,
    now: Instant,
) -> (String, Buffer, Drawn) {
    let mut buffer = draw(app, 80, 24, drawn_at).backend().buffer().clone();
    let shape = view::tick_shape(&app.model, buffer.area, drawn_at);
    let whole = draw(app, 80, 24, now).backend().buffer().clone();
    let drawn = if tick(app, &mut buffer, shape.as_ref(), now) {
        assert_eq!(rows(&buffer), rows(&whole), "a tick at {now:?}");
        Drawn::ByTick
    } else {
        buffer = whole;
        Drawn::Whole
    };
    (rows(&buffer)[23].clone(), buffer, drawn)
}

#[test]
fn a_reminder_comes_with_the_clock_over_an_old_message_and_stays_until_dismissed() {
    let t0 = Instant::now();
    let mut app = sixteen_minutes(t0);
    let at = |s: u64| t0 + Duration::from_secs(s);
    let (footer, _, drawn) = footer_after_tick(&mut app, at(33), at(34));
    assert!(footer.contains("Q1 rating: No"), "{footer}");
    assert_eq!(drawn, Drawn::ByTick, "the same message, the clock moved");
    // The rating's message fades; the check on the first answer (80 % of its minute) shows.
    let (footer, _, _) = footer_after_tick(&mut app, at(34), at(100));
    assert!(footer.contains("End of the first answer"), "{footer}");
    // At 6:00 only their ten minutes are left: the urgent reminder comes by itself.
    let (footer, buffer, _) = footer_after_tick(&mut app, at(100), at(361));
    assert!(
        footer.contains("Leave time for their questions: the questions left no longer fit."),
        "{footer}"
    );
    assert!(
        footer.contains("(+1) Alt+D"),
        "the key that dismisses it: {footer}"
    );
    let x = u16::try_from(footer.find("Leave").unwrap()).unwrap();
    assert_eq!(buffer[(x, 23)].bg, Color::Red, "urgent");
    // It stays, minutes later, with no key pressed; a second on, a tick draws the clock
    // beside it.
    let (footer, _, _) = footer_after_tick(&mut app, at(361), at(569));
    assert!(
        footer.contains("Leave time for their questions"),
        "{footer}"
    );
    let (_, _, drawn) = footer_after_tick(&mut app, at(569), at(570));
    assert_eq!(drawn, Drawn::ByTick);
    // Alt+D dismisses it: the next one shows.
    alt(&mut app, 'd', at(569));
    let (footer, _, _) = footer_after_tick(&mut app, at(569), at(570));
    assert!(footer.contains("End of the first answer"), "{footer}");
    alt(&mut app, 'd', at(570));
    let (footer, _, _) = footer_after_tick(&mut app, at(570), at(571));
    assert!(!footer.contains("End of the first answer"), "{footer}");
    // Past the planned end the console says so, over anything else.
    let (footer, _, _) = footer_after_tick(&mut app, at(571), at(16 * 60 + 5));
    assert!(
        footer.contains("Past the planned end: time for their questions."),
        "{footer}"
    );
}

/// Where `text` starts on row `y`, as a cell column.
fn column_of(buffer: &Buffer, y: usize, text: &str) -> u16 {
    let row = &rows(buffer)[y];
    let at = row
        .find(text)
        .unwrap_or_else(|| panic!("{text} not in {row}"));
    u16::try_from(row[..at].chars().count()).unwrap()
}

#[test]
fn the_clock_turns_amber_then_red_with_the_time_over_beside_it() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let at = |m: u64, s: u64| t0 + mins(m) + Duration::from_secs(s);
    let terminal = draw(&mut app, 80, 24, at(47, 59));
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(column_of(buffer, 0, "47:59"), 0)].fg, Color::Reset);
    let terminal = draw(&mut app, 80, 24, at(48, 0));
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(column_of(buffer, 0, "48:00"), 0)].fg, Color::Yellow);

    let terminal = draw(&mut app, 80, 24, at(62, 10));
    let buffer = terminal.backend().buffer();
    assert_eq!(
        buffer[(column_of(buffer, 0, "62:10 / 60:00"), 0)].fg,
        Color::Red
    );
    let over = column_of(buffer, 0, "+02:10 over");
    assert_eq!(buffer[(over, 0)].bg, Color::Red);
    assert!(
        rows(buffer)[1].contains("no time left"),
        "{}",
        rows(buffer)[1]
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_phase_over_its_budget_is_flagged_in_the_strip() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let terminal = draw(&mut app, 80, 24, t0 + mins(9));
    assert!(
        rows(terminal.backend().buffer())[2].contains("Q1 ● "),
        "on budget"
    );
    let terminal = draw(&mut app, 80, 24, t0 + mins(10));
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(column_of(buffer, 2, "Q1 ●!"), 2)].fg, Color::Red);
    alt(&mut app, '3', t0 + mins(10));
    ctrl(&mut app, 'n', t0 + mins(10));
    let terminal = draw(&mut app, 80, 24, t0 + mins(11));
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(column_of(buffer, 2, "Q1 ✓3!"), 2)].fg, Color::Red);
    assert_eq!(
        buffer[(column_of(buffer, 2, "Intro ✓"), 2)].fg,
        Color::Reset,
        "the intro kept to its budget"
    );
}

#[test]
fn wrap_up_lists_every_phase_with_its_time_and_notes() {
    let t0 = Instant::now();
    let (mut app, now) = at_second_question(t0);
    for _ in 0..5 {
        ctrl(&mut app, 'n', now);
    }
    let terminal = draw(&mut app, 160, 45, now);
    let text = flowing_text(terminal.backend().buffer());
    assert!(text.contains("Intro 04:00 / 05:00 no notes"), "{text}");
    assert!(text.contains("Q1 10:00 / 09:00 1 line"), "{text}");
    assert!(text.contains("Q2 06:30 / 09:00 2 lines"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_setup_screen_offers_the_roles_questions() {
    let guide = Guide::builtin().unwrap();
    let prefill = Prefill {
        interviewer: Some("alex".into()),
        ..Prefill::default()
    };
    let mut app = Console::new(Model::new(guide, prefill, wall(Instant::now())));
    let terminal = draw(&mut app, 80, 24, Instant::now());
    let text = flowing_text(terminal.backend().buffer());
    assert!(text.contains("Application Security Engineer"));
    assert!(text.contains("09:00 a question"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_tiny_terminal_gets_a_message_instead_of_a_broken_layout() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let terminal = draw(&mut app, 59, 16, t0);
    let text = flowing_text(terminal.backend().buffer());
    assert!(
        text.contains("Enlarge the terminal to at least 60×16 (now 59×16)."),
        "{text}"
    );
    let terminal = draw(&mut app, 60, 15, t0);
    assert!(flowing_text(terminal.backend().buffer()).contains("(now 60×15)"));
    let terminal = draw(&mut app, 60, 16, t0);
    assert!(!flowing_text(terminal.backend().buffer()).contains("Enlarge"));
    insta::assert_snapshot!(draw(&mut app, 40, 10, t0).backend());
}

#[test]
fn notes_stay_with_their_phase_moving_forward_and_back() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let last = 7;
    for phase in 0..=last {
        type_text(&mut app, &format!("note {phase}"), t0);
        if phase < last {
            ctrl(&mut app, 'n', t0);
        }
    }
    assert_eq!(current_phase(&app), last);
    for phase in (0..last).rev() {
        ctrl(&mut app, 'p', t0);
        assert_eq!(current_phase(&app), phase);
        type_text(&mut app, "+", t0);
    }
    for phase in 0..=last {
        let expected = if phase == last {
            format!("note {phase}")
        } else {
            format!("note {phase}+")
        };
        assert_eq!(notes(&app, phase), [expected]);
    }
}

#[test]
fn quitting_asks_first_and_the_answer_is_never_typed() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'q', t0);
    type_text(&mut app, "n", t0);
    assert!(!app.should_quit());
    assert_eq!(notes(&app, 0), [""], "the answer is not a note");
    ctrl(&mut app, 'q', t0);
    let screen = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(screen.contains("Quit the interview?"));
    type_text(&mut app, "y", t0);
    assert!(app.should_quit());
    assert_eq!(notes(&app, 0), [""]);
}

/// Everything the key list shows, scrolled from the top to its end at this size: the box's
/// columns only, so that what the screen behind it shows never comes between a wrapped
/// description's words.
fn help_text(app: &mut Console, width: u16, height: u16, now: Instant) -> String {
    let mut text = String::new();
    let boxed = width.min(78);
    let left = usize::from((width - boxed) / 2);
    for _ in 0..20 {
        let screen = rows(draw(app, width, height, now).backend().buffer());
        let page = screen
            .iter()
            .map(|r| {
                r.chars()
                    .skip(left)
                    .take(usize::from(boxed))
                    .collect::<String>()
            })
            .map(|r| r.replace(['│', '┌', '┐', '└', '┘', '─'], " "))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        text.push_str(&page);
        text.push(' ');
        if !page.contains("↓ more") && !page.contains("↓ more") {
            break;
        }
        press(app, KeyCode::PageDown, KeyModifiers::NONE, now);
    }
    text
}

#[test]
fn help_lists_every_key_and_typing_still_reaches_the_notes() {
    use interview_console::tui::keymap::{Context, Keymap};
    let t0 = Instant::now();
    let mut app = started(t0);
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE, t0);
    type_text(&mut app, "abc", t0);
    let text = help_text(&mut app, 160, 45, t0);
    let in_help = [
        Context::Interview,
        Context::Notes,
        Context::Search,
        Context::Rating,
        Context::Handoff,
        Context::Anywhere,
    ];
    let keymap = Keymap::default();
    for (keys, description) in in_help.iter().flat_map(|c| keymap.listed(*c)) {
        assert!(text.contains(&keys), "help lacks {keys}");
        assert!(
            text.contains(description),
            "help lacks {description} in {text}"
        );
    }
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE, t0);
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE, t0);

    // At 80×24 the list is taller than the screen: it scrolls, and says so.
    let small = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(
        small.contains("↓ more") && !small.contains("quit (confirm with y)"),
        "{small}"
    );
    for _ in 0..5 {
        press(&mut app, KeyCode::PageDown, KeyModifiers::NONE, t0);
    }
    let terminal = draw(&mut app, 80, 24, t0);
    let scrolled = flowing_text(terminal.backend().buffer());
    assert!(scrolled.contains("quit (confirm with y)"), "{scrolled}");
    insta::assert_snapshot!(terminal.backend());

    // Typing behind the list went into the notes, as it always does.
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE, t0);
    type_text(&mut app, "x", t0);
    assert_eq!(notes(&app, 0), ["abcx"]);
}

#[test]
fn the_footer_shows_the_key_tables_hints() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let terminal = draw(&mut app, 80, 24, t0);
    let footer = rows(terminal.backend().buffer()).pop().unwrap();
    let keymap = &app.model.ui.keymap;
    for (keys, word) in keymap.footer_hints(app.model.key_contexts()) {
        assert!(
            footer.contains(&format!("{keys} {word}")),
            "{footer} lacks {keys} {word}"
        );
    }
}

#[test]
fn key_releases_are_ignored_and_paste_goes_into_the_notes() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let mut release = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(!app.handle(&Event::Key(release), t0));
    app.handle(&Event::Paste("line one\r\nline two".into()), t0);
    assert_eq!(notes(&app, 0), ["line one", "line two"]);
}

#[test]
fn pause_stops_the_clock_on_screen() {
    let t0 = Instant::now();
    let mut app = started(t0);
    press(&mut app, KeyCode::F(5), KeyModifiers::NONE, t0 + mins(3));
    let text = flowing_text(draw(&mut app, 80, 24, t0 + mins(3)).backend().buffer());
    assert!(text.contains("Clock paused: F5 resumes"), "{text}");
    let text = flowing_text(draw(&mut app, 80, 24, t0 + mins(9)).backend().buffer());
    assert!(text.contains("⏸ 03:00 / 60:00"), "{text}");
    assert!(text.contains("clock paused"), "the message faded: {text}");
    update(&mut app.model, Action::Timer, t0 + mins(9));
    assert_eq!(
        app.model.until_next_wake(t0 + mins(9)),
        interview_console::tui::model::MAX_WAIT,
        "no clock ticks while paused, only the slow wake for signals"
    );
    press(
        &mut app,
        KeyCode::Char(' '),
        KeyModifiers::CONTROL,
        t0 + mins(9),
    );
    let text = flowing_text(draw(&mut app, 80, 24, t0 + mins(10)).backend().buffer());
    assert!(text.contains("▶ 04:00 / 60:00"), "{text}");
}

#[test]
fn page_down_scrolls_the_script_and_stops_at_its_end() {
    let t0 = Instant::now();
    let mut app = started(t0);
    draw(&mut app, 80, 24, t0);
    let view = app.model.layout.script;
    assert!(view.max_scroll > 0, "the intro does not fit at 80×24");
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE, t0);
    let Screen::Interview(s) = &app.model.screen else {
        panic!()
    };
    let page = view.height - 1; // a page, less one line for context
    assert_eq!(s.script_scroll, page.min(view.max_scroll));
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown, KeyModifiers::NONE, t0);
    }
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(
        text.contains("Remember to be as pleasant and friendly as you can be!"),
        "{text}"
    );
    press(&mut app, KeyCode::PageUp, KeyModifiers::NONE, t0);
    let Screen::Interview(s) = &app.model.screen else {
        panic!()
    };
    assert_eq!(s.script_scroll, view.max_scroll.saturating_sub(page));
}

#[test]
fn setup_starts_the_interview_on_the_intro() {
    let t0 = Instant::now();
    let prefill = Prefill {
        interviewer: Some("alex".into()),
        ..Prefill::default()
    };
    let mut app = Console::new(Model::new(Guide::builtin().unwrap(), prefill, wall(t0)));
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE, t0);
    type_text(&mut app, "Sam Lee", t0);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE, t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(
        text.contains("Infosec · Application Security Engineer · Sam Lee"),
        "{text}"
    );
    assert_eq!(current_phase(&app), 0);
}

fn alt(app: &mut Console, c: char, now: Instant) {
    press(app, KeyCode::Char(c), KeyModifiers::ALT, now);
}

#[test]
fn alt_digits_rate_questions_and_in_wrap_up_the_recommendation() {
    let t0 = Instant::now();
    let mut app = started(t0);
    alt(&mut app, '3', t0);
    assert_eq!(
        app.message(),
        Some("Ratings are for questions and the wrap-up")
    );

    ctrl(&mut app, 'n', t0);
    alt(&mut app, '3', t0);
    assert_eq!(app.message(), Some("Q1 rating: Yes"));
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(text.contains("Q1 ●3"), "{text}");
    assert!(text.contains("Rating: Yes"), "{text}");

    alt(&mut app, '9', t0);
    assert_eq!(
        app.message(),
        Some("The scale has 4 ratings: Alt+1 … Alt+4")
    );
    ctrl(&mut app, 'n', t0);
    alt(&mut app, '1', t0);
    alt(&mut app, '0', t0);
    assert_eq!(app.message(), Some("Q2 rating: cleared"));
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(text.contains("Q1 ✓3") && text.contains("Q2 ●"), "{text}");
    assert!(
        text.contains("Rating: ^D then 1 Strong no 2 No 3 Yes 4 Strong yes · Alt+1…"),
        "{text}"
    );

    for _ in 0..6 {
        ctrl(&mut app, 'n', t0);
    }
    alt(&mut app, '4', t0);
    assert_eq!(app.message(), Some("Recommendation: Strong yes"));
    let Screen::Interview(s) = &app.model.screen else {
        panic!()
    };
    assert_eq!(s.interview.recommendation(), Some(3));
    assert_eq!(s.interview.rating(0), Some(2));
    assert_eq!(s.interview.rating(1), None);
}

#[test]
fn impression_words_are_marked_as_typed_and_quotes_set_apart() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, "She seems smart\n\"I wrote the exploit\"", t0);
    assert_eq!(
        notes(&app, 1),
        ["She seems smart", "\"I wrote the exploit\""],
        "nothing rewritten"
    );
    let terminal = draw(&mut app, 80, 24, t0);
    let buffer = terminal.backend().buffer();
    let rows = rows(buffer);
    let y = rows
        .iter()
        .position(|r| r.contains("She seems smart"))
        .unwrap();
    let x = u16::try_from(rows[y][..rows[y].find("seems").unwrap()].chars().count()).unwrap();
    let y = u16::try_from(y).unwrap();
    assert_eq!(buffer[(x, y)].bg, Color::Yellow, "seems is marked");
    assert_eq!(buffer[(x - 2, y)].bg, Color::Reset, "She is not");
    let quote_y = y + 1;
    assert_eq!(
        buffer[(x, quote_y)].fg,
        Color::Green,
        "the candidate's words stand apart"
    );
    assert!(
        buffer[(x, quote_y)]
            .modifier
            .contains(ratatui::style::Modifier::ITALIC)
    );
}

#[test]
fn wrap_up_flags_unrated_questions_and_lists_each_impression_with_its_place() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    type_text(
        &mut app,
        "walked through the threat model\nseems smart, a good fit",
        t0,
    );
    alt(&mut app, '3', t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, "I feel she led it", t0);
    for _ in 0..5 {
        ctrl(&mut app, 'n', t0);
    }
    let terminal = draw(&mut app, 160, 45, t0 + mins(30));
    let text = flowing_text(terminal.backend().buffer());
    assert!(
        text.contains("Q1 00:00 / 09:00 2 lines Yes 3 marks"),
        "{text}"
    );
    assert!(
        text.contains("Q2 00:00 / 09:00 1 line UNRATED 1 mark"),
        "{text}"
    );
    assert!(text.contains("Q3 00:00 / 09:00 no notes UNRATED"), "{text}");
    assert!(text.contains("Impressions to rewrite as what the candidate said or did"));
    assert!(
        text.contains("Q1 line 2: seems Q1 line 2: smart Q1 line 2: good fit Q2 line 1: I feel"),
        "{text}"
    );
    assert!(
        text.contains("Recommendation: ^D then 1 Strong no"),
        "{text}"
    );
}

#[test]
fn the_guidelines_link_is_shown_short_and_its_place_kept_for_osc_8() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let terminal = draw(&mut app, 160, 45, t0);
    let text = flowing_text(terminal.backend().buffer());
    assert!(
        text.contains("Guidelines: docs.google.com/…#heading=h.5z8517vrmoea ^L copy ^O open"),
        "{text}"
    );
    let spot = app
        .model
        .layout
        .link
        .clone()
        .expect("the link is on screen");
    assert_eq!(spot.text, "docs.google.com/…#heading=h.5z8517vrmoea");
    assert!(spot.url.ends_with("#heading=h.5z8517vrmoea"));
    let row = &rows(terminal.backend().buffer())[usize::from(spot.y)];
    assert_eq!(
        row.chars()
            .skip(usize::from(spot.x))
            .take(15)
            .collect::<String>(),
        "docs.google.com"
    );

    ctrl(&mut app, 'l', t0);
    assert_eq!(app.take_clipboard(), Some(spot.url.clone()));
    ctrl(&mut app, 'o', t0);
    assert_eq!(app.take_open_link(), Some(spot.url));
    ctrl(&mut app, 'p', t0);
    ctrl(&mut app, 'l', t0);
    assert_eq!(app.message(), Some("No guidelines link in this phase"));
}

#[test]
fn a_question_shows_its_follow_ups_and_guidelines() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let text = flowing_text(draw(&mut app, 160, 45, t0).backend().buffer());
    let guide = Guide::builtin().unwrap();
    let q = &guide.questions[0];
    for line in q
        .follow_ups
        .iter()
        .map(|f| &f.text)
        .chain(&q.guidelines.strong)
        .chain(&q.guidelines.weak)
    {
        assert!(text.contains(line.as_str()), "missing {line}");
    }
    assert!(
        text.contains("Dig deeper")
            && text.contains("A strong answer")
            && text.contains("A weak answer")
    );
    assert!(text.contains(guide.evaluation_note.as_deref().unwrap()));
}

fn key_event(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

#[test]
fn a_batch_of_keys_types_the_same_notes_as_one_key_at_a_time() {
    let t0 = Instant::now();
    let mut batch: Vec<Event> = Vec::new();
    for c in "Ran the rollout\nAsked \"why?\"".chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        batch.push(key_event(code, KeyModifiers::NONE));
    }
    batch.push(key_event(KeyCode::Char('n'), KeyModifiers::CONTROL));
    batch.push(key_event(KeyCode::Char('Q'), KeyModifiers::SHIFT));
    batch.push(key_event(KeyCode::Backspace, KeyModifiers::NONE));
    batch.push(key_event(KeyCode::Char('3'), KeyModifiers::ALT));
    batch.push(key_event(KeyCode::Char('o'), KeyModifiers::NONE));
    batch.push(key_event(KeyCode::Char('k'), KeyModifiers::NONE));

    let mut one_by_one = started(t0);
    for event in &batch {
        one_by_one.handle(event, t0);
    }
    let mut together = started(t0);
    assert!(together.handle_all(&batch, t0));
    for phase in 0..3 {
        assert_eq!(
            notes(&together, phase),
            notes(&one_by_one, phase),
            "phase {phase}"
        );
    }
    assert_eq!(notes(&together, 1), ["ok"]);
    let Screen::Interview(s) = &together.model.screen else {
        panic!()
    };
    assert_eq!(
        s.interview.rating(0),
        Some(2),
        "the Alt+3 in the batch still rates"
    );
}

#[test]
fn keys_after_a_confirmed_quit_in_the_same_batch_are_not_handled() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let batch = [
        key_event(KeyCode::Char('q'), KeyModifiers::CONTROL),
        key_event(KeyCode::Char('y'), KeyModifiers::NONE),
        key_event(KeyCode::Char('z'), KeyModifiers::NONE),
    ];
    app.handle_all(&batch, t0);
    assert!(app.should_quit());
    assert_eq!(notes(&app, 0), [""]);
}

#[test]
fn the_script_pane_kept_between_frames_is_drawn_anew_when_what_it_shows_changes() {
    let t0 = Instant::now();
    let mut app = started(t0);
    type Step<'a> = (&'a str, &'a dyn Fn(&mut Console));
    let steps: [Step; 6] = [
        ("typing", &|app| type_text(app, "said they own the fix", t0)),
        ("next phase", &|app| ctrl(app, 'n', t0)),
        ("a rating", &|app| alt(app, '3', t0)),
        ("a scroll", &|app| {
            press(app, KeyCode::PageDown, KeyModifiers::NONE, t0);
        }),
        ("an impression word", &|app| {
            (0..7).for_each(|_| ctrl(app, 'n', t0));
            type_text(app, "seems smart", t0);
        }),
        ("a minute", &|_| {}),
    ];
    for (what, step) in steps {
        step(&mut app);
        // Each step's first frame has the size of the last one: only the step tells them apart.
        for (width, height, at) in [(80, 24, t0), (160, 45, t0), (80, 24, t0 + mins(1))] {
            let kept = rows(draw(&mut app, width, height, at).backend().buffer());
            app.cache.clear();
            let fresh = rows(draw(&mut app, width, height, at).backend().buffer());
            assert_eq!(kept, fresh, "after {what} at {width}×{height}");
        }
    }
}

#[test]
fn notes_below_the_cursor_fill_the_pane_after_the_terminal_grows() {
    // Grown while on the phase, and while on another phase then back.
    for elsewhere in [false, true] {
        let t0 = Instant::now();
        let mut app = started(t0);
        ctrl(&mut app, 'n', t0);
        let lines: Vec<String> = (0..300).map(|n| format!("note {n}")).collect();
        app.handle(&Event::Paste(lines.join("\n")), t0);
        draw(&mut app, 80, 24, t0);
        press(
            &mut app,
            KeyCode::Up,
            KeyModifiers::CONTROL | KeyModifiers::ALT,
            t0,
        );
        for _ in 0..150 {
            press(&mut app, KeyCode::Down, KeyModifiers::NONE, t0);
            draw(&mut app, 80, 24, t0);
        }
        if elsewhere {
            ctrl(&mut app, 'n', t0);
            draw(&mut app, 80, 24, t0);
        }
        app.handle(&Event::Resize(160, 100), t0);
        if elsewhere {
            ctrl(&mut app, 'p', t0);
        }
        let screen = rows(draw(&mut app, 160, 100, t0).backend().buffer());
        let shown: Vec<&String> = screen.iter().filter(|r| r.contains("note ")).collect();
        assert!(
            shown.len() >= 90,
            "{elsewhere}: {} rows: {shown:?}",
            shown.len()
        );
        assert!(shown.iter().any(|r| r.contains("note 150 ")));
    }
}

#[test]
fn notes_keys_from_the_help_select_cut_put_back_and_jump() {
    let t0 = Instant::now();
    let mut app = started(t0);
    type_text(&mut app, "first\n\nsecond para", t0);
    for _ in 0..4 {
        press(&mut app, KeyCode::Left, KeyModifiers::SHIFT, t0);
    }
    ctrl(&mut app, 'x', t0);
    assert_eq!(notes(&app, 0), ["first", "", "second "]);
    press(
        &mut app,
        KeyCode::Up,
        KeyModifiers::CONTROL | KeyModifiers::ALT,
        t0,
    );
    press(&mut app, KeyCode::Home, KeyModifiers::NONE, t0);
    ctrl(&mut app, 'y', t0);
    assert_eq!(notes(&app, 0), ["parafirst", "", "second "]);
    press(&mut app, KeyCode::Down, KeyModifiers::CONTROL, t0);
    press(&mut app, KeyCode::Home, KeyModifiers::NONE, t0);
    type_text(&mut app, "> ", t0);
    assert_eq!(notes(&app, 0), ["parafirst", "", "> second "]);
}

/// Characters a terminal would obey rather than show.
fn obeyed_in(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let width = buffer.area.width;
    buffer
        .content
        .iter()
        .enumerate()
        .filter(|(_, cell)| {
            cell.symbol().chars().any(|c| {
                c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            })
        })
        .map(|(i, cell)| {
            let i = u16::try_from(i).unwrap();
            (
                i % width,
                i / width,
                cell.symbol().escape_debug().to_string(),
            )
        })
        .collect()
}

#[test]
fn titles_names_questions_and_notes_reach_no_cell_with_escapes_or_bidi_overrides() {
    const ATTACK: &str = "\x1b]0;pwned\x07\u{9b}2J\u{202e}\u{2066}";
    let t0 = Instant::now();
    let mut guide = Guide::builtin().unwrap();
    guide.title = format!("Infosec guide{ATTACK}");
    guide.short_title = format!("Infosec{ATTACK}");
    guide.questions[0].text = format!("Tell me{ATTACK} about it");
    let mut role = find_role(&guide, "pentest").unwrap().clone();
    role.name = format!("Pentester{ATTACK}");
    let choice = QuestionChoice::default_for(&guide, &role);
    let candidate = format!("Sam{ATTACK}Lee");
    let plan = Plan::new(&guide, &role, &candidate, "Alex", 60, &choice).unwrap();
    let mut app = Console::new(Model::started(guide.clone(), plan, wall(t0)));
    app.handle(&Event::Paste(format!("pasted{ATTACK}note")), t0);
    let intro = draw(&mut app, 100, 30, t0);
    assert_eq!(obeyed_in(intro.backend().buffer()), []);
    let text = flowing_text(intro.backend().buffer());
    assert!(
        text.contains("Sam]0;pwned2JLee"),
        "the name is drawn: {text}"
    );
    assert!(
        text.contains("pasted]0;pwned2Jnote"),
        "the note is drawn: {text}"
    );
    assert_eq!(
        notes(&app, 0),
        [format!("pasted{ATTACK}note")],
        "the notes keep what was typed"
    );

    ctrl(&mut app, 'n', t0 + mins(4));
    let question = draw(&mut app, 100, 30, t0 + mins(4));
    assert_eq!(obeyed_in(question.backend().buffer()), []);
    assert!(flowing_text(question.backend().buffer()).contains("Tell me]0;pwned2J about it"));

    let prefill = Prefill {
        candidate: Some(candidate),
        interviewer: Some(format!("Alex{ATTACK}")),
        ..Prefill::default()
    };
    let mut setup = Console::new(Model::new(guide, prefill, wall(t0)));
    let setup = draw(&mut setup, 100, 30, t0);
    assert_eq!(obeyed_in(setup.backend().buffer()), []);
}

/// The console with other settings, as the config file would give them.
fn with_ui(app: Console, configure: impl FnOnce(&mut Ui)) -> Console {
    let mut ui = Ui::default();
    configure(&mut ui);
    Console::new(app.model.configured(ui))
}

/// A question with everything a theme must tell apart: the current phase, an overrun
/// phase clock, an impression word, the candidate's words after a time stamp.
fn everything_to_style(t0: Instant) -> (Console, Instant) {
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0 + mins(4));
    let now = t0 + mins(15);
    ctrl(&mut app, 't', now);
    type_text(&mut app, "\"we chained it\" to the metadata service\n", now);
    type_text(&mut app, "seems smart", now);
    (app, now)
}

fn themed(theme: ThemeName, t0: Instant) -> (Console, Instant) {
    let (app, now) = everything_to_style(t0);
    (with_ui(app, |ui| ui.theme = theme.theme()), now)
}

/// Where `text` first shows on the screen.
fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let rows = rows(buffer);
    let y = rows
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen"));
    let x = rows[y][..rows[y].find(text).unwrap()].chars().count();
    (u16::try_from(x).unwrap(), u16::try_from(y).unwrap())
}

#[test]
fn each_theme_at_80x24() {
    for theme in [
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::Mono,
    ] {
        let t0 = Instant::now();
        let (mut app, now) = themed(theme, t0);
        let terminal = draw(&mut app, 80, 24, now);
        insta::assert_debug_snapshot!(
            format!("theme_{}", theme.name()),
            terminal.backend().buffer()
        );
    }
}

#[test]
fn without_colour_the_meaning_stays_in_the_cells_modifiers() {
    use ratatui::style::Modifier;
    let t0 = Instant::now();
    let (mut app, now) = themed(ThemeName::Mono, t0);
    let terminal = draw(&mut app, 80, 24, now);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "no colour"
        );
    }
    let has = |at: (u16, u16), modifier: Modifier| buffer[at].modifier.contains(modifier);
    let (x, y) = find(buffer, "seems");
    assert!(has((x, y), Modifier::UNDERLINED), "an impression word");
    assert!(
        !has((x - 1, y), Modifier::UNDERLINED),
        "the space before it"
    );
    let (x, y) = find(buffer, "we chained it");
    assert!(has((x, y), Modifier::ITALIC), "the candidate's words");
    let (x, y) = find(buffer, "Intro ✓");
    assert!(!has((x, y), Modifier::REVERSED), "a phase done");
    let (x, y) = find(buffer, "Q1 ●");
    assert!(has((x, y), Modifier::REVERSED), "the current phase");
    let (x, y) = find(buffer, "11:00 / 09:00");
    assert!(
        has((x, y), Modifier::BOLD) && has((x, y), Modifier::REVERSED),
        "over budget"
    );
    let gauge = &rows(buffer)[1];
    assert!(
        gauge.contains('█') && gauge.contains('░'),
        "the gauge in characters: {gauge}"
    );

    // The intro marks its phase too.
    let mut intro = with_ui(started(t0), |ui| ui.theme = ThemeName::Mono.theme());
    let terminal = draw(&mut intro, 80, 24, t0);
    let (x, y) = find(terminal.backend().buffer(), "Intro ●");
    assert!(
        terminal.backend().buffer()[(x, y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn a_quote_after_a_time_stamp_is_the_candidates_words() {
    let t0 = Instant::now();
    let (mut app, now) = everything_to_style(t0);
    let terminal = draw(&mut app, 80, 24, now);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "[15:00] \"we chained it\"");
    assert_eq!(
        buffer[(x, y)].fg,
        Color::Green,
        "{:?}",
        rows(buffer)[usize::from(y)]
    );
    let (x, y) = find(buffer, "seems smart");
    assert_eq!(buffer[(x + 5, y)].fg, Color::Reset, "an ordinary line");
}

#[test]
fn a_rebound_key_moves_the_footer_the_help_and_dispatch_together() {
    let t0 = Instant::now();
    let mut app = with_ui(started(t0), |ui| {
        ui.keymap.rebind("next_phase", &["F8".into()]).unwrap();
        ui.keymap.rebind("help", &["F2".into()]).unwrap();
    });
    let terminal = draw(&mut app, 80, 24, t0);
    let footer = rows(terminal.backend().buffer()).pop().unwrap();
    assert!(
        footer.contains("F8 next") && footer.contains("F2 keys"),
        "{footer}"
    );
    assert!(!footer.contains("^N"), "{footer}");

    press(&mut app, KeyCode::F(1), KeyModifiers::NONE, t0);
    assert_eq!(app.model.overlay, None, "F1 is no longer the help");
    press(&mut app, KeyCode::F(2), KeyModifiers::NONE, t0);
    let help = help_text(&mut app, 160, 45, t0);
    assert!(help.contains("F8 next phase"), "{help}");
    assert!(!help.contains("Ctrl+N"), "{help}");
    press(&mut app, KeyCode::F(2), KeyModifiers::NONE, t0);
    assert_eq!(app.model.overlay, None, "the help key again closes it");

    ctrl(&mut app, 'n', t0);
    assert_eq!(current_phase(&app), 0, "Ctrl+N does nothing now");
    press(&mut app, KeyCode::F(8), KeyModifiers::NONE, t0);
    assert_eq!(current_phase(&app), 1);
}

#[test]
fn ctrl_d_then_a_digit_rates_without_alt_and_the_footer_shows_the_scale() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    ctrl(&mut app, 'd', t0);
    let terminal = draw(&mut app, 80, 24, t0);
    let footer = rows(terminal.backend().buffer()).pop().unwrap();
    assert!(
        footer.contains("1 Strong no  2 No  3 Yes  4 Strong yes  0 clear"),
        "{footer}"
    );
    press(&mut app, KeyCode::Char('3'), KeyModifiers::NONE, t0);
    assert_eq!(app.message(), Some("Q1 rating: Yes"));
    assert_eq!(notes(&app, 1), [""], "the digit was not typed");
}

#[test]
fn the_header_keeps_the_name_and_the_strip_fits_at_60_columns() {
    let t0 = Instant::now();
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "appsec").unwrap().clone();
    let choice = QuestionChoice::default_for(&guide, &role);
    let plan = Plan::new(&guide, &role, "Samantha Lee-Park", "Alex", 60, &choice).unwrap();
    let mut app = Console::new(Model::started(guide, plan, wall(t0)));
    for (rating, _) in ['4', '3', '2', '1', '2'].iter().zip(0..) {
        ctrl(&mut app, 'n', t0);
        alt(&mut app, *rating, t0);
    }
    let terminal = draw(&mut app, 60, 16, t0);
    let rows = rows(terminal.backend().buffer());
    assert!(rows[0].contains("Samantha Lee-Park"), "{}", rows[0]);
    assert!(!rows[0].contains("· ▶"), "no dangling dot: {}", rows[0]);
    for phase in ["I✓", "1✓4", "2✓3", "3✓2", "4✓1", "5●2", "T", "W"] {
        assert!(rows[2].contains(phase), "{phase} in {}", rows[2]);
    }
    assert!(
        rows[2].trim_end().ends_with("Q5 00:00 / 09:00"),
        "{}",
        rows[2]
    );
}

#[test]
fn the_help_wraps_under_its_descriptions_at_60_columns() {
    use interview_console::tui::keymap::Context;
    let titles: Vec<&str> = [
        Context::Interview,
        Context::Notes,
        Context::Search,
        Context::Rating,
        Context::Handoff,
        Context::Anywhere,
    ]
    .iter()
    .map(|c| c.title())
    .collect();
    let t0 = Instant::now();
    let mut app = started(t0);
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE, t0);
    let mut wrapped = 0;
    for _ in 0..60 {
        let terminal = draw(&mut app, 60, 16, t0);
        for row in &rows(terminal.backend().buffer())[1..15] {
            let inside: String = row.chars().skip(1).take(58).collect();
            let line = inside.trim_end();
            let is_title = titles.contains(&line);
            assert!(
                line.is_empty() || is_title || line.starts_with(' '),
                "a description wrapped to column 0: {row}"
            );
            wrapped += usize::from(line.starts_with(&" ".repeat(10)));
        }
        press(&mut app, KeyCode::Down, KeyModifiers::NONE, t0);
    }
    assert!(wrapped > 0, "some description is long enough to wrap at 60");
}

#[test]
fn the_setup_screen_at_60x16_gives_the_list_the_room() {
    let t0 = Instant::now();
    // A guide offering more questions than 60×16 has rows for.
    let mut yaml = String::from(
        "title: Many\nintro:\n  statement: [Hello.]\nroles:\n  - {id: dev, name: Developer}\nsections:\n  - title: General\n    roles: [dev]\n    questions:\n",
    );
    for n in 1..=14 {
        yaml.push_str(&format!(
            "      - {{id: q{n}, text: Question number {n}}}\n"
        ));
    }
    let guide = Guide::parse(&yaml, "many.yaml").unwrap();
    let prefill = Prefill {
        role_index: Some(0),
        candidate: Some("Sam".into()),
        interviewer: Some("Alex".into()),
        ..Prefill::default()
    };
    let mut app = Console::new(Model::new(guide, prefill, wall(t0)));
    let screen = |app: &mut Console| rows(draw(app, 60, 16, t0).backend().buffer());
    let listed = |rows: &[String]| rows.iter().filter(|r| r.contains("] ")).count();
    let first = screen(&mut app);
    assert_eq!(listed(&first), 8, "every row below the fields: {first:#?}");
    assert!(first.iter().any(|r| r.contains("↓ more")), "{first:#?}");
    // Down to the last question: the highlighted one is always on screen.
    for n in 2..=14 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE, t0);
        let terminal = draw(&mut app, 60, 16, t0);
        let buffer = terminal.backend().buffer();
        let (x, y) = find(buffer, &format!("Question number {n}"));
        assert!(
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED),
            "{:#?}",
            rows(buffer)
        );
    }
    assert!(screen(&mut app).iter().any(|r| r.contains("↑ more")));
}

#[test]
fn wrap_up_columns_line_up_with_and_without_a_rating() {
    let t0 = Instant::now();
    let mut app = started(t0);
    type_text(&mut app, "seems keen", t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, "smart", t0);
    alt(&mut app, '3', t0);
    for _ in 0..6 {
        ctrl(&mut app, 'n', t0);
    }
    let terminal = draw(&mut app, 160, 45, t0);
    let buffer = terminal.backend().buffer();
    let (intro_x, _) = find(buffer, "1 mark ");
    let rows = rows(buffer);
    let q1 = rows.iter().find(|r| r.contains("│ Q1 ")).unwrap();
    let q1_x = q1[..q1.find("1 mark").unwrap()].chars().count();
    assert_eq!(usize::from(intro_x), q1_x, "{rows:#?}");
}

#[test]
fn the_top_of_the_notes_is_the_start_of_their_first_line() {
    let t0 = Instant::now();
    let mut app = started(t0);
    type_text(&mut app, "first line\nsecond line", t0);
    press(
        &mut app,
        KeyCode::Up,
        KeyModifiers::CONTROL | KeyModifiers::ALT,
        t0,
    );
    type_text(&mut app, ">", t0);
    assert_eq!(notes(&app, 0), [">first line", "second line"]);
}

/// README's picture of the console is this screen, drawn here.
const CAPTURE_BEGIN: &str = "<!-- capture:begin (drawn by tests/screen.rs) -->\n```\n";
const CAPTURE_END: &str = "```\n<!-- capture:end -->";

#[test]
fn readme_shows_the_screen_the_console_draws() {
    let t0 = Instant::now();
    let (mut app, now) = at_second_question(t0);
    let terminal = draw(&mut app, 80, 24, now);
    let drawn: String = rows(terminal.backend().buffer())
        .iter()
        .map(|r| format!("{}\n", r.trim_end()))
        .collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(CAPTURE_BEGIN).expect("README has the capture") + CAPTURE_BEGIN.len();
    let end = readme
        .find(CAPTURE_END)
        .expect("README has the capture's end");
    if readme[start..end] != drawn && std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{drawn}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        drawn,
        "README's capture is stale: run UPDATE_README=1 cargo test --test screen readme"
    );
}

/// A clock tick draws only the clock's regions, on cells cleared for them: what it leaves
/// on screen is what a whole frame would show at that moment. A tick that would change
/// more (a phase goes over budget, the clock or the status changes width) draws the whole
/// frame.
#[test]
fn a_clock_tick_leaves_the_screen_as_a_whole_frame_would() {
    let t0 = Instant::now();
    for (width, height, phases) in [(80, 24, 1), (200, 60, 2), (100, 30, 0)] {
        let mut app = started(t0);
        for _ in 0..phases {
            ctrl(&mut app, 'n', t0);
        }
        type_text(&mut app, "a note", t0);
        let saved = SaveStatus {
            saved_at: Some(t0),
            ..SaveStatus::default()
        };
        update(&mut app.model, Action::SaveStatus(saved), t0);
        let mut screen = draw(&mut app, width, height, t0).backend().buffer().clone();
        let mut shape = view::tick_shape(&app.model, screen.area, t0);
        let mut ticked_alone = Vec::new();
        for seconds in [1, 2, 9, 10, 61, 62, 600, 601, 3700, 3701] {
            let now = t0 + Duration::from_secs(seconds);
            if tick(&app, &mut screen, shape.as_ref(), now) {
                ticked_alone.push(seconds);
            } else {
                screen = draw(&mut app, width, height, now)
                    .backend()
                    .buffer()
                    .clone();
                shape = view::tick_shape(&app.model, screen.area, now);
            }
            let whole = draw(&mut app, width, height, now);
            assert_eq!(
                rows(&screen),
                rows(whole.backend().buffer()),
                "{width}×{height} at {seconds}s"
            );
        }
        // The clock's own seconds and "saved 10s ago" change only the clock's regions;
        // going over the budget of the phase and of the hour changes the strip and the
        // clock's width.
        assert_eq!(
            ticked_alone,
            [1, 2, 9, 10, 61, 62, 601, 3701],
            "{width}×{height}: the ticks drawn alone"
        );
    }
}

/// A long message pushes key hints out of the footer; when it fades on a tick, they come
/// back, which only a whole frame draws.
#[test]
fn a_message_that_fades_on_a_tick_gives_the_key_hints_back() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let written = "/home/alex/.local/share/interview-console/exports/20261129-1402-sam-lee.md";
    update(
        &mut app.model,
        Action::ScorecardWritten(Ok(written.into())),
        t0,
    );
    let mut screen = draw(&mut app, 80, 24, t0).backend().buffer().clone();
    assert!(!rows(&screen)[23].contains("quit"), "{}", rows(&screen)[23]);
    let shape = view::tick_shape(&app.model, screen.area, t0);
    let faded = t0 + Duration::from_secs(30);
    assert!(!tick(&app, &mut screen, shape.as_ref(), faded));
    let whole = draw(&mut app, 80, 24, faded);
    assert!(rows(whole.backend().buffer())[23].contains("quit"));
}

#[test]
fn a_clock_tick_asks_for_a_whole_frame_under_an_overlay_and_on_the_wrap_up() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let area = Rect::new(0, 0, 80, 24);
    assert!(view::tick_shape(&app.model, area, t0).is_some());
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE, t0);
    assert_eq!(view::tick_shape(&app.model, area, t0), None);
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE, t0);
    for _ in 0..7 {
        ctrl(&mut app, 'n', t0);
    }
    assert_eq!(view::tick_shape(&app.model, area, t0), None);
}

/// An interview on its wrap-up: Q1 rated, the rest not, "seems" in Q2's notes, no
/// recommendation and no summary.
fn on_wrap_up(t0: Instant) -> Console {
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    alt(&mut app, '3', t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, "seems fine", t0);
    for _ in 0..6 {
        ctrl(&mut app, 'n', t0);
    }
    assert_eq!(current_phase(&app), 7);
    app
}

#[test]
fn leaving_from_the_wrap_up_lists_what_is_missing_and_asks() {
    let t0 = Instant::now();
    let mut app = on_wrap_up(t0);
    ctrl(&mut app, 'q', t0);
    let terminal = draw(&mut app, 80, 24, t0);
    let text = flowing_text(terminal.backend().buffer());
    for item in [
        "Finish anyway?",
        "Not there yet:",
        "· unrated: Q2, Q3, Q4, Q5",
        "· no recommendation",
        "· no summary of the behavior behind it",
        "· 1 impression word in the notes: seems",
        "F finish",
        "L leave in progress",
        "any other key go back",
    ] {
        assert!(text.contains(item), "{item} not in {text}");
    }
    insta::assert_snapshot!(terminal.backend());
    // Any other key goes back, and is not typed.
    type_text(&mut app, "x", t0);
    assert!(!app.should_quit());
    assert_eq!(notes(&app, 7), [""]);
    // Each item goes as it is done.
    alt(&mut app, '2', t0);
    type_text(&mut app, "Owned the SAST rollout end to end", t0);
    ctrl(&mut app, 'q', t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(!text.contains("no recommendation"), "{text}");
    assert!(!text.contains("no summary"), "{text}");
    assert!(text.contains("· unrated: Q2, Q3, Q4, Q5"), "{text}");
    type_text(&mut app, "l", t0);
    assert!(app.should_quit());
    assert!(
        !app.model.snapshot(t0).unwrap().finished,
        "left in progress"
    );
}

#[test]
fn finishing_anyway_from_the_check_finishes_and_a_complete_interview_says_so() {
    let t0 = Instant::now();
    let mut app = on_wrap_up(t0);
    ctrl(&mut app, 'q', t0);
    type_text(&mut app, "f", t0);
    assert!(app.should_quit());
    assert!(app.model.snapshot(t0).unwrap().finished);

    let mut app = started(t0);
    for _ in 0..5 {
        ctrl(&mut app, 'n', t0);
        alt(&mut app, '3', t0);
    }
    ctrl(&mut app, 'n', t0);
    ctrl(&mut app, 'n', t0);
    alt(&mut app, '3', t0);
    type_text(&mut app, "Concrete about her own part", t0);
    ctrl(&mut app, 'q', t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(text.contains("Finish the interview"), "{text}");
    assert!(
        text.contains("Every question rated, a recommendation, a summary."),
        "{text}"
    );
}

#[test]
fn the_quit_question_fits_where_it_is_asked() {
    let t0 = Instant::now();
    let guide = Guide::builtin().unwrap();
    let mut setup = Console::new(Model::new(guide, Prefill::default(), wall(t0)));
    ctrl(&mut setup, 'q', t0);
    let text = flowing_text(draw(&mut setup, 80, 24, t0).backend().buffer());
    assert!(text.contains("Quit?"), "{text}");
    assert!(
        text.contains("Nothing to save: no interview has begun."),
        "{text}"
    );
    assert!(!text.contains("interview?"), "{text}");

    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    ctrl(&mut app, 'q', t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(text.contains("Quit the interview?"), "{text}");
    assert!(
        text.contains("It stays in progress: resume it any time."),
        "{text}"
    );

    let mut app = on_wrap_up(t0);
    ctrl(&mut app, 'q', t0);
    type_text(&mut app, "f", t0);
    let snapshot = app.model.snapshot(t0).unwrap();
    let mut finished =
        Console::new(Model::resumed(Guide::builtin().unwrap(), snapshot, None, wall(t0)).unwrap());
    let text = flowing_text(draw(&mut finished, 80, 24, t0 + mins(5)).backend().buffer());
    assert!(text.contains("■ 00:00 / 60:00 finished"), "{text}");
    ctrl(&mut finished, 'q', t0);
    let text = flowing_text(draw(&mut finished, 80, 24, t0).backend().buffer());
    assert!(text.contains("The interview stays finished"), "{text}");
}

#[test]
fn the_handoff_note_opens_in_place_of_the_notes_in_any_phase() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, "Q1 note", t0);
    alt(&mut app, 'h', t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(
        text.contains("Hand-off note for the next interviewer · topics, no verdict · Esc closes"),
        "{text}"
    );
    assert!(
        text.contains("Topics for the next interviewer to probe"),
        "{text}"
    );
    assert!(text.contains("Esc close"), "the footer's keys: {text}");
    type_text(&mut app, "Probe the on-call story", t0);
    ctrl(&mut app, 'n', t0);
    type_text(&mut app, ", seems shy", t0);
    let terminal = draw(&mut app, 80, 24, t0);
    let text = flowing_text(terminal.backend().buffer());
    assert!(
        text.contains("Probe the on-call story, seems shy"),
        "{text}"
    );
    assert_eq!(
        current_phase(&app),
        1,
        "Ctrl+N is not a move while it is open"
    );
    // Impression words are marked here too: a hand-off carries no verdict.
    let buffer = terminal.backend().buffer();
    let y = rows(buffer)
        .iter()
        .position(|r| r.contains("seems shy"))
        .unwrap();
    let x = column_of(buffer, y, "seems");
    assert_eq!(buffer[(x, u16::try_from(y).unwrap())].bg, Color::Yellow);
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE, t0);
    let text = flowing_text(draw(&mut app, 80, 24, t0).backend().buffer());
    assert!(
        text.contains("Notes · Q1") && text.contains("Q1 note"),
        "{text}"
    );
    let Screen::Interview(s) = &app.model.screen else {
        panic!()
    };
    assert_eq!(s.handoff.lines(), ["Probe the on-call story, seems shy"]);
}

#[test]
fn the_notes_pane_says_when_it_holds_more_than_it_shows() {
    let t0 = Instant::now();
    let mut app = started(t0);
    ctrl(&mut app, 'n', t0);
    let border = |app: &mut Console| {
        let rows = rows(draw(app, 80, 24, t0).backend().buffer());
        rows[rows.len() - 2].clone()
    };
    assert!(!border(&mut app).contains("more"), "{}", border(&mut app));
    let lines: Vec<String> = (1..=30).map(|n| format!("line {n}")).collect();
    type_text(&mut app, &lines.join("\n"), t0);
    assert!(
        border(&mut app).contains(" ↑ more "),
        "{}",
        border(&mut app)
    );
    press(
        &mut app,
        KeyCode::Up,
        KeyModifiers::CONTROL | KeyModifiers::ALT,
        t0,
    );
    assert!(
        border(&mut app).contains(" ↓ more "),
        "{}",
        border(&mut app)
    );
    for _ in 0..12 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE, t0);
    }
    assert!(
        border(&mut app).contains(" ↑ ↓ more "),
        "{}",
        border(&mut app)
    );
}

#[test]
fn a_long_path_in_the_footer_keeps_its_file_name_and_no_hint_is_cut() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let path = std::path::PathBuf::from(
        "/home/alexandra/.local/share/interview-console/exports/20261129-1402-sam-lee.md",
    );
    update(&mut app.model, Action::ScorecardWritten(Ok(path)), t0);
    let footer = rows(draw(&mut app, 80, 24, t0).backend().buffer())
        .pop()
        .unwrap();
    assert!(
        footer.trim_end().ends_with("/20261129-1402-sam-lee.md"),
        "{footer}"
    );
    assert!(
        footer.contains("Scorecard copied and written to /home/"),
        "{footer}"
    );
    assert!(footer.contains('…'), "{footer}");
    let hints = footer.split("Scorecard").next().unwrap_or_default();
    for hint in hints.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
        assert!(
            [
                "^N next", "^P back", "^T stamp", "^D rate", "F5 pause", "^G keys", "^Q quit"
            ]
            .contains(&hint),
            "a hint cut in half: {hint:?} in {footer}"
        );
    }
}
