import AsyncAlgorithms
public import ServiceLifecycle

/// Tells systemd about shutdown, and pings its watchdog while the service runs.
public struct SystemdService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) { self.notifier = notifier }

    public func run() async throws {
        if let interval = notifier.watchdogInterval {
            // Twice per watchdog interval; graceful shutdown ends the wait at once, so
            // STOPPING=1 is not held back by up to half the interval.
            notifier.watchdog()
            for await _ in AsyncTimerSequence(interval: interval / 2, clock: .continuous).cancelOnGracefulShutdown() {
                notifier.watchdog()
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
    }
}
