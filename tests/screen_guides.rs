//! Other teams' guides on screen (`TestBackend`, the clock held still): a guide without roles
//! from the setup screen to the wrap-up, placeholders filled on the setup screen and from
//! `--set`, the interviewer's own words apart from what is said, nested follow-ups, a pick
//! group, the closing, and a phase strip that keeps its ends in view with 25 questions.

mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

use interview_console::guide::Guide;
use interview_console::interview::{Plan, QuestionChoice};
use interview_console::tui::action::Action;
use interview_console::tui::input::handle_events;
use interview_console::tui::model::{Model, Screen, WallClock};
use interview_console::tui::setup_form::Prefill;
use interview_console::tui::update::update;
use interview_console::tui::view::{self, ViewCache};
use support::buffers::{flowing_text, rows};

const VALUES: &str = include_str!("fixtures/guides/values.yaml");

fn values() -> Guide {
    Guide::parse(VALUES, "values.yaml").unwrap()
}

struct Console {
    model: Model,
    cache: ViewCache,
}

fn wall(instant: Instant) -> WallClock {
    WallClock {
        instant,
        utc: chrono::Utc::now(),
        offset: chrono::FixedOffset::east_opt(0).unwrap(),
    }
}

impl Console {
    fn setup(guide: Guide, prefill: Prefill, t0: Instant) -> Console {
        Console {
            model: Model::new(guide, prefill, wall(t0)),
            cache: ViewCache::default(),
        }
    }

    fn started(guide: Guide, plan: Plan, t0: Instant) -> Console {
        Console {
            model: Model::started(guide, plan, wall(t0)),
            cache: ViewCache::default(),
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers, now: Instant) {
        let event = Event::Key(KeyEvent::new(code, modifiers));
        handle_events(&mut self.model, [event], now);
    }

    fn press(&mut self, code: KeyCode, now: Instant) {
        self.key(code, KeyModifiers::NONE, now);
    }

    fn type_text(&mut self, text: &str, now: Instant) {
        for c in text.chars() {
            self.press(KeyCode::Char(c), now);
        }
    }

    fn next_phase(&mut self, now: Instant) {
        self.key(KeyCode::Char('n'), KeyModifiers::CONTROL, now);
    }

    /// A frame as the runtime draws it, what it told handed to the model.
    fn draw(&mut self, width: u16, height: u16, now: Instant) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut layout = None;
        terminal
            .draw(|frame| {
                layout = Some(view::draw(
                    &self.model,
                    &mut self.cache,
                    frame.buffer_mut(),
                    now,
                ));
            })
            .unwrap();
        update(&mut self.model, Action::Drawn(layout.unwrap()), now);
        terminal
    }

    /// The screen's text, borders out and spaces squeezed, at 80×24 (or `height` rows).
    fn text(&mut self, height: u16, now: Instant) -> String {
        flowing_text(self.draw(80, height, now).backend().buffer())
    }
}

/// Where `text` first shows on screen: (column, row).
fn find(buffer: &Buffer, text: &str) -> Option<(usize, usize)> {
    rows(buffer)
        .iter()
        .enumerate()
        .find_map(|(y, row)| row.find(text).map(|byte| (row[..byte].chars().count(), y)))
}

