//! Recovery files: where a session goes when its own folder refuses it.
//!
//! Candidate notes are personal data, so a recovery file goes to the most private place that
//! takes it: a `recovery` folder in the data folder, then one in the state folder, then the
//! home folder, and only then the temporary folder, which other users share. Each is created
//! exclusively (`O_EXCL`), private to the user, under a random name that says nothing of
//! the candidate, so no one can guess it, claim it first or learn who was interviewed.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::files::{PRIVATE_FILE, ensure_private_dir};
use super::record::SessionRecord;
use super::sessions::record_json;

/// How every recovery file's name begins; the rest is random.
pub const PREFIX: &str = "interview-console-recovery-";
const SUFFIX: &str = ".json";
/// Random letters and digits in a name: 62^16, past guessing.
const RANDOM_CHARACTERS: usize = 16;

/// The folders a recovery file may go to, the most private first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryPlaces {
    /// Folders of the console's own (`recovery` in the data and state folders): made
    /// private if missing.
    private: Vec<PathBuf>,
    /// Folders that exist already and are not the console's (home, then temporary).
    shared: Vec<PathBuf>,
}

impl RecoveryPlaces {
    /// `data` and `state`: the console's data and state folders, if the platform has them.
    pub fn new(
        data: Option<&Path>,
        state: Option<&Path>,
        home: Option<PathBuf>,
        temp: PathBuf,
    ) -> RecoveryPlaces {
        RecoveryPlaces {
            private: [data, state]
                .into_iter()
                .flatten()
                .map(|d| d.join("recovery"))
                .collect(),
            shared: home.into_iter().chain([temp]).collect(),
        }
    }

    /// The platform's folders: `$XDG_DATA_HOME/interview-console/recovery`,
    /// `$XDG_STATE_HOME/interview-console/recovery`, `$HOME`, the temporary folder.
    pub fn from_environment(data: &Path) -> RecoveryPlaces {
        let dirs = directories::ProjectDirs::from("", "", "interview-console");
        let state = dirs
            .as_ref()
            .and_then(|d| d.state_dir().map(Path::to_path_buf));
        let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
        RecoveryPlaces::new(Some(data), state.as_deref(), home, std::env::temp_dir())
    }

    /// Every folder in the order they are tried.
    pub fn folders(&self) -> impl Iterator<Item = &Path> {
        self.private
            .iter()
            .chain(&self.shared)
            .map(PathBuf::as_path)
    }

    /// Writes the session to the first place that takes it; returns the path written.
    /// The error, when no place does, is the last place's.
    pub fn write(&self, record: &SessionRecord) -> io::Result<PathBuf> {
        let json = record_json(record)?;
        let mut last_error = io::Error::other("no folder to write a recovery file to");
        for (i, dir) in self.folders().enumerate() {
            let made = if i < self.private.len() {
                ensure_private_dir(dir)
            } else {
                Ok(())
            };
            match made.and_then(|()| write_new(dir, &json)) {
                Ok(path) => return Ok(path),
                Err(e) => last_error = io::Error::new(e.kind(), format!("{}: {e}", dir.display())),
            }
        }
        Err(last_error)
    }

