//! The release binary in a real pseudo-terminal, measured from outside the process, with
//! `vim -u NONE` measured the same way in the same run as the reference.
//!
//! `cargo bench --bench terminal` (about half a minute). Figures, in a 200×60 terminal: time
//! to first frame; wake-ups per second and CPU while idle for 10 s on the first question
//! with the clock running, and the CPU a one-second tick costs (schedstat, from /proc); time
//! to type 4 KB of notes until they are on screen; time until a keystroke shows after a
//! 1 MB bracketed paste; peak resident memory. Each is printed with its ratio to vim and
//! DESIGN.md's budget. Linux only (/proc).
//!
//! The harness is itself idle while it measures idle: its reader sleeps in poll(2) until the
//! program writes, so nothing keeps the core or its caches warm between the program's ticks.
//!
//! `INTERVIEW_CONSOLE_BEFORE=/path/to/an/older/binary cargo bench --bench terminal` measures
//! that binary in the same run too, for a before and after.
//!
//! A bare ticker is measured idle in the same run as the floor of a tick: this benchmark's
//! own binary, started again with `--bare-ticker`, which sleeps to each whole second and
//! writes about what a clock tick writes (~100 bytes). What a wake-up and a write cost on
//! this machine, nothing drawn.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use support::{Console, fresh_dir};

const IDLE: Duration = Duration::from_secs(10);

/// Columns and rows of the pseudo-terminal.
const SIZE: (u16, u16) = (200, 60);

struct Figures {
    first_frame: Duration,
    wakeups_per_s: f64,
    cpu_percent: f64,
    /// CPU per second of idle, in ms: with one wake-up a second, what a tick costs.
    cpu_ms_per_s: f64,
    type_4k: Duration,
    key_after_paste: Duration,
    peak_rss_kib: u64,
}

/// How a program is driven: how it starts, where typing goes, what its first frame shows.
struct Subject<'a> {
    name: &'a str,
    program: &'a Path,
    args: &'static [&'static str],
    /// Text on the first full frame.
    ready: &'static str,
    /// Keys to where it idles, and the text that shows it is there.
    to_idle: (&'static [u8], &'static str),
    /// Keys that put it where typing is text (vim: insert mode).
    start_typing: &'static [u8],
}

/// Voluntary context switches of every thread: each is a sleep the thread woke from, a
/// wake-up. (Involuntary switches are the scheduler taking the core away on a busy
/// machine: not the program waking.)
fn context_switches(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| l.starts_with("voluntary_ctxt_switches"))
                .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// CPU time of every thread, in nanoseconds (schedstat: finer than the 10 ms ticks of