#[test]
fn a_guide_without_roles_from_the_setup_screen_to_the_wrap_up() {
    let t0 = Instant::now();
    let prefill = Prefill {
        interviewer: Some("Alex".into()),
        ..Prefill::default()
    };
    let mut app = Console::setup(values(), prefill, t0);
    let setup = app.draw(80, 24, t0);
    insta::assert_snapshot!(
        "setup_without_roles_asks_for_the_placeholder",
        setup.backend()
    );
    let text = flowing_text(setup.backend().buffer());
    assert!(!text.contains("Role"), "no role field: {text}");
    assert!(
        text.contains("project A project from their resume"),
        "{text}"
    );
    assert!(
        text.contains("For you: Read the resume and pick one project to ask about."),
        "what to do before the call: {text}"
    );

    app.type_text("Sam Lee", t0);
    app.press(KeyCode::Tab, t0);
    app.press(KeyCode::Tab, t0);
    app.type_text("the payments API", t0);
    app.press(KeyCode::Enter, t0);
    let Screen::Interview(screen) = &app.model.screen else {
        panic!("Enter starts a filled form");
    };
    assert_eq!(screen.interview.plan().role, None);
    assert_eq!(screen.interview.plan().fills["project"], "the payments API");

    let intro = app.draw(80, 24, t0);
    insta::assert_snapshot!("intro_with_words_for_the_interviewer", intro.backend());
    let text = flowing_text(intro.backend().buffer());
    assert!(
        text.contains("Values · Sam Lee"),
        "no role in the header: {text}"
    );
    assert!(text.contains("Hello Sam Lee, I'm Alex. Thanks for making the time today."));
    assert!(
        !text.contains("Remember"),
        "no reminders, no heading: {text}"
    );
    assert!(
        !text.contains("Say this"),
        "words for the interviewer: not a say block"
    );

    app.next_phase(t0);
    let question = app.draw(80, 40, t0);
    insta::assert_snapshot!(
        "question_with_guidance_and_nested_follow_ups",
        question.backend()
    );
    let buffer = question.backend().buffer();
    let text = flowing_text(buffer);
    let say = find(buffer, "┌ Say exactly · Q1 of 3 · Work experience").unwrap();
    let asked = find(buffer, "Tell me about your work on the payments API.").unwrap();
    assert_eq!(
        asked.1,
        say.1 + 1,
        "the words to say in a block of their own"
    );
    let aids = find(buffer, "┌ For you, not to read out").unwrap();
    let guidance = find(buffer, "Push for what they did themselves, not the team.").unwrap();
    let section = find(buffer, "Tie the questions to the resume; ask one of them.").unwrap();
    assert!(
        aids.1 > asked.1 && guidance.1 > aids.1 && section.1 > aids.1,
        "the interviewer's own words, apart from what is said"
    );
    assert!(text.contains("· If it shipped: How did you know it worked?"));
    let nested = find(
        question.backend().buffer(),
        "· What would you measure next time?",
    )
    .unwrap();
    let parent = find(question.backend().buffer(), "· If it shipped").unwrap();
    assert_eq!(
        nested.0,
        parent.0 + 2,
        "a follow-up's follow-up is indented"
    );

    app.next_phase(t0);
    let terminal = app.draw(80, 24, t0);
    let buffer = terminal.backend().buffer();
    let say = find(buffer, "┌ Say exactly · Q2 of 3").unwrap();
    let section = find(
        buffer,
        "Now a few questions about how you work with others.",
    )
    .expect("the section's words, said as the plan comes to it");
    let asked = find(buffer, "Describe a time you disagreed with a teammate.").unwrap();
    assert_eq!(
        (section.1, asked.1),
        (say.1 + 1, say.1 + 3),
        "said first, in the block"
    );
    app.next_phase(t0);
    assert!(
        !app.text(24, t0).contains("Now a few questions"),
        "said once, at the section's first question"
    );

    app.next_phase(t0);
    let text = app.text(24, t0);
    assert!(text.contains("Leave the rest of the time for their questions."));
    assert!(
        !text.contains("What questions have you got"),
        "no words to say: {text}"
    );

    app.next_phase(t0);
    let text = app.text(24, t0);
    assert!(text.contains("Closing"), "{text}");
    assert!(text.contains("Thank you, Sam Lee. You'll hear from us within a week."));

    app.next_phase(t0);
    let text = app.text(40, t0);
    assert!(text.contains("Notes · Wrap-up"), "{text}");
    assert!(text.contains("After the interview For you: Write up your notes within the hour."));
}

