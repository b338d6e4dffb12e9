//! Prints each token's scopes, for tuning the highlighter's classes.
use syntect::parsing::{ParseState, ScopeStack};
fn main() {
    let mut args = std::env::args().skip(1);
    let token = args.next().unwrap();
    let code = args.next().unwrap().replace("\\n", "\n");
    let set = two_face::syntax::extra_newlines();
    let syntax = set.find_syntax_by_token(&token).unwrap();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    for line in code.split_inclusive('\n') {
        let ops = state.parse_line(line, &set).unwrap();
        let mut at = 0;
        for (offset, op) in ops {
            if offset > at {
                println!(
                    "{:?} {:?}",
                    &line[at..offset],
                    stack
                        .as_slice()
                        .iter()
                        .map(|s| s.build_string())
                        .collect::<Vec<_>>()
                );
                at = offset;
            }
            stack.apply(&op).unwrap();
        }
        println!(
            "{:?} {:?}",
            &line[at..],
            stack
                .as_slice()
                .iter()
                .map(|s| s.build_string())
                .collect::<Vec<_>>()
        );
    }
}
