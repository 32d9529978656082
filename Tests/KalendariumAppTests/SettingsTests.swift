import Feeds
import Foundation
import Testing

@testable import KalendariumApp

/// One configuration for every command: defaults < file < environment < flags.
@Suite struct SettingsTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("k-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func layersApplyInOrder() throws {
        let file = try Self.file("port: 9000\nhost: 0.0.0.0\nhorizon: 20\nuid-domain: file.example.org\n")
        var flags = SettingLayer()
        flags[.port] = "9100"
        let s = try Settings.resolve(
            file: file, environment: ["KALENDARIUM_HORIZON": "15", "KALENDARIUM_PORT": "9050"], flags: flags)
        #expect(s.port == 9100 && s.host == "0.0.0.0" && s.horizon == 15 && s.uidDomain == "file.example.org")
        #expect(s.effectivePageURL == "http://0.0.0.0:9100/")
        #expect(s.feedSettings.pageURL == s.effectivePageURL && s.feedSettings.uidDomain == "file.example.org")
        let defaults = try Settings.resolve(
            file: nil, environment: ["STATE_DIRECTORY": "/var/lib/kalendarium:/x"], flags: .init())
        #expect(defaults.state == "/var/lib/kalendarium" && defaults.port == 8080 && defaults.calendars == "calendars")
    }

    /// `$KALENDARIUM_STATE` (and the file's `state`) win over systemd's `$STATE_DIRECTORY`, for
    /// every command alike.
    @Test func kalendariumStateWinsOverSystemd() throws {
        let s = try Settings.resolve(
            file: nil, environment: ["STATE_DIRECTORY": "/var/lib/kalendarium", "KALENDARIUM_STATE": "/srv/k"],
            flags: .init())
        #expect(s.state == "/srv/k")
        // systemd's directory is a default of the machine's: the configuration file wins too.
        let file = try Self.file("state: /srv/from-file\n")
        let fromFile = try Settings.resolve(
            file: file, environment: ["STATE_DIRECTORY": "/var/lib/kalendarium"], flags: .init())
        #expect(fromFile.state == "/srv/from-file")
    }

    @Test func theConfigurationFileMayComeFromTheEnvironment() throws {
        let file = try Self.file("mail: smtp://mail.example.org\nprivate-feeds:\n  hosts.ics: /etc/k/hosts.token\n")
        var flags = SettingLayer()
        flags.privateFeeds["all.ics"] = "/etc/k/all.token"
        let s = try Settings.resolve(file: nil, environment: ["KALENDARIUM_CONFIG": file], flags: flags)
        #expect(s.mail == "smtp://mail.example.org")
        #expect(s.privateFeeds == ["hosts.ics": "/etc/k/hosts.token", "all.ics": "/etc/k/all.token"])
        let env = try Settings.resolve(
            file: file, environment: ["KALENDARIUM_MAIL_URL": "sendmail:"], flags: .init())
        #expect(env.mail == "sendmail:")
    }

    @Test func badSettingsSayWhatToFix() throws {
        let misspelt = try Self.file("prot: 9000\n")
        do {
            _ = try Settings.resolve(file: misspelt, environment: [:], flags: .init())
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("\(misspelt):1:1:"))
            #expect(error.description.contains("unknown key \"prot\"") && error.description.contains("\"port\""))
        }
        do {
            _ = try Settings.resolve(file: nil, environment: ["KALENDARIUM_PORT": "eighty"], flags: .init())
            Issue.record("expected an error")
        } catch { #expect(error.description == "KALENDARIUM_PORT=\"eighty\" is not a number") }
        let wrongKind = try Self.file("\n\nreload-interval: soon\n")
        do {
            _ = try Settings.resolve(file: wrongKind, environment: [:], flags: .init())
            Issue.record("expected an error")
        } catch { #expect(error.description == "\(wrongKind):3:18: reload-interval is not a number of seconds") }
        do {
            _ = try Settings.resolve(file: nil, environment: ["KALENDARIUM_REMINDER_INTERVAL": "1e20"], flags: .init())
            Issue.record("expected an error")
        } catch { #expect(error.description == "reminder-interval 1e+20 is not 0.1–86400 seconds") }
        do {
            _ = try Settings.resolve(file: "/nonexistent/kalendarium.yaml", environment: [:], flags: .init())
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "the configuration file /nonexistent/kalendarium.yaml does not exist; create it, or name "
                    + "another with --config or KALENDARIUM_CONFIG")
        }
        var flags = SettingLayer()
        flags[.horizon] = "101"
        #expect(throws: AppError.self) { try Settings.resolve(file: nil, environment: [:], flags: flags) }
    }

    /// An alias bomb as a key stalled the parser for a minute and a half in calendar
    /// files; the configuration file refuses aliases the same way, located.
    @Test func aliasesInTheConfigurationFileAreRefused() throws {
        let file = try Self.file(
            "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n? [*b, *b, *b]\n: 1\n")
        let started = ContinuousClock.now
        do {
            _ = try Settings.resolve(file: file, environment: [:], flags: .init())
            Issue.record("expected an error")
        } catch { #expect(error.description.hasPrefix("\(file):1:4: an anchor (&a)")) }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func theHelpListsEverySetting() {
        for setting in Setting.allCases {
            #expect(Setting.help.contains(setting.rawValue))
            if let variable = setting.environmentVariable { #expect(Setting.help.contains(variable)) }
        }
    }
}
