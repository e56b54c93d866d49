// mimalloc: extraction allocates many small strings; it runs about a tenth faster than with
// the system allocator (`cargo bench --bench extract`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimlint::cli::main()
}
