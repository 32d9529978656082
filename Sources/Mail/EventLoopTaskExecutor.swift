import NIOCore

/// Runs a task's jobs on one SwiftNIO event loop: the conversation over an SMTP
/// connection runs where the connection's bytes arrive. Without it every reply and
/// every write crosses between the event loop's thread and the concurrency pool's (two
/// thread wake-ups per message, most of the time a batch took). Each job is a few
/// microseconds of text handling between two waits, which an event loop can spare.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
