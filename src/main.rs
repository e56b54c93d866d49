// Extraction makes many small strings per claim, on every thread at once; mimalloc serves
// them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use libmimalloc_sys::{mi_option_set, mi_option_t};

/// mimalloc's numbers (`mi_option_e` in its `mimalloc.h`) for the options set below.
const ARENA_EAGER_COMMIT: mi_option_t = 4;
const PURGE_DELAY: mi_option_t = 15;

/// Memory is committed as it is used and what a worker frees goes back to the system within a
/// millisecond, so peak memory follows the claims a run keeps, not the text it has read. By
/// default mimalloc commits whole arenas and holds freed pages for a second.
fn return_freed_memory() {
    // SAFETY: options may be set at any time; they change only when memory is committed and
    // returned, never what an allocation holds.
    unsafe {
        mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi_option_set(PURGE_DELAY, 1);
    }
}

/// Runs before `main`, and so before the Rust runtime's first allocation makes mimalloc's first
/// arena: commit options take effect only for arenas made after they are set.
#[cfg(target_os = "linux")]
extern "C" fn before_main() {
    return_freed_memory();
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static BEFORE_MAIN: extern "C" fn() = before_main;

fn main() -> std::process::ExitCode {
    #[cfg(not(target_os = "linux"))]
    return_freed_memory();
    claimlint::cli::main()
}

#[cfg(test)]
mod tests {
    use super::*;
    use libmimalloc_sys::mi_option_get;

    #[test]
    fn the_options_are_set_before_main() {
        #[cfg(not(target_os = "linux"))]
        return_freed_memory();
        // SAFETY: reading options has no effect on allocations made.
        unsafe {
            assert_eq!(mi_option_get(ARENA_EAGER_COMMIT), 0);
            assert_eq!(mi_option_get(PURGE_DELAY), 1);
            // The options next to them keep mimalloc's defaults.
            assert_eq!(mi_option_get(ARENA_EAGER_COMMIT + 1), 1, "purge_decommits");
            assert_eq!(mi_option_get(PURGE_DELAY + 1), 0, "use_numa_nodes");
        }
    }
}
