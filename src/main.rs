/// mimalloc rather than the system allocator: extraction makes millions of
/// small allocations, and mimalloc takes about a tenth less CPU for them.
/// Built without its use of transparent huge pages (`no_thp`), which would
/// raise the peak RSS of an extraction by 40%; the commands that read a
/// whole graph ask for huge pages themselves (`cli::heap`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(newsgraph::cli::run(std::env::args_os()));
}
