//! Folders the console makes are private whatever the umask. A test binary of its own: the
//! umask belongs to the whole process, and other tests must not run under this one's.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use interview_console::store::SessionStore;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn missing_data_folders_and_their_parents_are_made_0700_under_any_umask() {
    let root = tempfile::tempdir().unwrap();
    for (n, umask) in [0o000, 0o022, 0o277].into_iter().enumerate() {
        // The data folder lies under parents that do not exist yet, as a fresh
        // $XDG_DATA_HOME does.
        let data_home = root.path().join(format!("home-{n}/.local/share"));
        let data = data_home.join("interview-console");
        let store = SessionStore::at(data.join("sessions"));
        // SAFETY: umask(2) only sets the process's file mode mask; this test binary has no
        // other test that creates files meanwhile.
        let previous = unsafe { libc::umask(umask) };
        let made = store.ensure_dir(store.dir());
        // SAFETY: as above.
        unsafe { libc::umask(previous) };
        made.unwrap();
        for dir in [
            root.path().join(format!("home-{n}")),
            root.path().join(format!("home-{n}/.local")),
            data_home.clone(),
            data.clone(),
            data.join("sessions"),
        ] {
            assert_eq!(
                mode(&dir),
                0o700,
                "{} under umask {umask:03o}",
                dir.display()
            );
        }
    }
}
