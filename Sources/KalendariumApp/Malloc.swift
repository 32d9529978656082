import CMalloc

/// What the daemon asks of the C library's allocator, so its memory stays flat.
///
/// A build allocates and frees megabytes on whichever blocking-pool thread ran it, and
/// glibc gives each thread that meets contention an arena of its own and keeps what is
/// freed there for that arena's next use. With fifty years of data each arena ended up
/// holding a build's worth: after a thousand reloads the daemon held a fifth more than
/// after its first request. One arena (each thread still has its own small cache in
/// front of it) and the free pages handed back after each build keep it within a few
/// per cent; serving throughput did not move measurably (bench/README.md).
public enum Malloc {
    /// One arena for the whole process; call before the daemon starts its threads.
    public static func useOneArena() { kal_malloc_limit_arenas(1) }

    /// Hands the free pages of the arenas back to the system; costs a few milliseconds.
    static func releaseFreed() { kal_malloc_release_free() }
}
