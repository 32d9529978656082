import ArgumentParser
import Feeds
import Foundation

extension FeedSettings {
    /// A flag, else the `KALENDARIUM_*` variable `serve` reads too, else the default:
    /// every command that builds events must give them the UIDs and links the feeds have.
    static func resolve(
        pageURL: String?, uidDomain: String?, horizon: Int?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> FeedSettings {
        let defaults = FeedSettings()
        var years = defaults.horizonYears
        if let horizon {
            years = horizon
        } else if let text = environment["KALENDARIUM_HORIZON"] {
            guard let value = Int(text) else {
                throw ValidationError("KALENDARIUM_HORIZON=\"\(text)\" is not a number")
            }
            years = value
        }
        return FeedSettings(
            pageURL: pageURL ?? environment["KALENDARIUM_PAGE_URL"] ?? defaults.pageURL,
            uidDomain: uidDomain ?? environment["KALENDARIUM_UID_DOMAIN"] ?? defaults.uidDomain, horizonYears: years)
    }
}
