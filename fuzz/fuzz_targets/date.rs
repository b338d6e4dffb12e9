//! Any text is a date or is refused; a date read back from how it is
//! written is the same date, and its long form never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::date::{Date, Timestamp};

fuzz_target!(|text: &str| {
    if let Ok(stamp) = text.parse::<Timestamp>() {
        let date = stamp.date;
        assert_eq!(date.to_string().parse::<Date>().ok(), Some(date));
        let _ = (date.long_form(), date.to_rfc2822(), stamp.to_rfc3339_utc());
        assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
    }
});
