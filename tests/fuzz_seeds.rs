//! Replays every seed under `corpus/fuzz/<check>/` through the check of the same name, the one
//! the fuzz target `<check>` runs, so the seeds (and every crash turned into a seed) are tested
//! by a plain `cargo test --all-features`.
#![cfg(feature = "arbitrary")]

use std::fs;
use std::path::{Path, PathBuf};

use imap_wire::fuzzing::CHECKS;
use imap_wire::{AuthenticateResponse, Command, Greeting, IdleDone, Parse, Response};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_seed_passes_its_check() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("corpus/fuzz is missing")
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    dirs.sort();
    let mut replayed = 0;
    for dir in dirs {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some(check) = CHECKS.iter().find(|c| c.name == name) else {
            panic!("{}: no check of that name", dir.display());
        };
        for file in files_in(&dir) {
            let data = fs::read(&file).expect("readable seed");
            let outcome = std::panic::catch_unwind(|| (check.run)(&data));
            assert!(outcome.is_ok(), "seed {} fails its check", file.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no seeds replayed");
}

#[test]
fn every_check_has_seeds_and_a_fuzz_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("fuzz/Cargo.toml")).expect("fuzz/Cargo.toml");
    for name in CHECKS.iter().map(|c| c.name) {
        assert!(
            !files_in(&corpus().join(name)).is_empty(),
            "corpus/fuzz/{name} has no seeds"
        );
        let target = root.join(format!("fuzz/fuzz_targets/{name}.rs"));
        let source = fs::read_to_string(&target).expect("fuzz target source");
        assert!(
            source.contains(name),
            "{} does not run {name}",
            target.display()
        );
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "fuzz/Cargo.toml does not declare {name}"
        );
    }
}

#[test]
fn message_seeds_are_messages() {
    // A seed of a parsing target that does not parse only exercises the error paths; these
    // are meant to reach the serializers too.
    type Parses = fn(&[u8]) -> bool;
    let parses: [(&str, Parses); 3] = [
        ("parse_command", |d| {
            Command::parse(d).is_ok()
                || IdleDone::parse(d).is_ok()
                || AuthenticateResponse::parse(d).is_ok()
        }),
        ("parse_response", |d| Response::parse(d).is_ok()),
        ("parse_greeting", |d| Greeting::parse(d).is_ok()),
    ];
    for (target, parses) in parses {
        for file in files_in(&corpus().join(target)) {
            let data = fs::read(&file).expect("readable seed");
            assert!(parses(&data), "seed {} does not parse", file.display());
        }
    }
}
