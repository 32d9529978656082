import Testing

@testable import KalendariumCore
@testable import Presentation

/// How a recurring item repeats, pinned word for word.
@Suite struct RecurrenceTextTests {
    @Test(arguments: [
        ("yearly 03-15", "varje år den 15 mars"),
        ("yearly 03 last-working-day", "sista arbetsdagen i mars varje år"),
        ("yearly 09 first monday", "första måndagen i september varje år"),
        ("monthly 1", "den 1:a varje månad"),
        ("monthly 15", "den 15:e varje månad"),
        ("monthly 22", "den 22:a varje månad"),
        ("monthly 12", "den 12:e varje månad"),
        ("monthly last-working-day", "sista arbetsdagen i varje månad"),
        ("monthly second tuesday", "andra tisdagen i varje månad"),
        ("monthly last friday", "sista fredagen i varje månad"),
    ])
    func swedish(_ rule: String, _ text: String) throws {
        #expect(Swedish.recurrence(try #require(Recurrence(text: rule))) == text)
    }
}
