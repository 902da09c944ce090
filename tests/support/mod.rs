//! The real binary in a pseudo-terminal: spawn it, type into it, read its screen.
//!
//! The terminal's output is drained on a thread of its own into a `vt100` parser, so the
//! program never blocks on a full pty buffer; tests poll the parsed screen with a deadline
//! instead of sleeping. Shared by several test files, each using part of it.

#![allow(dead_code)]

pub mod buffers;
pub mod records;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const CTRL_N: &[u8] = b"\x0e";
pub const CTRL_P: &[u8] = b"\x10";
pub const CTRL_Q: &[u8] = b"\x11";

/// How often a wait looks again: fine enough for the terminal benchmark's timings.
const POLL_EVERY: Duration = Duration::from_millis(1);

/// Long enough for a debug build on a busy two-core machine; a pass takes milliseconds.
const DEADLINE: Duration = Duration::from_secs(20);

pub struct Console {
    /// The data folder the console was given (`XDG_DATA_HOME`), private to this test.
    pub data_home: PathBuf,
    /// Its temporary folder (`TMPDIR`), the last place a recovery file may go.
    pub temp: PathBuf,
    /// Its home folder (`HOME`) and state folder (`XDG_STATE_HOME`), private to this test.
    pub home: PathBuf,
    pub state_home: PathBuf,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for escapes the screen model does not keep (OSC 8).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// A byte written here stops the reader thread.
    stop_reading: libc::c_int,
    reader: Option<thread::JoinHandle<()>>,
}

