fn main() -> std::process::ExitCode {
    claimlint::cli::main()
}
