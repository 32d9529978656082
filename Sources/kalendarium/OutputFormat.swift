import ArgumentParser

/// Output format for commands that print for people or for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
