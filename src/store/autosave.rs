//! The writer thread: saving never happens on the input path.
//!
//! The console hands over a snapshot of the session; the thread turns the newest one it has
//! into the session file's record and writes it, and when a write fails it keeps that
//! snapshot and tries again every few seconds
//! until one succeeds or the console stops. Status is shared for the footer.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::id::SessionId;
use super::record::SessionRecord;
use super::sessions::{SessionLock, SessionStore};
use crate::interview::session::SessionSnapshot;

/// How long a failed save waits before the next try.
pub const RETRY_AFTER: Duration = Duration::from_secs(2);

/// Where snapshots go. The session's file in the console; doubles that fail in tests.
pub trait SessionSink: Send {
    fn save(&mut self, snapshot: &SessionSnapshot) -> io::Result<()>;

    /// The id the session is saved under, once it has one of its own.
    fn saved_as(&self) -> Option<SessionId> {
        None
    }
}

/// The console's session in the sessions folder, under an id of its own.
///
/// A new interview's id is reserved (its lock file created exclusively, then held) the
/// first time the folder can be written, which may be long after the interview began if
/// the folder refused it at first; every snapshot is then saved under that id, whatever id
/// it came with. So a session never writes over a file it did not create, and no second
/// console can open it while this one runs.
pub struct SessionFile {
    store: SessionStore,
    held: Option<(SessionId, SessionLock)>,
}

impl SessionFile {
    /// A session that has no id yet: the first save reserves one.
    pub fn new(store: SessionStore) -> SessionFile {
        SessionFile { store, held: None }
    }

    /// A session already held under `id` (resumed).
    pub fn holding(store: SessionStore, id: SessionId, lock: SessionLock) -> SessionFile {
        SessionFile {
            store,
            held: Some((id, lock)),
        }
    }
}

impl SessionSink for SessionFile {
    fn save(&mut self, snapshot: &SessionSnapshot) -> io::Result<()> {
        let id = match &self.held {
            Some((id, _)) => id.clone(),
            None => {
                let header = &snapshot.header;
                let started = header.started_at.with_timezone(&chrono::Local);
                let (id, lock) = self
                    .store
                    .create(&snapshot.plan.candidate, started)
                    .map_err(|e| {
                        io::Error::new(e.kind(), format!("{e} in {}", self.store.dir().display()))
                    })?;
                self.held = Some((id.clone(), lock));
                id
            }
        };
        self.store
            .save(&SessionRecord::from_snapshot(snapshot, id, Utc::now()))
    }

    fn saved_as(&self) -> Option<SessionId> {
        self.held.as_ref().map(|(id, _)| id.clone())
    }
}

/// What the footer says about saving.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// When the last write succeeded.
    pub saved_at: Option<Instant>,
    /// Why the last write failed, while it keeps failing.
    pub error: Option<String>,
    /// The id the session is saved under, once the sessions folder gave it one.
    pub saved_as: Option<SessionId>,
}

enum Message {
    Save(Box<SessionSnapshot>),
    /// Write what is pending now and answer with the outcome.
    Flush(Sender<Result<(), String>>),
}

pub struct Autosaver {
    sender: Option<Sender<Message>>,
    status: Arc<Mutex<SaveStatus>>,
    thread: Option<JoinHandle<()>>,
}

impl Autosaver {
    pub fn spawn(sink: Box<dyn SessionSink>) -> Autosaver {
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(SaveStatus::default()));
        let shared = Arc::clone(&status);
        let thread = thread::Builder::new()
            .name("autosave".into())
            .spawn(move || write_loop(sink, &receiver, &shared))
            .ok();
        Autosaver {
            sender: Some(sender),
            status,
            thread,
        }
    }

    /// Queues a snapshot; returns at once.
    pub fn save(&self, snapshot: Box<SessionSnapshot>) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(Message::Save(snapshot));
        }
    }

    /// Waits (up to `timeout`) until everything queued so far is written, or has failed.
    pub fn flush(&self, timeout: Duration) -> Result<(), String> {
        let (ack, answer) = mpsc::channel();
        let sent = self
            .sender
            .as_ref()
            .is_some_and(|s| s.send(Message::Flush(ack)).is_ok());
        if !sent {
            return Err("the writer has stopped".into());
        }
        answer
            .recv_timeout(timeout)
            .unwrap_or_else(|_| Err("saving did not finish in time".into()))
    }

    pub fn status(&self) -> SaveStatus {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        // Closing the channel lets the thread write what it holds and end.
        self.sender.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn write_loop(
    mut sink: Box<dyn SessionSink>,
    receiver: &Receiver<Message>,
    status: &Mutex<SaveStatus>,
) {
    let mut pending: Option<Box<SessionSnapshot>> = None;
    let mut write = |pending: &mut Option<Box<SessionSnapshot>>| -> Result<(), String> {
        let Some(snapshot) = pending.as_deref() else {
            return Ok(());
        };
        let outcome = sink.save(snapshot).map_err(|e| e.to_string());
        let mut shown = status.lock().unwrap_or_else(PoisonError::into_inner);
        shown.saved_as = sink.saved_as();
        match &outcome {
            Ok(()) => {
                shown.saved_at = Some(Instant::now());
                shown.error = None;
                *pending = None;
            }
            Err(e) => shown.error = Some(e.clone()),
        }
        outcome
    };
    loop {
        // While a write is failing, wake up to try again; otherwise sleep until told.
        let message = if pending.is_some() {
            receiver.recv_timeout(RETRY_AFTER)
        } else {
            receiver.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match message {
            Ok(Message::Save(snapshot)) => {
                pending = Some(snapshot);
                // Only the newest snapshot matters: skip any already superseded.
                let mut flushes = Vec::new();
                while let Ok(next) = receiver.try_recv() {
                    match next {
                        Message::Save(newer) => pending = Some(newer),
                        Message::Flush(ack) => flushes.push(ack),
                    }
                }
                let outcome = write(&mut pending);
                for ack in flushes {
                    let _ = ack.send(outcome.clone());
                }
            }
            Ok(Message::Flush(ack)) => {
                let _ = ack.send(write(&mut pending));
            }
            Err(RecvTimeoutError::Timeout) => {
                let _ = write(&mut pending);
            }
            Err(RecvTimeoutError::Disconnected) => {
                let _ = write(&mut pending);
                return;
            }
        }
    }
}