#[test]
fn a_placeholder_from_set_is_filled_and_an_unfilled_one_shows_marked() {
    let t0 = Instant::now();
    let guide = values();
    let prefill = Prefill {
        candidate: Some("Sam Lee".into()),
        interviewer: Some("Alex".into()),
        fills: BTreeMap::from([("project".to_string(), "Apollo".to_string())]),
        ..Prefill::default()
    };
    let mut app = Console::setup(guide.clone(), prefill, t0);
    let text = app.text(24, t0);
    assert!(
        text.contains("project Apollo"),
        "--set fills the field: {text}"
    );
    app.press(KeyCode::Enter, t0);
    app.next_phase(t0);
    assert!(
        app.text(24, t0)
            .contains("Tell me about your work on Apollo.")
    );

    let choice = QuestionChoice::default_for(&guide, None);
    let plan = Plan::new(&guide, None, "Sam Lee", "Alex", 45, &choice).unwrap();
    let mut app = Console::started(guide, plan, t0);
    app.next_phase(t0);
    let terminal = app.draw(80, 24, t0);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "{project}").expect("an unfilled placeholder shows");
    let x = u16::try_from(x).unwrap();
    let y = u16::try_from(y).unwrap();
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "and is marked"
    );
}

#[test]
fn a_pick_group_says_how_many_to_ask_on_the_setup_screen() {
    let t0 = Instant::now();
    let prefill = Prefill {
        candidate: Some("Sam Lee".into()),
        interviewer: Some("Alex".into()),
        ..Prefill::default()
    };
    let mut app = Console::setup(values(), prefill, t0);
    let text = app.text(24, t0);
    assert!(
        text.contains("Work experience: ask 1 of these 2 · 1 chosen"),
        "{text}"
    );
    // The second of the group chosen too: more than the guide picks, said so.
    app.press(KeyCode::Down, t0);
    app.press(KeyCode::Char(' '), t0);
    let text = app.text(24, t0);
    assert!(
        text.contains("Work experience: ask 1 of these 2 · 2 chosen"),
        "{text}"
    );
    assert!(text.contains("[x] 2. Tell me about a time you worked with a difficult client."));
    app.press(KeyCode::Down, t0);
    assert!(
        !app.text(24, t0).contains("ask 1 of these"),
        "not a group question"
    );
}

/// A guide without roles with `count` questions.
fn long_guide(count: usize) -> Guide {
    let questions: String = (1..=count)
        .map(|n| format!("      - {{id: q{n}, text: Question number {n}?}}\n"))
        .collect();
    let yaml = format!(
        "title: Long screen\nintro:\n  statement: [Hello.]\nsections:\n  - title: All\n    questions:\n{questions}timing:\n  minutes: 120\n  intro_minutes: 5\n  candidate_questions_minutes: 10\n  questions: {count}\n"
    );
    Guide::parse(&yaml, "long.yaml").unwrap()
}

#[test]
fn with_25_questions_at_80_columns_the_strip_keeps_the_current_phase_and_its_ends() {
    let t0 = Instant::now();
    let guide = long_guide(25);
    let choice = QuestionChoice::default_for(&guide, None);
    assert_eq!(choice.chosen_count(), 25);
    let plan = Plan::new(&guide, None, "Sam Lee", "Alex", 120, &choice).unwrap();
    let mut app = Console::started(guide, plan, t0);
    for phase in 0..28 {
        let terminal = app.draw(80, 24, t0);
        let strip = rows(terminal.backend().buffer())[2].clone();
        assert!(strip.contains("Intro"), "phase {phase}: {strip}");
        assert!(strip.contains("Their questions"), "phase {phase}: {strip}");
        assert!(strip.contains("Wrap-up"), "phase {phase}: {strip}");
        assert!(
            strip.contains('●'),
            "the current phase, at phase {phase}: {strip}"
        );
        if (1..=25).contains(&phase) {
            assert!(
                strip.contains(&format!("Q{phase} ●")),
                "phase {phase}: {strip}"
            );
        }
        if phase == 13 {
            insta::assert_snapshot!("strip_at_q13_of_25", strip);
        }
        app.next_phase(t0);
    }
}

#[test]
fn a_strip_that_fits_is_not_windowed() {
    let t0 = Instant::now();
    let guide = long_guide(8);
    let choice = QuestionChoice::default_for(&guide, None);
    let plan = Plan::new(&guide, None, "Sam Lee", "Alex", 120, &choice).unwrap();
    let mut app = Console::started(guide, plan, t0);
    let strip = rows(app.draw(80, 24, t0).backend().buffer())[2].clone();
    assert!(!strip.contains('…'), "{strip}");
    assert!(strip.contains("Q8"), "{strip}");
}
