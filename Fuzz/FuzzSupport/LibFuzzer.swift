public import CFuzzDriver
import Foundation

/// Runs libFuzzer on `target` with the command line's flags and exits with its status.
///
/// SwiftPM gives every executable a `main` of its own, so a target calls this from its
/// `main.swift` instead of relying on libFuzzer's `main`. Each target also exports its
/// function as `LLVMFuzzerTestOneInput`, for when the linker picks libFuzzer's `main`.
public func runLibFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