impl Console {
    /// Starts the console with a data folder of its own.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Console {
        Console::spawn_in(&fresh_dir("data"), args, cols, rows, env)
    }

    /// Starts the console on a given data folder (to resume what an earlier one saved).
    pub fn spawn_in(
        data_home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Console {
        let program = Path::new(env!("CARGO_BIN_EXE_interview-console"));
        Console::spawn_program(program, data_home, args, cols, rows, env)
    }

    /// Starts any program the same way (the terminal benchmark runs vim beside the console).
    pub fn spawn_program(
        program: &Path,
        data_home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("XDG_DATA_HOME", data_home);
        command.env("RUST_BACKTRACE", "0");
        let temp = fresh_dir("tmp");
        command.env("TMPDIR", &temp);
        let home = fresh_dir("home");
        command.env("HOME", &home);
        let state_home = fresh_dir("state");
        command.env("XDG_STATE_HOME", &state_home);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("spawn the console");
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let sink = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        // The reader sleeps in poll(2) until the program writes or the test says stop (a
        // byte on this pipe): an idle harness, so idle figures are the program's alone.
        let mut stop_pipe = [0; 2];
        // SAFETY: pipe(2) fills the two descriptors of the array it is given.
        assert_eq!(unsafe { libc::pipe(stop_pipe.as_mut_ptr()) }, 0, "a pipe");
        let [stop_read, stop_write] = stop_pipe;
        let master_fd = pair.master.as_raw_fd().expect("a pty file descriptor");
        // SAFETY: dup(2) of a descriptor the master holds open; this copy is the reader's
        // own, closed by the reader thread, so the test can close the pty (hang up).
        let fd = unsafe { libc::dup(master_fd) };
        assert!(fd >= 0, "dup of the pty");
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let mut ready = [
                    libc::pollfd {
                        fd,
                        events: libc::POLLIN,
                        revents: 0,
                    },
                    libc::pollfd {
                        fd: stop_read,
                        events: libc::POLLIN,
                        revents: 0,
                    },
                ];
                // SAFETY: two valid pollfds, no timeout.
                if unsafe { libc::poll(ready.as_mut_ptr(), 2, -1) } < 0 {
                    if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                        continue;
                    }
                    break;
                }
                if ready[1].revents != 0 {
                    break;
                }
                // SAFETY: reads into a buffer of the length given, from our own descriptor.
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                let Ok(n) = usize::try_from(n) else { break };
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser").process(&buf[..n]);
                raw_sink.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
            // SAFETY: the descriptors dup'ed and piped above, closed once, here.
            unsafe {
                libc::close(fd);
                libc::close(stop_read);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Console {
            data_home: data_home.to_path_buf(),
            temp,
            home,
            state_home,
            parser,
            raw,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            stop_reading: stop_write,
            reader: Some(reader),
        }
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.data_home.join("interview-console").join("sessions")
    }

    /// The one session file in the data folder, once there is one. Fails if there are
    /// several: which one a test meant would be up to the order of a directory listing.
    pub fn session_file(&self) -> Option<PathBuf> {
        let files: Vec<PathBuf> = std::fs::read_dir(self.sessions_dir())
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        assert!(files.len() <= 1, "several sessions: {files:?}");
        files.into_iter().next()
    }

    /// Waits until the session file holds `text` (the writer is asynchronous).
    pub fn wait_for_saved(&self, text: &str) -> PathBuf {
        let mut found = None;
        self.poll(&format!("{text:?} in the session file"), || {
            found = self
                .session_file()
                .filter(|path| std::fs::read_to_string(path).is_ok_and(|json| json.contains(text)));
            found.is_some()
        });
        found.expect("found when the poll ended")
    }

    /// Waits until a JSON file in `dir` holds `text`, and returns it.
    pub fn wait_for_file_holding(&self, dir: &Path, text: &str) -> PathBuf {
        let mut found = None;
        self.poll(&format!("{text:?} in a file of {}", dir.display()), || {
            found = std::fs::read_dir(dir).ok().and_then(|entries| {
                entries.flatten().map(|e| e.path()).find(|p| {
                    p.extension().is_some_and(|x| x == "json")
                        && std::fs::read_to_string(p).is_ok_and(|t| t.contains(text))
                })
            });
            found.is_some()
        });
        found.expect("found when the poll ended")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).expect("type into the pty");
        writer.flush().expect("flush the pty");
    }

    /// Closes the terminal, as closing its window does: every descriptor of the pty's
    /// master side goes, so the program gets SIGHUP and end of input.
    pub fn hang_up(&mut self) {
        self.stop_reader();
        // portable-pty's writer, when dropped, types a newline and the EOF character for the
        // program to read; a closing window types nothing. With no EOF character set it
        // types nothing either (raw mode ignores VEOF, so the program does not notice).
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: termios calls on a descriptor the master holds open.
            unsafe {
                let mut termios: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut termios) == 0 {
                    termios.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &termios);
                }
            }
        }
        self.writer.take();
        self.master.take();
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Everything written so far, escapes included, as text.
    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }

    /// Waits until the raw output holds `text` (an escape sequence, say).
    pub fn wait_for_raw(&self, text: &str) {
        self.poll(&format!("{text:?} written"), || {
            self.raw_output().contains(text)
        });
    }

    pub fn screen_text(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn with_screen<T>(&self, read: impl FnOnce(&vt100::Screen) -> T) -> T {
        read(self.parser.lock().expect("parser").screen())
    }

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("the screen to show {text:?}"), |screen| {
            screen.contents().contains(text)
        });
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        self.poll(what, || self.with_screen(&done));
    }

    /// Checks `done` every `POLL_EVERY` until it holds; fails with the screen after the deadline.
    fn poll(&self, what: &str, mut done: impl FnMut() -> bool) {
        let start = Instant::now();
        while !done() {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; the screen:\n{}",
                self.screen_text()
            );
            thread::sleep(POLL_EVERY);
        }
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the console did not exit; the screen:\n{}",
                self.screen_text()
            );
            thread::sleep(POLL_EVERY);
        }
    }
}

impl Console {
    /// Stops the reader thread and waits for it.
    fn stop_reader(&mut self) {
        if let Some(reader) = self.reader.take() {
            // SAFETY: one byte from a valid buffer to the pipe this console made.
            unsafe { libc::write(self.stop_reading, [1u8].as_ptr().cast(), 1) };
            reader.join().expect("the reader thread");
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        self.stop_reader();
        // SAFETY: the pipe's write end, closed once, here.
        unsafe { libc::close(self.stop_reading) };
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// A new, empty folder under the target directory, unique to this process and call.
pub fn fresh_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{name}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a test folder");
    dir
}
