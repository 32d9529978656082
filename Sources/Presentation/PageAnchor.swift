public import KalendariumCore

/// The places on the web page that the feeds link to (each event's URL, RFC 7986 §5.5 on
/// VEVENT), so a click in a calendar app opens that meeting's row rather than the top of
/// the page. A meeting's row has the meeting's id, which is as stable as its UID.
public enum PageAnchor {
    /// `ledningsgruppen-2021-05-07`: the `id` of the meeting's row under "Alla möten och konferenser".
    public static func meeting(_ m: Meeting) -> String { m.id }

    /// The host table, for a conference year's host duty (the table shows the coming years).
    public static let hosts = "vardkommuner"

    /// The coming meetings, for an item's due date that no meeting decided.
    public static let coming = "kommande"
}
