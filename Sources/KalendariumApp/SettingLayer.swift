import CalendarFiles
import Configuration
import KalendariumCore

/// The settings one source gives (flags, the environment, the configuration file), as
/// text with where each came from, so a value of the wrong kind is reported where the
/// user wrote it: `KALENDARIUM_PORT="eighty" is not a number`, `kalendarium.yaml:3:7: …`.
public struct SettingLayer: Sendable {
    struct Entry: Sendable {
        let text: String
        /// `KALENDARIUM_PORT="eighty"`, `kalendarium.yaml:3:7: port`, `--port 9000`.
        let origin: String
    }

    private(set) var values: [Setting: Entry] = [:]
    /// Feed name to the file holding its token.
    public var privateFeeds: [String: String] = [:]

    public init() {}

    /// A flag's value; nil leaves the setting to the layers below.
    public subscript(_ setting: Setting) -> String? {
        get { values[setting]?.text }
        set { values[setting] = newValue.map { Entry(text: $0, origin: "\(setting.flag ?? setting.rawValue) \($0)") } }
    }

    /// The `KALENDARIUM_*` variables.
    static func environment(_ environment: [String: String]) -> SettingLayer {
        var layer = SettingLayer()
        for setting in Setting.allCases {
            guard let name = setting.environmentVariable, let text = environment[name] else { continue }
            layer.values[setting] = Entry(text: text, origin: "\(name)=\"\(text)\"")
        }
        return layer
    }

    /// What systemd gives the service: `$STATE_DIRECTORY` (its first directory, as
    /// `StateDirectory=` may list several). A default of the machine's, so the
    /// configuration file and `KALENDARIUM_STATE` still win over it.
    static func systemd(_ environment: [String: String]) -> SettingLayer {
        var layer = SettingLayer()
        if let first = environment["STATE_DIRECTORY"]?.split(separator: ":").first {
            layer.values[.state] = Entry(text: String(first), origin: "STATE_DIRECTORY=\"\(first)\"")
        }
        return layer
    }

    /// The configuration file, read by the calendar files' YAML reader.
    static func file(_ path: String) throws(AppError) -> SettingLayer {
        let maps = Setting.allCases.filter { $0.kind == .map }.map(\.rawValue)
        let scalars = Setting.allCases.filter { $0.kind != .map }.map(\.rawValue)
        let read: [String: SettingsFile.Value]
        do { read = try SettingsFile.read(path, scalars: scalars, maps: maps) } catch {
            // "file:line:column: what to fix": the command adds "error: " itself.
            let d = error.diagnostic
            throw AppError((d.location.map { "\($0): " } ?? "") + d.message)
        }
        var layer = SettingLayer()
        for (key, value) in read {
            guard let setting = Setting(rawValue: key) else { continue }
            switch value {
            case .text(let text, let location): layer.values[setting] = Entry(text: text, origin: "\(location): \(key)")
            case .map(let map, _): layer.privateFeeds = map
            }
        }
        return layer
    }

    /// The layer as a swift-configuration provider, each value of its setting's kind.
    func provider(named name: String) throws(AppError) -> InMemoryProvider {
        var typed: [AbsoluteConfigKey: ConfigValue] = [:]
        for (setting, entry) in values {
            let content: ConfigContent
            switch setting.kind {
            case .text, .map: content = .string(entry.text)
            case .integer:
                guard let value = Int(entry.text) else { throw AppError("\(entry.origin) is not a number") }
                content = .int(value)
            case .seconds:
                guard let value = Double(entry.text), value.isFinite else {
                    throw AppError("\(entry.origin) is not a number of seconds")
                }
                content = .double(value)
            }
            typed[AbsoluteConfigKey(setting.key)] = ConfigValue(content, isSecret: setting.isSecret)
        }
        return InMemoryProvider(name: name, values: typed)
    }
}

extension Setting {
    /// The key in the configuration reader (the file's key).
    var key: ConfigKey { ConfigKey([rawValue]) }
}
