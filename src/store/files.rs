//! Private folders and atomic files.
//!
//! A file is never rewritten in place: the new text goes to a temporary file in the same
//! folder, is flushed to disk, renamed over the old one, and the folder is flushed so the
//! rename itself survives a crash. A failure at any step leaves the old file whole.

use std::fs::{self, DirBuilder, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rustix::fs::{Mode, OFlags};

const PRIVATE_DIR: u32 = 0o700;
pub const PRIVATE_FILE: u32 = 0o600;

/// A temporary file of `write_atomic` is named `.` + this many random letters and digits +
/// `.tmp`, so left-overs of ours can be told from anything else.
const TEMP_RANDOM_CHARS: usize = 6;
const TEMP_PREFIX: &str = ".";
const TEMP_SUFFIX: &str = ".tmp";

/// Creates the folder if needed, and any missing parents, each 0700 whatever the umask,
/// and makes sure the folder is the user's own and private.
///
/// A folder reached directly is made 0700. One reached through a symlink (the data moved
/// to another disk, say) is never chmodded, since that would change whatever the link
/// points to: it must be the user's own, or it is refused (a link to a shared folder such
/// as `/tmp` never gets the notes, nor its sticky bit taken), and its mode is left as the
/// user set it. A folder that belongs to someone else is refused either way.
pub fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    create_private_dirs(dir)?;
    let through_link = fs::symlink_metadata(dir)?.file_type().is_symlink();
    let folder = open_dir(dir, through_link)?;
    let found = folder.metadata()?;
    if found.uid() != rustix::process::geteuid().as_raw() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to another user; notes are kept only in a folder of your own",
                dir.display()
            ),
        ));
    }
    if !through_link && found.mode() & 0o7777 != PRIVATE_DIR {
        folder.set_permissions(Permissions::from_mode(PRIVATE_DIR))?;
    }
    Ok(())
}

/// Creates the folder if needed (0700, and any missing parents) and makes sure it is the
/// user's own, but never changes the mode of one that was there: a folder the interviewer
/// chose for the console's data (their home, a team folder) keeps the mode they gave it.
pub fn ensure_own_dir(dir: &Path) -> io::Result<()> {
    create_private_dirs(dir)?;
    let found = open_dir(dir, true)?.metadata()?;
    if found.uid() != rustix::process::geteuid().as_raw() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to another user; notes are kept only in a folder of your own",
                dir.display()
            ),
        ));
    }
    Ok(())
}

/// Reads a whole file that must be a plain file: a FIFO or a device under the name is
/// refused rather than read (reading a FIFO waits until someone writes to it), and the
/// check is on what was opened, so nothing can be swapped in between.
pub fn read_plain_file(path: &Path) -> io::Result<Vec<u8>> {
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let mut file = File::from(rustix::fs::open(path, flags, Mode::empty())?);
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a plain file (a pipe or a device)",
        ));
    }
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(bytes)
}

/// Creates `dir` and any missing parents, each 0700. The mode given at creation loses
/// the umask's bits; the chmod after it puts back any of the user's own that it took.
fn create_private_dirs(dir: &Path) -> io::Result<()> {
    if fs::metadata(dir).is_ok() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dirs(parent)?;
    }
    match DirBuilder::new().mode(PRIVATE_DIR).create(dir) {
        Ok(()) => open_dir(dir, false)?.set_permissions(Permissions::from_mode(PRIVATE_DIR)),
        // Made by someone else meanwhile: checked like any folder that was there.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens a folder to look at and change it through the handle, so what is checked is what
/// is changed; `follow` says whether `dir` itself may be a symlink.
fn open_dir(dir: &Path, follow: bool) -> io::Result<File> {
    let mut flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    if !follow {
        flags |= OFlags::NOFOLLOW;
    }
    Ok(File::from(rustix::fs::open(dir, flags, Mode::empty())?))
}

/// Replaces `path` with what `write` writes, atomically; the file is private to the user.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    write_through_temp(path, true, write)
}

/// Writes a new file at `path` as `write_atomic` does, but fails with `AlreadyExists`
/// rather than replace anything there (a file, or a symlink, which is never followed).
pub fn write_new_bytes_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(path, false, |file| file.write_all(bytes))
}

fn write_through_temp(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The temporary file is created 0600 and removed if anything below fails.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .permissions(Permissions::from_mode(PRIVATE_FILE))
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    if replace {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    File::open(dir)?.sync_all()
}

/// Removes the temporary files `write_atomic` left in `dir` (a crash or `kill -9` in the
/// middle of a write) that are older than `age`: a younger one may be a write under way in
/// another console. Anything not named like ours is left alone. Returns what was removed.
pub fn remove_stale_temp_files(dir: &Path, now: SystemTime, age: Duration) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_str().is_some_and(is_temp_name))
        .filter(|entry| {
            entry.metadata().is_ok_and(|meta| {
                meta.is_file()
                    && meta
                        .modified()
                        .is_ok_and(|at| now.duration_since(at).is_ok_and(|old| old > age))
            })
        })
        .map(|entry| entry.path())
        .filter(|path| fs::remove_file(path).is_ok())
        .collect()
}

fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// `write_atomic` of a byte string.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |file| file.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_whole_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        write_bytes_atomic(&path, b"{\"old\": true}").unwrap();

        let failed = write_atomic(&path, |file| {
            file.write_all(b"{\"new\": tr")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(fs::read(&path).unwrap(), b"{\"old\": true}");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["session.json"], "the temporary file is gone");
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    /// A folder that belongs to someone else: one made and given away when the tests run
    /// as root, the root folder otherwise.
    fn someone_elses_folder(within: &Path) -> std::path::PathBuf {
        if rustix::process::geteuid().is_root() {
            let theirs = within.join("theirs");
            fs::create_dir(&theirs).unwrap();
            fs::set_permissions(&theirs, Permissions::from_mode(0o1777)).unwrap();
            std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
            theirs
        } else {
            std::path::PathBuf::from("/")
        }
    }

    #[test]
    fn a_folder_reached_through_a_symlink_is_never_chmodded() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::set_permissions(&elsewhere, Permissions::from_mode(0o1777)).unwrap();
        let data = dir.path().join("data");
        std::os::unix::fs::symlink(&elsewhere, &data).unwrap();

        ensure_private_dir(&data).unwrap();
        assert_eq!(mode(&elsewhere), 0o1777, "left as the user set it");
        ensure_private_dir(&data.join("sessions")).unwrap();
        assert_eq!(mode(&elsewhere.join("sessions")), 0o700);
    }

    #[test]
    fn a_folder_of_someone_else_is_refused_directly_or_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let theirs = someone_elses_folder(dir.path());
        let before = mode(&theirs);
        let link = dir.path().join("sessions");
        std::os::unix::fs::symlink(&theirs, &link).unwrap();
        for path in [&link, &theirs] {
            let refused = ensure_private_dir(path).unwrap_err();
            assert_eq!(refused.kind(), io::ErrorKind::PermissionDenied);
            assert!(
                refused.to_string().contains("belongs to another user"),
                "{refused}"
            );
        }
        assert_eq!(mode(&theirs), before);
    }

    #[test]
    fn only_our_own_temporary_files_older_than_the_age_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let aged = |name: &str, age: u64| {
            let path = dir.path().join(name);
            let file = File::create(&path).unwrap();
            file.set_modified(now - Duration::from_secs(age)).unwrap();
            path
        };
        let stale = aged(".aZ3x9Q.tmp", 120);
        aged(".fresh1.tmp", 10);
        for name in [
            ".notes.tmp",
            ".aZ3x9Q7.tmp",
            "aZ3x9Q.tmp",
            ".aZ3-9Q.tmp",
            "s.json",
        ] {
            aged(name, 120);
        }
        fs::create_dir(dir.path().join(".dir123.tmp")).unwrap();
        let removed = remove_stale_temp_files(dir.path(), now, Duration::from_secs(60));
        assert_eq!(removed, [stale]);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".aZ3-9Q.tmp",
                ".aZ3x9Q7.tmp",
                ".dir123.tmp",
                ".fresh1.tmp",
                ".notes.tmp",
                "aZ3x9Q.tmp",
                "s.json"
            ]
        );
    }

    #[test]
    fn a_write_under_way_is_named_as_the_sweep_expects() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        let _ = write_atomic(&path, |file| {
            let names: Vec<String> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            assert!(names.iter().all(|n| is_temp_name(n)), "{names:?}");
            assert_eq!(names.len(), 1);
            file.write_all(b"x")
        });
    }

    #[test]
    fn a_new_file_never_replaces_what_is_there_and_leaves_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_new_bytes_atomic(&path, b"first").unwrap();
        let refused = write_new_bytes_atomic(&path, b"second").unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &link).unwrap();
        assert!(write_new_bytes_atomic(&link, b"x").is_err());
        assert!(
            !dir.path().join("nowhere.md").exists(),
            "not written through the link"
        );
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["link.md", "out.md"]);
    }

    #[test]
    fn files_are_0600_and_folders_0700_whatever_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("a/b/sessions");
        ensure_private_dir(&sessions).unwrap();
        fs::set_permissions(&sessions, Permissions::from_mode(0o755)).unwrap();
        ensure_private_dir(&sessions).unwrap();
        assert_eq!(mode(&sessions), 0o700);

        let path = sessions.join("x.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o644)).unwrap();
        write_bytes_atomic(&path, b"new").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}
