public import KalendariumCore

extension DigitalMeeting {
    /// `digital:` as the year files and `kalendarium extra --digital` write it: `true`
    /// (or `yes`) when the platform is not known, a platform's name ("Teams"), or
    /// `false`/`no` for a meeting in person (nil).
    public init?(written text: String) {
        switch text.trimmingWhitespace.lowercased() {
        case "false", "no": return nil
        case "true", "yes": self.init()
        default: self.init(platform: text.trimmingWhitespace)
        }
    }
}
