import CMalloc

/// What the daemon asks of the C library's allocator, so its memory stays flat.
///
/// A build allocates and frees megabytes on whichever blocking-pool thread ran it.
/// glibc gives threads arenas of their own (up to eight per core) and keeps what is
/// freed in an arena for that arena's next use, so with fifty years of data several
/// arenas each ended up holding a build's worth: after a thousand reloads the daemon
/// held a fifth more than after its first request. Capping the arenas at one (each
/// thread keeps its small cache in front of it) and handing the free pages back after
/// each build brought that to about a tenth; serving throughput did not move
/// measurably (bench/README.md, `bench/daemon.sh`).
public enum Malloc {
    /// Caps the arenas at one. The threads that exist already keep theirs; the ones
    /// started after it (the event loops and the blocking pool, which `serve` starts
    /// next) share the one.
    public static func useOneArena() { kal_malloc_limit_arenas(1) }

    /// Hands the free pages of the arenas back to the system, after a build: 0.3–1.1 ms
    /// with fifty years of data, holding the arena's lock meanwhile.
    static func releaseFreed() { kal_malloc_release_free() }
}
