//! Huge pages for the heap of a command that reads a whole graph.
//!
//! Reading a graph file builds tens of megabytes of small strings. On
//! Linux with glibc, each fresh 4 KiB page of the heap costs a page fault
//! when first touched (about 24,000 for the BBC corpus graph, a third of a
//! query's time). [`prefer_huge_pages`] makes the heap grow in large steps
//! and asks the kernel to back that range with 2 MiB pages where it can
//! (`madvise(MADV_HUGEPAGE)`), the same as glibc's `glibc.malloc.hugetlb=1`
//! tunable. When the program's allocator is mimalloc (the `newsgraph`
//! binary's), it advises mimalloc's arena instead, the memory it allocates
//! from. It changes no result; elsewhere it does nothing.

/// Reserve and advise the heap, once per process, before the command
/// allocates; later calls do nothing.
pub fn prefer_huge_pages() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(advise);
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    /// The start and size of a mimalloc arena (`mimalloc.h` of mimalloc 2:
    /// arena ids are 1, 2, ...); null when the
    /// arena does not exist, as when mimalloc has not allocated.
    fn mi_arena_area(arena_id: std::ffi::c_int, size: *mut usize) -> *mut std::ffi::c_void;
}

// mimalloc's symbols come with the crate, linked in whatever the allocator
use mimalloc as _;

/// Advise mimalloc's first arena, if mimalloc has one; false if not.
#[cfg(target_os = "linux")]
fn advise_mimalloc() -> bool {
    let mut size = 0usize;
    // SAFETY: mi_arena_area only reads mimalloc's table of arenas; madvise
    // is a hint over memory mimalloc reserved and changes no contents.
    unsafe {
        let start = mi_arena_area(1, &mut size);
        if start.is_null() || size == 0 {
            return false;
        }
        libc::madvise(start, size, libc::MADV_HUGEPAGE);
    }
    true
}

fn advise() {
    #[cfg(target_os = "linux")]
    if advise_mimalloc() {
        return;
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: glibc's mallopt takes the arena locks, so it may be called
    // from any thread; sbrk(0) only reads the break; the probe block is
    // malloc's own and freed once; madvise is a hint over pages malloc
    // owns and changes no memory's contents.
    unsafe {
        const STEP: usize = 256 << 20;
        let failed = usize::MAX; // sbrk's (void *) -1
        // big blocks come from the heap too, and the heap keeps its top
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 30);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
        libc::mallopt(libc::M_TOP_PAD, STEP as i32);
        let before = libc::sbrk(0) as usize;
        // black_box: a malloc that is freed unused would be optimised away
        let probe = std::hint::black_box(libc::malloc(1 << 20));
        let after = libc::sbrk(0) as usize;
        libc::free(probe);
        let page = match libc::sysconf(libc::_SC_PAGESIZE) {
            n if n > 0 => n as usize,
            _ => return,
        };
        if before == failed || after == failed {
            return;
        }
        let start = before.div_ceil(page) * page;
        if after > start {
            libc::madvise(
                start as *mut libc::c_void,
                after - start,
                libc::MADV_HUGEPAGE,
            );
        }
    }
}
