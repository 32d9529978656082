import Testing

@testable import KalendariumCore

@Suite struct SwedishHolidaysTests {
    @Test(arguments: [
        (2019, "2019-04-21"), (2020, "2020-04-12"), (2021, "2021-04-04"), (2024, "2024-03-31"),
        (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(SwedishHolidays.easterSunday(year) == date(expected))
    }

    @Test func holidaysOf2026() {
        let days = SwedishHolidays.holidays(in: 2026).map { "\($0.date) \($0.kind.rawValue)" }
        #expect(
            days == [
                "2026-01-01 newYearsDay", "2026-01-06 epiphany", "2026-04-03 goodFriday", "2026-04-04 easterEve",
                "2026-04-05 easterDay", "2026-04-06 easterMonday", "2026-05-01 mayDay", "2026-05-14 ascensionDay",
                "2026-05-24 whitSunday", "2026-06-06 nationalDay", "2026-06-19 midsummerEve", "2026-06-20 midsummerDay",
                "2026-10-31 allSaintsDay", "2026-12-24 christmasEve", "2026-12-25 christmasDay", "2026-12-26 boxingDay",
                "2026-12-31 newYearsEve",
            ])
        #expect(
            SwedishHolidays.holidays(in: 2026).filter(\.isEve).map(\.kind) == [
                .easterEve, .midsummerEve, .christmasEve, .newYearsEve,
            ])
    }

    @Test func movingHolidaysInOtherYears() {
        #expect(SwedishHolidays.holiday(on: date("2019-06-21"))?.kind == .midsummerEve)
        #expect(SwedishHolidays.holiday(on: date("2021-06-25"))?.kind == .midsummerEve)
        #expect(SwedishHolidays.holiday(on: date("2019-11-02"))?.kind == .allSaintsDay)
        #expect(SwedishHolidays.holiday(on: date("2021-11-06"))?.kind == .allSaintsDay)
        #expect(SwedishHolidays.holiday(on: date("2019-05-30"))?.kind == .ascensionDay)
        #expect(SwedishHolidays.holiday(on: date("2020-06-06"))?.kind == .nationalDay)
        #expect(SwedishHolidays.holiday(on: date("2019-01-25")) == nil)
    }

    @Test func bridgeDaysAndWorkingDays() {
        #expect(SwedishHolidays.isBridgeDay(date("2026-05-15")))  // Friday after Ascension Day
        #expect(!SwedishHolidays.isBridgeDay(date("2026-05-13")))
        #expect(!SwedishHolidays.isWorkingDay(date("2026-06-19")))
        #expect(SwedishHolidays.isWorkingDay(date("2026-11-23")))
        #expect(!SwedishHolidays.isWorkingDay(date("2026-11-22")))
    }

    @Test func nonMeetingPeriodsWrapOverNewYear() {
        let christmas = NonMeetingPeriod.defaults[1]
        #expect(christmas.contains(date("2019-12-27")))
        #expect(christmas.contains(date("2020-01-03")))
        #expect(!christmas.contains(date("2019-12-19")))
        #expect(!christmas.contains(date("2020-01-07")))
        #expect(NonMeetingPeriod.defaults[0].contains(date("2021-07-15")))
    }
}
