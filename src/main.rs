// Claims hold many small strings: mimalloc makes and frees them faster than the system
// allocator, and without contention between the extraction threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimlint::cli::main()
}
