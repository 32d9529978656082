import Foundation
public import KalendariumCore

/// The clock the edges read; the core only sees its values.
public enum WallClock {
    public static func now() -> UTCInstant {
        UTCInstant(secondsSince1970: Int(Date().timeIntervalSince1970.rounded(.down)))
    }
}