    /// The recovery files there are now, in every place, oldest first.
    pub fn existing(&self) -> Vec<PathBuf> {
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = self
            .folders()
            .filter_map(|dir| fs::read_dir(dir).ok())
            .flat_map(|entries| entries.flatten())
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.starts_with(PREFIX) && name.ends_with(SUFFIX)
            })
            .filter_map(|entry| {
                // Only plain files of ours that no one else can read: anything else under
                // the name was not written here.
                // Only a plain, private file of this user's: anything else under such a
                // name (a pipe, a link, someone else's file in the shared temporary folder)
                // was not written here, and is never opened.
                let path = entry.path();
                let meta = path.symlink_metadata().ok()?;
                let private = meta.permissions().mode() & 0o077 == 0;
                let ours = meta.uid() == rustix::process::geteuid().as_raw();
                let modified = meta.modified().ok()?;
                (meta.is_file() && private && ours).then_some((modified, path))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, path)| path).collect()
    }

    /// Whether a file is one of the recovery files these places hold.
    pub fn holds(&self, path: &Path) -> bool {
        self.existing().iter().any(|p| same_file(p, path))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// A new file in `dir` under a random name, created exclusively and private, holding
/// `bytes`, flushed to disk.
fn write_new(dir: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let mut file = tempfile::Builder::new()
        .prefix(PREFIX)
        .suffix(SUFFIX)
        .rand_bytes(RANDOM_CHARACTERS)
        .permissions(fs::Permissions::from_mode(PRIVATE_FILE))
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    let (_, path) = file.keep().map_err(|e| e.error)?;
    // The file itself is on disk; flushing the folder makes its name survive a crash too.
    let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::interview::plan::find_role;
    use crate::interview::session::{SessionHeader, SessionSnapshot};
    use crate::interview::{Interview, Plan, QuestionChoice};

    fn record(candidate: &str) -> SessionRecord {
        let guide = Guide::builtin().unwrap();
        let role = find_role(&guide, "pentest").unwrap();
        let choice = QuestionChoice::default_for(&guide, role);
        let plan = Plan::new(&guide, role, candidate, "Alex", 60, &choice).unwrap();
        let now = std::time::Instant::now();
        let interview = Interview::start(plan, now);
        let snapshot = SessionSnapshot {
            header: SessionHeader::new(String::new(), &guide, chrono::Utc::now()),
            plan: interview.plan().clone(),
            progress: interview.progress(now),
            notes: Vec::new(),
            handoff: Vec::new(),
            finished: false,
        };
        let id = crate::store::SessionId::parse("20261129-1400").unwrap();
        SessionRecord::from_snapshot(&snapshot, id, chrono::Utc::now())
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_most_private_place_that_takes_the_file_gets_it() {
        let root = tempfile::tempdir().unwrap();
        // A file where the data folder should be: its recovery folder cannot be made.
        let data = root.path().join("data");
        fs::write(&data, "").unwrap();
        let state = root.path().join("state");
        let home = root.path().join("home");
        let temp = root.path().join("temp");
        fs::create_dir_all(&home).unwrap();
        fs::create_dir_all(&temp).unwrap();
        let places = RecoveryPlaces::new(Some(&data), Some(&state), Some(home.clone()), temp);

        let written = places.write(&record("Sam Lee")).unwrap();
        assert_eq!(written.parent().unwrap(), state.join("recovery"));
        assert_eq!(mode(&written), 0o600);
        assert_eq!(mode(&state.join("recovery")), 0o700);
        let name = written.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(PREFIX) && name.ends_with(SUFFIX), "{name}");
        assert!(!name.to_lowercase().contains("sam"), "{name}");
        assert!(fs::read_to_string(&written).unwrap().contains("Sam Lee"));

        // Two writes never share a file, and each is found again.
        let second = places.write(&record("Sam Lee")).unwrap();
        assert_ne!(written, second);
        assert_eq!(places.existing().len(), 2);
        assert!(places.holds(&second));
    }

    #[test]
    fn home_comes_before_the_shared_temporary_folder() {
        let root = tempfile::tempdir().unwrap();
        let blocked = root.path().join("blocked");
        fs::write(&blocked, "").unwrap();
        let home = root.path().join("home");
        let temp = root.path().join("temp");
        fs::create_dir_all(&home).unwrap();
        fs::create_dir_all(&temp).unwrap();
        let places = RecoveryPlaces::new(Some(&blocked), None, Some(home.clone()), temp.clone());
        assert_eq!(places.write(&record("Jo")).unwrap().parent().unwrap(), home);

        let places = RecoveryPlaces::new(Some(&blocked), None, None, temp.clone());
        assert_eq!(places.write(&record("Jo")).unwrap().parent().unwrap(), temp);

        let places = RecoveryPlaces::new(Some(&blocked), None, None, blocked.clone());
        assert!(places.write(&record("Jo")).is_err(), "nowhere to write");
    }

    #[test]
    fn files_others_can_read_or_that_are_links_are_not_taken_for_recovery_files() {
        let root = tempfile::tempdir().unwrap();
        let temp = root.path().join("temp");
        fs::create_dir_all(&temp).unwrap();
        let places = RecoveryPlaces::new(None, None, None, temp.clone());
        let planted = temp.join(format!("{PREFIX}planted{SUFFIX}"));
        fs::write(&planted, "{}").unwrap();
        fs::set_permissions(&planted, fs::Permissions::from_mode(0o644)).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", temp.join(format!("{PREFIX}link{SUFFIX}")))
            .unwrap();
        assert_eq!(places.existing(), Vec::<PathBuf>::new());
        let ours = places.write(&record("Jo")).unwrap();
        assert_eq!(places.existing(), [ours]);
    }
}
