//! Any file, YAML or TOML front matter and all, is read or refused with
//! problems on lines of the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::front_matter;

fuzz_target!(|file: &str| {
    // Lines as an editor (and the YAML reader) counts them: `\r` alone ends one too.
    let lines = file.replace("\r\n", "\n").split(['\n', '\r']).count().max(1);
    if let Err(problems) = front_matter::parse(file) {
        assert!(!problems.is_empty());
        for problem in problems {
            let line = problem.line.expect("a front-matter problem names its line");
            assert!(line >= 1 && line <= lines + 1, "line {line} of {lines}");
        }
    }
});
