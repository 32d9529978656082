import CLibical
import Synchronization

/// The one door to libical. Every call runs under one lock: libical keeps global state
/// (its error number, the builtin time-zone table, the string ring buffer), so
/// concurrent tasks must not be inside it at once. Work done here is short (one feed
/// is well under a millisecond per event), so a lock costs less than a thread.
enum Libical {
    private static let lock = Mutex(())

    /// Runs `body` with exclusive use of libical, errors made non-fatal
    /// (libical's default can abort the process on malformed input).
    static func withLibrary<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try lock.withLock { (_) throws(E) -> T in
            icalerror_set_errors_are_fatal(0)
            kal_icalerrno_clear()
            return try body()
        }
    }

    /// Copies a string that libical allocated for the caller (`*_r` functions) and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { icalmemory_free_buffer(pointer) }
        return String(cString: pointer)
    }

    /// libical's description of its current error.
    static var lastError: String {
        guard let text = icalerror_strerror(kal_icalerrno()) else { return "unknown libical error" }
        return String(cString: text)
    }
}
