import ArgumentParser
import KalendariumCore

/// Item statuses as command-line values (the core type stays free of ArgumentParser).
enum StatusArgument: String, ExpressibleByArgument, CaseIterable {
    case open, inProgress = "in-progress", done, cancelled

    var status: Item.Status { Item.Status(rawValue: rawValue)! }
}
