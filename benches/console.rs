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
use interview_console::store::SessionStore;
use interview_console::tui::app::App;
use interview_console::tui::view;

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
fn app_with_notes(lines: usize, now: Instant) -> App {
    let guide = Guide::builtin().expect("built-in guide");
    let role = find_role(&guide, "pentest").expect("role").clone();
    let choice = QuestionChoice::default_for(&guide, &role);
    let plan = Plan::new(&guide, &role, "Sam Lee", "Alex", 60, &choice).expect("plan");
    let mut app = App::started(guide, plan, now);
    app.handle(
        &Event::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        now,
    );
    let text: Vec<String> = (0..lines).map(note_line).collect();
    app.handle(&Event::Paste(text.join("\n")), now);
    app
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
        let app = app_with_notes(lines, now);
        let mut tick = 0u64;
        group.bench_with_input(BenchmarkId::new("console", lines), &app, |b, app| {
            b.iter(|| {
                // A new second each frame, as the clock makes it, so the header redraws.
                tick += 1;
                let at = now + Duration::from_secs(tick % 3600);
                terminal.draw(|f| view::draw(app, f, at)).expect("draw");
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
        let mut app = app_with_notes(lines, now);
        terminal.draw(|f| view::draw(&app, f, now)).expect("draw");
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
                app.handle(&Event::Key(KeyEvent::new(key, KeyModifiers::NONE)), now);
                terminal.draw(|f| view::draw(&app, f, now)).expect("draw");
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
    let mut app = app_with_notes(10_000, now);
    terminal.draw(|f| view::draw(&app, f, now)).expect("draw");
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
            app.handle(&Event::Key(key), now);
            terminal.draw(|f| view::draw(&app, f, now)).expect("draw");
        });
    });
    group.finish();
}

fn saving(c: &mut Criterion) {
    let now = Instant::now();
    // About 1 MB of notes: 15,000 lines of ~70 bytes.
    let mut app = app_with_notes(15_000, now);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SessionStore::at(dir.path().join("sessions"));
    app.session = Some(interview_console::store::SessionHeader {
        id: interview_console::store::SessionId::parse("20261127-1400-bench").expect("an id"),
        guide: interview_console::store::record::GuideStamp {
            title: "bench".into(),
            sha256: String::new(),
        },
        started_at: chrono::Utc::now(),
    });
    let record = app.take_record(now, chrono::Utc::now()).expect("record");
    let size = interview_console::store::sessions::record_json(&record)
        .expect("json")
        .len();
    let mut group = c.benchmark_group("save");
    group.sample_size(20);
    group.bench_function(
        format!("snapshot_serialize_atomic_write_{}kB", size / 1024),
        |b| {
            b.iter(|| {
                let record = app.take_record(now, chrono::Utc::now()).expect("record");
                store.save(black_box(&record)).expect("save");
            });
        },
    );
    group.finish();
}

criterion_group!(benches, frames, keystrokes, far_moves, saving);
criterion_main!(benches);
