//! The sessions folder: one JSON file per interview, a lock file beside each.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Local, Utc};

use std::os::unix::fs::OpenOptionsExt;

use super::files::{
    PRIVATE_FILE, ensure_own_dir, ensure_private_dir, read_plain_file, remove_stale_temp_files,
    write_bytes_atomic,
};
use super::id::SessionId;
use super::record::{SCHEMA_VERSION, SessionRecord, Status};
use crate::guide::Link;

/// A temporary file older than this is no write under way but a left-over.
const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// Why a session could not be read, named by its file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a readable session ({reason}); left as it is")]
    Corrupt { path: PathBuf, reason: String },
    #[error(
        "{path}: written by a newer interview-console (format {found}, this one reads up to {SCHEMA_VERSION}); left as it is"
    )]
    Newer { path: PathBuf, found: u64 },
    #[error("no session `{0}` (see `interview-console list`)")]
    NotFound(SessionId),
    #[error("session {id} is open in another console{}", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { id: SessionId, pid: Option<u32> },
    #[error("{path}: holds session {found}, not the one its name says; left as it is")]
    Misnamed { path: PathBuf, found: SessionId },
    #[error("{path}: not named like a session (20261127-1402-sam-lee.json); left as it is")]
    NotASessionName { path: PathBuf },
}

/// Reads and checks a session file. A newer format or a broken file is reported, never
/// rewritten.
pub fn read_record(path: &Path) -> Result<SessionRecord, LoadError> {
    let bytes = read_plain_file(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let corrupt = |reason: String| LoadError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| corrupt("no schema_version".into()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::Newer {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let record: SessionRecord =
        serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))?;
    let phases = record.phase_count();
    if record.phases.len() != phases || record.current_phase >= phases {
        return Err(corrupt(format!(
            "{} phases for {} questions",
            record.phases.len(),
            record.questions.len()
        )));
    }
    if let Some(problem) = record.times_problem() {
        return Err(corrupt(problem.to_string()));
    }
    if let Some(problem) = record.shape_problem() {
        return Err(corrupt(problem));
    }
    // The link reaches the terminal (OSC 8), the browser and the scorecard: never unchecked.
    for question in &record.questions {
        if let Some(Err(bad)) = question.guidelines_url.as_deref().map(Link::parse) {
            return Err(corrupt(format!(
                "the guidelines link of question `{}` {bad}",
                question.id
            )));
        }
    }
    Ok(record)
}

/// Reads the session file of `id`: it must hold that session, so a copy or a link under
/// another name is never taken for the session it names.
fn read_session(path: &Path, id: &SessionId) -> Result<SessionRecord, LoadError> {
    let record = read_record(path)?;
    if record.id != *id {
        return Err(LoadError::Misnamed {
            path: path.to_path_buf(),
            found: record.id,
        });
    }
    Ok(record)
}

/// The record as the session file holds it.
pub fn record_json(record: &SessionRecord) -> io::Result<Vec<u8>> {
    let mut json = serde_json::to_vec_pretty(record)?;
    json.push(b'\n');
    Ok(json)
}

/// Holds a session for one console. The OS drops the lock when the process ends, however
/// it ends, so a crash never leaves a session locked.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

/// Sessions in one folder.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
    /// The data folder above `dir`.
    root: PathBuf,
    /// Whether the data folder is the console's own (made private like its sessions
    /// folder) or one the interviewer chose (its mode left as they set it).
    root_is_ours: bool,
}

impl SessionStore {
    /// The platform's data folder (`$XDG_DATA_HOME/interview-console/sessions` on Linux).
    pub fn default_location() -> Option<SessionStore> {
        let dirs = directories::ProjectDirs::from("", "", "interview-console")?;
        let root = dirs.data_dir().to_path_buf();
        Some(SessionStore {
            dir: root.join("sessions"),
            root,
            root_is_ours: true,
        })
    }

    /// Sessions in `root/sessions`: a data folder of the interviewer's choosing.
    pub fn in_data_dir(root: PathBuf) -> SessionStore {
        SessionStore {
            dir: root.join("sessions"),
            root,
            root_is_ours: false,
        }
    }

    /// Sessions in `dir`, which is also the only folder made private.
    pub fn at(dir: impl Into<PathBuf>) -> SessionStore {
        let dir = dir.into();
        SessionStore {
            root: dir.clone(),
            dir,
            root_is_ours: true,
        }
    }

    /// Creates a folder of the store, private to the user, and the data folder above it.
    pub fn ensure_dir(&self, dir: &Path) -> io::Result<()> {
        if self.root_is_ours {
            ensure_private_dir(&self.root)?;
        } else {
            ensure_own_dir(&self.root)?;
        }
        ensure_private_dir(dir)
    }

    /// A warning when other users can list the sessions folder (one reached through a
    /// symlink keeps the mode it has): the names of its files name candidates.
    pub fn exposure(&self) -> Option<String> {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&self.dir).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            format!(
                "{} can be listed by other users (mode {:o}): the file names say who was interviewed",
                self.dir.display(),
                mode & 0o7777
            )
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The console's data folder, which holds the sessions folder.
    pub fn data_dir(&self) -> &Path {
        &self.root
    }

    /// Where scorecards written from the console go: beside the sessions folder.
    pub fn exports_dir(&self) -> PathBuf {
        if self.root == self.dir {
            self.dir.join("exports")
        } else {
            self.root.join("exports")
        }
    }

