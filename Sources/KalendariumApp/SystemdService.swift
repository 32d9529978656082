public import ServiceLifecycle

/// Tells systemd about shutdown, and pings its watchdog while the service runs.
public struct SystemdService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) { self.notifier = notifier }

    public func run() async throws {
        if let interval = notifier.watchdogInterval {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                notifier.watchdog()
                try? await Task.sleep(for: interval / 2)
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
    }
}
