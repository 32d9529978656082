public import Prometheus
public import Store

/// The server's Prometheus metrics, in a registry of its own, so tests can make as many
/// as they like. Requests are the exception: Hummingbird's `MetricsMiddleware` records
/// them through swift-metrics, which the executable bootstraps once per process.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// Where Hummingbird's `MetricsMiddleware` records requests (through swift-metrics,
    /// bootstrapped with `RequestMetrics.factory` over this registry); nil: not shown.
    let requestRegistry: PrometheusCollectorRegistry?

    static var builds: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "feed_builds", unitName: "total",
            helpText: "Feed sets built from the calendar data.")
    }
    static var buildSeconds: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "feed_build_duration", unitName: "seconds",
            helpText: "Duration of the last feed build.")
    }
    static var reloadFailures: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "reload_failures", unitName: "total",
            helpText: "Reloads that kept the last good data because the files had errors.")
    }

    static var generation: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "calendar_generation", unitName: "",
            helpText: "The database generation of the calendar served (daemons sharing a database).")
    }
    static var sender: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "reminder_sender", unitName: "",
            helpText: "1 while this daemon holds the reminder sender's lease, else 0.")
    }

    static var outbox: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "outbox_messages", unitName: "",
            helpText: "Reminder e-mails in the outbox by status (pending, sending, sent, failed).")
    }
    static var uncertain: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kalendarium", metricName: "outbox_uncertain_messages", unitName: "",
            helpText:
                "Reminder e-mails sent again after an interrupted delivery: each may have arrived twice (same Message-ID)."
        )
    }

    public init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        requestRegistry: PrometheusCollectorRegistry? = nil
    ) {
        self.registry = registry
        self.requestRegistry = requestRegistry
        // Present from the start, so a dashboard shows zero rather than nothing.
        _ = registry.makeCounter(descriptor: Self.builds)
        _ = registry.makeCounter(descriptor: Self.reloadFailures)
    }

    public func feedBuilt(seconds: Double) {
        registry.makeCounter(descriptor: Self.builds).increment()
        registry.makeGauge(descriptor: Self.buildSeconds).set(seconds)
    }

    /// Reads the values that are state rather than events, at scrape time: which
    /// generation is served and whether this daemon sends the reminders.
    public func observe(_ state: CalendarState) {
        guard let node = state.node else { return }
        registry.makeGauge(descriptor: Self.sender).set(to: node.sendsReminders ? 1 : 0)
        if let generation = state.published?.generation {
            registry.makeGauge(descriptor: Self.generation).set(to: Double(generation))
        }
    }

    /// The outbox as the reminder sender last counted it.
    public func outbox(_ counts: OutboxCounts) {
        for status in OutboxEntry.Status.allCases {
            registry.makeGauge(descriptor: Self.outbox, labels: [("status", status.rawValue)])
                .set(to: Double(counts[status]))
        }
        registry.makeGauge(descriptor: Self.uncertain).set(to: Double(counts.uncertain))
    }

    public func reloadFailed() { registry.makeCounter(descriptor: Self.reloadFailures).increment() }

    public func text() -> String { registry.emitToString() + (requestRegistry?.emitToString() ?? "") }
}
