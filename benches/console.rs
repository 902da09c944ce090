//! In-process costs: a full frame, a keystroke handled and drawn, and a save.
//!
//! `cargo bench --bench console`. DESIGN.md's budgets: a keystroke handled and drawn at
//! 200×60 with word wrap in ≤ 1 ms with a 300-line phase and ≤ 16 ms with 10,000 lines.
//! The reference measured in the same run is a bare `Paragraph` frame of the same size.
//! Far moves in the notes (to the top, to the bottom) are keystrokes too and are measured
//! at 10,000 lines.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::widgets::{Paragraph, Wrap};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::{Plan, QuestionChoice};
use interview_console::store::{SessionId, SessionRecord, SessionStore};
use interview_console::tui::action::Action;
use interview_console::tui::input::handle_events;
use interview_console::tui::model::{Model, WallClock};
use interview_console::tui::update::update;
use interview_console::tui::view::{self, ViewCache};

const SIZES: [usize; 3] = [300, 1_000, 10_000];

/// A line of notes as an interviewer writes them: a stamp, some words, an impression word
/// now and then, a quote now and then.
fn note_line(n: usize) -> String {
    match n % 5 {
        0 => format!(
            "[{:02}:{:02}] walked through the incident timeline with owners and dates",
            n / 60 % 60,
            n % 60
        ),
        1 => "\"we chained the SSRF to the metadata service and rotated every key\"".into(),
        2 => "seems confident about the rollout; asked about ownership of the fix".into(),
        3 => "reported via the bug bounty programme, fixed in two days, verified".into(),
        _ => "followed up with the platform team on logging gaps and alert noise".into(),
    }
}

/// An interview on Q1 whose notes hold `lines` lines, the cursor at their end.
fn model_with_notes(lines: usize, now: Instant) -> Model {
    let guide = Guide::builtin().expect("built-in guide");
    let role = find_role(&guide, "pentest").expect("role").clone();
    let choice = QuestionChoice::default_for(&guide, &role);
    let plan = Plan::new(&guide, &role, "Sam Lee", "Alex", 60, &choice).expect("plan");
    let wall_clock = WallClock {
        instant: now,
        utc: chrono::Utc::now(),
        offset: chrono::FixedOffset::east_opt(0).unwrap(),
    };
    let mut model = Model::started(guide, plan, wall_clock);
    let text: Vec<String> = (0..lines).map(note_line).collect();
    let next = Event::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    handle_events(&mut model, [next, Event::Paste(text.join("\n"))], now);
    model
}

/// A frame as the runtime draws it: drawn, then what it told handed to the model.
fn frame(
    terminal: &mut Terminal<TestBackend>,
    model: &mut Model,
    cache: &mut ViewCache,
    now: Instant,
) {
    let mut layout = None;
    terminal
        .draw(|f| layout = Some(view::draw(model, cache, f.buffer_mut(), now)))
        .expect("draw");
    if let Some(layout) = layout {
        update(model, Action::Drawn(layout), now);
    }
}

fn frames(c: &mut Criterion) {
    let now = Instant::now();
    let mut group = c.benchmark_group("frame_200x60");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let reference: String = (0..300).map(note_line).collect::<Vec<_>>().join("\n");
    group.bench_function("reference_bare_paragraph", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    f.render_widget(
                        Paragraph::new(black_box(reference.as_str())).wrap(Wrap { trim: false }),
                        f.area(),
                    );
                })
                .expect("draw");
        });
    });
    for lines in SIZES {
        let mut model = model_with_notes(lines, now);
        let mut cache = ViewCache::default();
        let mut tick = 0u64;
        group.bench_function(BenchmarkId::new("console", lines), |b| {
            b.iter(|| {
                // A new second each frame, as the clock makes it, so the header redraws.
                tick += 1;
                let at = now + Duration::from_secs(tick % 3600);
                frame(&mut terminal, &mut model, &mut cache, at);
            });
        });
    }
    group.finish();
}

fn keystrokes(c: &mut Criterion) {
    let now = Instant::now();
    let mut group = c.benchmark_group("keystroke_200x60");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    for lines in SIZES {
        let mut model = model_with_notes(lines, now);
        let mut cache = ViewCache::default();
        frame(&mut terminal, &mut model, &mut cache, now);
        let mut n = 0usize;
        group.bench_function(BenchmarkId::new("handled_and_drawn", lines), |b| {
            b.iter(|| {
                // Type and delete in turn, so the notes keep their size.
                n += 1;
                let key = if n.is_multiple_of(2) {
                    KeyCode::Backspace
                } else {
                    KeyCode::Char('x')
                };
                let key = Event::Key(KeyEvent::new(key, KeyModifiers::NONE));
                handle_events(&mut model, [key], now);
                frame(&mut terminal, &mut model, &mut cache, now);
            });
        });
    }
    group.finish();
}

/// The notes' far moves: to the top and back to the bottom of 10,000 lines, in turn.
fn far_moves(c: &mut Criterion) {
    let now = Instant::now();
    let mut group = c.benchmark_group("far_move_200x60");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut model = model_with_notes(10_000, now);
    let mut cache = ViewCache::default();
    frame(&mut terminal, &mut model, &mut cache, now);
    let mut n = 0usize;
    group.bench_function("top_or_bottom_handled_and_drawn/10000", |b| {
        b.iter(|| {
            n += 1;
            let code = if n.is_multiple_of(2) {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            let key = KeyEvent::new(code, KeyModifiers::CONTROL | KeyModifiers::ALT);
            handle_events(&mut model, [Event::Key(key)], now);
            frame(&mut terminal, &mut model, &mut cache, now);
        });
    });
    group.finish();
}

fn saving(c: &mut Criterion) {
    let now = Instant::now();
    // About 1 MB of notes: 15,000 lines of ~70 bytes.
    let model = model_with_notes(15_000, now);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SessionStore::at(dir.path().join("sessions"));
    let id = SessionId::parse("20261127-1400-bench").expect("an id");
    let record = |model: &Model| {
        let snapshot = model.snapshot(now).expect("snapshot");
        SessionRecord::from_snapshot(&snapshot, id.clone(), chrono::Utc::now())
    };
    let size = interview_console::store::sessions::record_json(&record(&model))
        .expect("json")
        .len();
    let mut group = c.benchmark_group("save");
    group.sample_size(20);
    group.bench_function(
        format!("snapshot_serialize_atomic_write_{}kB", size / 1024),
        |b| {
            b.iter(|| {
                store.save(black_box(&record(&model))).expect("save");
            });
        },
    );
    group.finish();
}

criterion_group!(benches, frames, keystrokes, far_moves, saving);
criterion_main!(benches);
