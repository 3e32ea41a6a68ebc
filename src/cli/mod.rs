//! The command line. (Skeleton.)

/// Run the command line and return the process exit code.
pub fn run(_args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    0
}
