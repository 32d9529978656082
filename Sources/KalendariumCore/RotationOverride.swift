/// A decided deviation from the host cycle. Each keeps the note that explains it,
/// because a plan years ahead must say why it is not the cycle.
public struct RotationOverride: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        /// The hosts of two years trade places; nobody is displaced.
        case swap(Int, Int)
        /// No conference that year; its hosts take the next conference year and every later year shifts.
        case cancelled(Int)
        /// Held digitally that year; the cycle's hosts still arrange it.
        case digital(Int)
        /// These hosts that year instead of the cycle's; the cycle's hosts that are not among
        /// them take the next conference year, and every later year shifts.
        case hosts(Int, [String])
        /// The year's conference took place later (Södertörnskonferensen 2020 in spring 2021);
        /// the year's hosts still arrange it.
        case moved(Int, to: ConferenceMove)
    }

    public let change: Change
    public let note: String?
    public let location: SourceLocation?

    public init(_ change: Change, note: String? = nil, location: SourceLocation? = nil) {
        self.change = change
        self.note = note
        self.location = location
    }

    /// The years this override touches.
    public var years: [Int] {
        switch change {
        case .swap(let a, let b): [a, b]
        case .cancelled(let y), .digital(let y), .hosts(let y, _), .moved(let y, _): [y]
        }
    }
}
