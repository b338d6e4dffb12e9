//! Any TeX, inline or displayed, converts to MathML or to an error without
//! a panic, and what it converts to is wholly inside the renderer's MathML
//! allowlist: nothing the build writes is changed or dropped by the app.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::{html, math};

fuzz_target!(|input: (bool, &str)| {
    let (display, tex) = input;
    if let Ok(formula) = math::to_mathml(tex, display) {
        let sanitised = html::sanitize(&formula.mathml, &html::sanitize::MATHML);
        assert_eq!(
            sanitised.as_str(),
            formula.mathml,
            "the converter wrote what the allowlist changes"
        );
    }
});
