import Foundation

/// Where Kalendarium keeps what it must remember (revisions, later the database).
public enum StateDirectory {
    /// The flag, else `$KALENDARIUM_STATE`, else systemd's `$STATE_DIRECTORY`, else
    /// `./state`: the order `serve` uses, so every command finds the same store.
    public static func resolve(_ flag: String?, environment: [String: String]? = nil) -> String {
        let environment = environment ?? ProcessInfo.processInfo.environment
        // systemd may pass several directories separated by colons; the first is ours.
        let systemd = environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
        return flag ?? environment["KALENDARIUM_STATE"] ?? systemd ?? "state"
    }
}
