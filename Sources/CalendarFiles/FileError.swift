public import KalendariumCore

/// A located error found while reading a file.
public struct FileError: Error, Sendable {
    public let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