    /// The session file of an id. Only a checked id makes a path.
    pub fn path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn lock_path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.lock"))
    }

    /// Removes what a crash in the middle of a write left in the sessions and exports
    /// folders: temporary files of ours more than `LEFTOVER_AGE` old.
    pub fn remove_leftovers(&self, now: SystemTime) {
        for dir in [self.dir.clone(), self.exports_dir()] {
            remove_stale_temp_files(&dir, now, LEFTOVER_AGE);
        }
    }

    /// Where the console writes the scorecard of a session.
    pub fn export_path(&self, id: &SessionId) -> PathBuf {
        self.exports_dir().join(format!("{id}.md"))
    }

    /// Writes a record atomically, creating the private folder if needed. The error says
    /// what went wrong first (it may be cut short in the footer), then the folder.
    pub fn save(&self, record: &SessionRecord) -> io::Result<()> {
        self.ensure_dir(&self.dir)
            .and_then(|()| write_bytes_atomic(&self.path(&record.id), &record_json(record)?))
            .map_err(|e| io::Error::new(e.kind(), format!("{e} in {}", self.dir.display())))
    }

    /// A new, unused id (`20261127-1402-sam-lee`, then `-2`, `-3`… for the same minute),
    /// held by a lock from the start. Fails when the folder cannot be written.
    pub fn create(
        &self,
        candidate: &str,
        started: DateTime<Local>,
    ) -> io::Result<(SessionId, SessionLock)> {
        self.ensure_dir(&self.dir)?;
        let base = SessionId::base(candidate, started);
        for n in 1..=u32::MAX {
            let id = base.nth(n);
            if self.path(&id).exists() {
                continue;
            }
            // Creating the lock file is the reservation: only one process can create it.
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(PRIVATE_FILE)
                .open(self.lock_path(&id))
            {
                Ok(file) => {
                    // Only this process has the file, so the lock is free; taking it keeps
                    // a second console from opening the session while this one runs.
                    file.try_lock().map_err(io::Error::from)?;
                    return Ok((id, held(file)?));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other(format!("no free id left for {base}")))
    }

    /// Takes the lock of an existing session, or says who holds it.
    pub fn lock(&self, id: &SessionId) -> Result<SessionLock, LoadError> {
        let path = self.lock_path(id);
        self.ensure_dir(&self.dir).map_err(|source| LoadError::Io {
            path: self.dir.clone(),
            source,
        })?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(PRIVATE_FILE)
            .open(&path)
            .map_err(|source| LoadError::Io { path, source })?;
        match file.try_lock() {
            Ok(()) => held(file).map_err(|source| LoadError::Io {
                path: self.lock_path(id),
                source,
            }),
            Err(TryLockError::WouldBlock) => {
                let pid = fs::read_to_string(self.lock_path(id))
                    .ok()
                    .and_then(|s| s.trim().parse().ok());
                Err(LoadError::Locked {
                    id: id.clone(),
                    pid,
                })
            }
            Err(TryLockError::Error(source)) => Err(LoadError::Io {
                path: self.lock_path(id),
                source,
            }),
        }
    }

    pub fn load(&self, id: &SessionId) -> Result<SessionRecord, LoadError> {
        let path = self.path(id);
        if !path.exists() {
            return Err(LoadError::NotFound(id.clone()));
        }
        read_session(&path, id)
    }

    /// Every readable session, newest first, and the files that are not readable.
    pub fn list(&self) -> (Vec<SessionRecord>, Vec<LoadError>) {
        let mut records = Vec::new();
        let mut bad = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return (records, bad);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let named = path
                .file_stem()
                .and_then(|stem| SessionId::parse(stem.to_str()?).ok());
            let Some(id) = named else {
                bad.push(LoadError::NotASessionName { path });
                continue;
            };
            match read_session(&path, &id) {
                Ok(record) => records.push(record),
                Err(e) => bad.push(e),
            }
        }
        records.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
        (records, bad)
    }

    /// The unfinished sessions started since `since`, newest first.
    pub fn unfinished_since(&self, since: DateTime<Utc>) -> Vec<SessionRecord> {
        self.list()
            .0
            .into_iter()
            .filter(|r| r.status == Status::InProgress && r.started_at >= since)
            .collect()
    }

    /// Removes a session, its exports (`exports/ID.md` and any other `ID.*` there: every
    /// note is in them) and its lock file; refused while a console holds it. The exports go
    /// first, so a failure leaves the session to delete again. Returns the exports removed.
    pub fn delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, LoadError> {
        let path = self.path(id);
        if !path.exists() {
            return Err(LoadError::NotFound(id.clone()));
        }
        let lock = self.lock(id)?;
        let exports = self.exports_of(id);
        for export in &exports {
            fs::remove_file(export).map_err(|source| LoadError::Io {
                path: export.clone(),
                source,
            })?;
        }
        fs::remove_file(&path).map_err(|source| LoadError::Io { path, source })?;
        drop(lock);
        // The lock file is only a handle for flock; without the session it means nothing.
        let _ = fs::remove_file(self.lock_path(id));
        Ok(exports)
    }

    /// The files in the exports folder named `ID.<extension>`.
    fn exports_of(&self, id: &SessionId) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.exports_dir()) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|entry| {
                entry.file_name().to_str().is_some_and(|name| {
                    name.strip_prefix(id.as_str())
                        .and_then(|rest| rest.strip_prefix('.'))
                        .is_some_and(|ext| {
                            !ext.is_empty() && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                        })
                })
            })
            .map(|entry| entry.path())
            .collect();
        found.sort();
        found
    }
}

/// A lock file this process has locked, with its process id written in for the message
/// another console shows (the lock itself is the flock).
fn held(mut file: File) -> io::Result<SessionLock> {
    file.set_len(0)?;
    write!(file, "{}", std::process::id())?;
    Ok(SessionLock { _file: file })
}
