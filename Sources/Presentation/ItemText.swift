public import KalendariumCore

/// Outstanding items (utestående ärenden) in Swedish.
extension Swedish {
    /// "Öppet", "Pågår", "Klart", "Avslutat": as the minutes write them.
    public static func status(_ status: Item.Status) -> String {
        switch status {
        case .open: "Öppet"
        case .inProgress: "Pågår"
        case .done: "Klart"
        case .cancelled: "Avslutat"
        }
    }
}
