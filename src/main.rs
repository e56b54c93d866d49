// Extraction makes many small strings per claim, on every thread at once; mimalloc serves
// them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimlint::cli::main()
}
