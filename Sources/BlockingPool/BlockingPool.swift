import NIOPosix

/// Where blocking work goes: NIO's thread pool. `serve` runs Swift concurrency on the
/// event loops, so a `stat`, a file read, YAML, libical or a maildir write on one of
/// them makes every request on that loop wait; this runs it on the pool and awaits it.
public enum BlockingPool {
    /// Runs `work` on the pool, or here when the pool is not running (it was shut down).
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        do { return try await NIOThreadPool.singleton.runIfActive(work) } catch { return work() }
    }

    /// The same for work that throws `E`: its error comes back typed.
    public static func run<T: Sendable, E: Error>(
        throwing work: @escaping @Sendable () throws(E) -> T
    ) async throws(E)
        -> T
    {
        try await run { Result { () throws(E) in try work() } }.get()
    }
}
