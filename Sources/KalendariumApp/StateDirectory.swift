import Foundation

/// Where Kalendarium keeps what it must remember (revisions, later the database).
public enum StateDirectory {
    /// The flag, else systemd's `$STATE_DIRECTORY`, else `$KALENDARIUM_STATE`, else `./state`.
    public static func resolve(_ flag: String?) -> String {
        let env = ProcessInfo.processInfo.environment
        // systemd may pass several directories separated by colons; the first is ours.
        let systemd = env["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
        return flag ?? systemd ?? env["KALENDARIUM_STATE"] ?? "state"
    }
}
