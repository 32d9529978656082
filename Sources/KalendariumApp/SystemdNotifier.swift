#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify(3)): READY, RELOADING,
/// STOPPING and WATCHDOG over the datagram socket in `$NOTIFY_SOCKET`. Without that
/// variable (not under systemd, or Type=simple) every call does nothing.
public struct SystemdNotifier: Sendable {
    let socketPath: String?
    /// How often systemd expects a watchdog ping, from `$WATCHDOG_USEC`.
    public let watchdogInterval: Duration?

    public init(environment: [String: String]) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        watchdogInterval = environment["WATCHDOG_USEC"].flatMap(Int64.init).map { .microseconds($0) }
    }

    public var isActive: Bool { socketPath != nil }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    public func reloading() { send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())") }
    public func stopping() { send("STOPPING=1") }
    public func watchdog() { send("WATCHDOG=1") }
    public func status(_ text: String) { send("STATUS=\(text)") }

    /// Sends one datagram; failures are ignored, as sd_notify's are: the service must
    /// not stop because its supervisor cannot be told something. Non-blocking: a
    /// receiver that does not read must never stall the thread (an event loop, here).
    func send(_ message: String) {
        #if canImport(Glibc)
            guard let socketPath else { return }
            let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return }
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            var path = Array(socketPath.utf8)
            if path.first == UInt8(ascii: "@") { path[0] = 0 }  // abstract namespace
            let capacity = MemoryLayout.size(ofValue: address.sun_path)
            guard path.count < capacity else { return }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: path)
            }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
            _ = message.withCString { text in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, text, strlen(text), Int32(MSG_DONTWAIT), $0, length)
                    }
                }
            }
        #endif
    }

    static func monotonicMicroseconds() -> UInt64 {
        #if canImport(Glibc)
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
        #else
            return 0
        #endif
    }
}
