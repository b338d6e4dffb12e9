//! Starts the reader app in the browser.

fn main() {
    console_error_panic_hook::set_once();
    quire_web::start();
}
