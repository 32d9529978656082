/// Runs async work one call at a time, in the order the calls came. An actor alone is
/// not enough: while a reload awaits its build on the blocking pool, the actor would
/// start the next (SIGHUP and the file poll together) from the same revisions, or let
/// an older build be swapped in over a newer one.
actor OneAtATime {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `work` once every earlier call's work has finished.
    func run<T: Sendable>(_ work: @Sendable () async -> T) async -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        let result = await work()
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
        return result
    }
}
