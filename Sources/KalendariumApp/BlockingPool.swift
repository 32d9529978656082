import NIOPosix

/// Where blocking work goes: NIO's thread pool. `serve` runs Swift concurrency on the
/// event loops, so a `stat`, a file read, YAML or libical on one of them makes every
/// request on that loop wait; this runs it on the pool and awaits the result.
enum BlockingPool {
    /// Runs `work` on the pool, or here when the pool is not running (it was shut down).
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        do { return try await NIOThreadPool.singleton.runIfActive(work) } catch { return work() }
    }
}
