//! Any code in any language the build colours comes out as escaped text in
//! `hl-` spans that the renderer's sanitiser keeps as they are.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::{highlight, html};

fuzz_target!(|input: (u8, &str)| {
    let (pick, code) = input;
    let languages = highlight::languages();
    let language = &languages[usize::from(pick) % languages.len()];
    let coloured = highlight::highlight(code, language);
    let sanitised = html::sanitize(&coloured, &html::sanitize::HIGHLIGHTED_CODE);
    assert_eq!(sanitised.as_str(), coloured, "the highlighter wrote what the sanitiser changes");
});
