//! What the interoperability tests share: installing a real peer from Debian's packages when it
//! is missing, and finding a free loopback port. A peer that cannot be installed or started fails
//! the test loudly; nothing is skipped. Also the replay of `corpus/` for the integration tests.

#![allow(dead_code)]

pub mod replay;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

/// The path of `binary`, installing `package` with apt-get first when it is not on the machine.
///
/// # Panics
/// When the package cannot be installed or does not provide the binary: the test needs it.
pub fn ensure_installed(binary: &str, package: &str) -> PathBuf {
    if let Some(path) = find(binary) {
        return path;
    }
    let status = Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", package])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        // The package lists may be missing on a fresh machine: refresh them once and retry.
        let _ = Command::new("apt-get").arg("update").status();
        let status = Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", package])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status();
        assert!(
            matches!(status, Ok(s) if s.success()),
            "FAILED to install the Debian package {package} (needed for {binary}): {status:?}"
        );
    }
    find(binary).unwrap_or_else(|| panic!("the package {package} did not install {binary}"))
}

/// `binary` on the PATH or in the system directories where Debian puts daemons.
fn find(binary: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/bin", "/sbin", "/usr/lib/cyrus/bin"].map(PathBuf::from))
        .map(|dir| dir.join(binary))
        .find(|candidate| candidate.is_file())
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral loopback port");
    listener.local_addr().expect("local address").port()
}
