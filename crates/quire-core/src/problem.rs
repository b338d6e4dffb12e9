//! The one shape of everything the build finds wrong or worth fixing: where
//! (a file and a line, when known) and what, with how to fix it where that
//! helps. Parsers here leave the file to their caller; the build tool names
//! it.

use std::fmt;

/// A problem (or a warning) about the blog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in, as the author would find it; `None` while a
    /// parser does not know, or for a problem of the command itself.
    pub path: Option<String>,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong and, where it helps, how to fix it.
    pub message: String,
}

impl Problem {
    /// A problem of no particular file (a command-line option, the machine).
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// A problem at a line of the file being read, which the caller names.
    pub fn at_line(line: usize, message: impl Into<String>) -> Self {
        Self {
            path: None,
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem with a whole file.
    pub fn in_file(path: impl fmt::Display, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.to_string()),
            line: None,
            message: message.into(),
        }
    }

    /// The same problem, in `path`.
    pub fn in_path(mut self, path: impl fmt::Display) -> Self {
        self.path = Some(path.to_string());
        self
    }
}

impl fmt::Display for Problem {
    /// `path:line: message`, as compilers write it, so editors can jump there.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{path}:{line}: {}", self.message),
            (Some(path), None) => write!(f, "{path}: {}", self.message),
            (None, Some(line)) => write!(f, "line {line}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn reads_like_a_compiler_message() {
        let problem = Problem::at_line(3, "`date` is not a date").in_path("content/posts/a.md");
        assert_eq!(
            problem.to_string(),
            "content/posts/a.md:3: `date` is not a date"
        );
        assert_eq!(
            Problem::in_file("quire.toml", "unreadable").to_string(),
            "quire.toml: unreadable"
        );
        assert_eq!(Problem::new("no --out").to_string(), "no --out");
    }
}