/// /proc/PID/stat, which cannot tell 0.1 % from 0 over ten seconds).
fn cpu_nanos(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Lines of notes, each unique, ending with a marker that shows when all have arrived.
fn text(bytes: usize, marker: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    while out.len() < bytes {
        out.push_str(&format!(
            "{n:05} walked through the incident timeline with owners\r"
        ));
        n += 1;
    }
    out.push_str(marker);
    out
}

/// Wake-ups a second and CPU nanoseconds used in `IDLE`, from two seconds after now.
fn idle(pid: u32) -> (f64, f64) {
    thread::sleep(Duration::from_secs(2));
    let (switches, cpu) = (context_switches(pid), cpu_nanos(pid));
    thread::sleep(IDLE);
    let wakeups_per_s = (context_switches(pid) - switches) as f64 / IDLE.as_secs_f64();
    (wakeups_per_s, (cpu_nanos(pid) - cpu) as f64)
}

/// The CPU a bare ticker's one-second tick takes, in ms (see the module's doc).
fn bare_tick_ms() -> f64 {
    let data = fresh_dir("bench-ticker");
    let (cols, rows) = SIZE;
    let me = std::env::current_exe().expect("the benchmark's own path");
    let ticker = Console::spawn_program(&me, &data, &["--bare-ticker"], cols, rows, &[]);
    ticker.wait_for("ticking");
    let (_, cpu_used) = idle(ticker.pid());
    cpu_used / 1e6 / IDLE.as_secs_f64()
}

/// Sleeps to each whole second and writes a clock tick's worth of cursor moves and digits.
fn run_bare_ticker() {
    use std::io::Write;
    let mut out = std::io::stdout();
    let start = Instant::now();
    let _ = write!(out, "ticking");
    let _ = out.flush();
    for second in 1u64.. {
        let next = start + Duration::from_secs(second);
        thread::sleep(next.saturating_duration_since(Instant::now()));
        let _ = write!(
            out,
            "\x1b[1;191H\x1b[1m{}\x1b[2;6H\x1b[22m{}\x1b[3;191H{:0>60}",
            second % 10,
            second % 7,
            second
        );
        let _ = out.flush();
    }
}

fn measure(subject: &Subject) -> Figures {
    let data = fresh_dir("bench-data");
    let started = Instant::now();
    let (cols, rows) = SIZE;
    let mut console = Console::spawn_program(subject.program, &data, subject.args, cols, rows, &[]);
    console.wait_for(subject.ready);
    let first_frame = started.elapsed();
    let pid = console.pid();

    let (keys, idle_at) = subject.to_idle;
    console.send(keys);
    console.wait_for(idle_at);
    let (wakeups_per_s, cpu_used) = idle(pid);
    let cpu_percent = cpu_used / IDLE.as_nanos() as f64 * 100.0;
    let cpu_ms_per_s = cpu_used / 1e6 / IDLE.as_secs_f64();

    console.send(subject.start_typing);
    let typed = text(4096, "END4K");
    let start = Instant::now();
    console.type_text(&typed);
    console.wait_for("END4K");
    let type_4k = start.elapsed();

    let paste = text(1 << 20, "ENDPASTE");
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend_from_slice(paste.as_bytes());
    bytes.extend_from_slice(b"\x1b[201~");
    console.send(&bytes);
    let start = Instant::now();
    console.type_text("Zq");
    console.wait_for("ENDPASTEZq");
    let key_after_paste = start.elapsed();

    Figures {
        first_frame,
        wakeups_per_s,
        cpu_percent,
        cpu_ms_per_s,
        type_4k,
        key_after_paste,
        peak_rss_kib: peak_rss_kib(pid),
    }
}

fn main() {
    if std::env::args().any(|a| a == "--bare-ticker") {
        run_bare_ticker();
        return;
    }
    // `cargo bench` passes --bench and maybe a filter; this runs as a whole regardless.
    let console = Subject {
        name: "interview-console",
        program: Path::new(env!("CARGO_BIN_EXE_interview-console")),
        args: &["--role", "pentest", "--candidate", "Bench Mark"],
        ready: "Notes · Intro",
        to_idle: (b"\x0e", "Notes · Q1"),
        start_typing: b"",
    };
    let before_path = std::env::var_os("INTERVIEW_CONSOLE_BEFORE").map(std::path::PathBuf::from);
    let before = before_path.as_deref().map(|program| Subject {
        name: "before",
        program,
        ..console
    });
    let vim = Subject {
        name: "vim -u NONE",
        program: Path::new("/usr/bin/vim"),
        args: &["-u", "NONE", "-N"],
        ready: "~",
        to_idle: (b"", "~"),
        start_typing: b"i",
    };
    let ours = measure(&console);
    let earlier = before.as_ref().map(measure);
    let reference = vim.program.exists().then(|| measure(&vim));
    let bare_tick = bare_tick_ms();

    let (cols, rows) = SIZE;
    println!(
        "\nterminal benchmark, {cols}×{rows} pseudo-terminal, idle on the first question: {} against {}",
        console.name, vim.name
    );
    println!(
        "{:<34} {:>17} {:>12} {:>8} {:>10}  budget",
        "figure", console.name, vim.name, "ratio", "before"
    );
    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1000.0
    }
    type Figure = fn(&Figures) -> f64;
    let rows: [(&str, Figure, &str); 7] = [
        ("time to first frame (ms)", |f| ms(f.first_frame), "≤ 50 ms"),
        ("idle wake-ups per second", |f| f.wakeups_per_s, "≤ 1.1/s"),
        ("idle CPU (%)", |f| f.cpu_percent, "≤ 0.03 %"),
        (
            "idle CPU a second (ms, a tick)",
            |f| f.cpu_ms_per_s,
            "≤ 0.3 ms",
        ),
        (
            "type 4 KB until on screen (ms)",
            |f| ms(f.type_4k),
            "≤ 1.2 × vim",
        ),
        (
            "key after a 1 MB paste (ms)",
            |f| ms(f.key_after_paste),
            "≤ 1000 ms",
        ),
        ("peak RSS (KiB)", |f| f.peak_rss_kib as f64, "≤ 2 × vim"),
    ];
    for (name, figure, budget) in rows {
        let value = figure(&ours);
        let (vim_text, ratio) = match reference.as_ref().map(figure) {
            Some(v) if v > 0.0 => (format!("{v:.3}"), format!("{:.2}", value / v)),
            Some(v) => (format!("{v:.3}"), "—".into()),
            None => ("(no vim)".into(), "—".into()),
        };
        let before_text = earlier
            .as_ref()
            .map_or_else(|| "—".to_string(), |f| format!("{:.3}", figure(f)));
        println!("{name:<34} {value:>17.3} {vim_text:>12} {ratio:>8} {before_text:>10}  {budget}");
    }
    println!(
        "a bare ticker's tick (ms): {bare_tick:.3}; the console's tick is {:.2} of it{}",
        ours.cpu_ms_per_s / bare_tick,
        earlier.as_ref().map_or_else(String::new, |f| format!(
            ", before {:.2}",
            f.cpu_ms_per_s / bare_tick
        ))
    );
}
