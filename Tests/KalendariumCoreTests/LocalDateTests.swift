import Testing

@testable import KalendariumCore

@Suite struct LocalDateTests {
    @Test func knownWeekdaysFromTheSeeds() {
        #expect(date("2019-01-25").weekday == .friday)
        #expect(date("2019-02-07").weekday == .thursday)
        #expect(date("2019-11-29").weekday == .friday)  // the seed's committee date that breaks the rule
        #expect(date("2020-11-26").weekday == .thursday)
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("2000-02-29").weekday == .tuesday)
    }

    @Test func dayNumbersRoundTripOverFourCenturies() {
        for n in stride(from: -200_000, through: 200_000, by: 97) {
            let d = LocalDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(LocalDate(year: d.year, month: d.month, day: d.day) == d)
        }
    }

    @Test func impossibleDatesAreRejected() {
        #expect(LocalDate(iso: "2019-02-29") == nil)
        #expect(LocalDate(iso: "2020-02-29") != nil)
        #expect(LocalDate(iso: "2019-13-01") == nil)
        #expect(LocalDate(iso: "2019-04-31") == nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
        #expect(LocalDate(iso: "2019-4-1") == nil)
        #expect(LocalDate(iso: "25 januari") == nil)
    }

    @Test func isoWeeks() {
        #expect(date("2021-01-01").isoWeek == (2020, 53))
        #expect(date("2019-12-30").isoWeek == (2020, 1))
        #expect(date("2026-11-23").isoWeek == (2026, 48))
    }

    @Test func timesParseBothNotations() {
        #expect(LocalTime(text: "08:30") == LocalTime(hour: 8, minute: 30))
        #expect(LocalTime(text: "8.30") == LocalTime(hour: 8, minute: 30))
        #expect(LocalTime(text: "24:00") == nil)
        #expect(LocalTime(text: "12:5") == nil)
        #expect(LocalTime(hour: 8, minute: 5)?.description == "08:05")
    }
}
