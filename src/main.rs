fn main() {
    std::process::exit(newsgraph::cli::run(std::env::args_os()));
}
