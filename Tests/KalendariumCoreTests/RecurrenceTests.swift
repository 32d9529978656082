import PropertyBased
import Testing

@testable import KalendariumCore

@Suite struct RecurrenceTests {
    func r(_ text: String) throws -> Recurrence { try #require(Recurrence(text: text)) }

    @Test func theMemberFeeFallsDueOnFifteenMarchEveryYear() throws {
        let fee = try r("yearly 03-15")
        #expect(fee.next(after: date("2027-03-15")) == date("2028-03-15"))
        #expect(fee.next(after: date("2027-03-14")) == date("2027-03-15"))
        #expect(fee.next(after: date("2026-12-02")) == date("2027-03-15"))
        #expect(fee.includes(date("2027-03-15")))
        #expect(!fee.includes(date("2027-03-16")))
        #expect(fee.description == "yearly 03-15")
    }

    @Test func leapDayFallsBackToTheTwentyEighth() throws {
        let leap = try r("yearly 02-29")
        #expect(leap.next(after: date("2024-02-29")) == date("2025-02-28"))
        #expect(leap.next(after: date("2027-02-28")) == date("2028-02-29"))
    }

    @Test func monthlyDayTheMonthLacksFallsBackToItsLastDay() throws {
        let end = try r("monthly 31")
        #expect(end.next(after: date("2027-01-31")) == date("2027-02-28"))
        #expect(end.next(after: date("2027-02-28")) == date("2027-03-31"))
        #expect(end.next(after: date("2027-12-31")) == date("2028-01-31"))
    }

    @Test func lastWorkingDaySkipsWeekendsAndHolidays() throws {
        let rule = try r("monthly last-working-day")
        // 31 Jan 2027 is a Sunday: Friday 29 January.
        #expect(rule.next(after: date("2027-01-01")) == date("2027-01-29"))
        // December: 31st is nyårsafton, 24–26 are holidays and eves; 2027-12-30 is a Thursday.
        #expect(rule.next(after: date("2027-12-01")) == date("2027-12-30"))
        // 31 Dec 2026 is nyårsafton, a Thursday: Wednesday 30 December.
        #expect(rule.next(after: date("2026-11-30")) == date("2026-12-30"))
        #expect(try r("yearly 03 last-working-day").next(after: date("2027-01-01")) == date("2027-03-31"))
    }

    @Test func nthAndLastWeekday() throws {
        #expect(try r("monthly first monday").next(after: date("2027-01-04")) == date("2027-02-01"))
        #expect(try r("monthly second tuesday").next(after: date("2027-01-01")) == date("2027-01-12"))
        #expect(try r("monthly fourth friday").next(after: date("2027-01-01")) == date("2027-01-22"))
        #expect(try r("monthly last friday").next(after: date("2027-01-01")) == date("2027-01-29"))
        #expect(try r("yearly 09 first monday").next(after: date("2027-09-06")) == date("2028-09-04"))
    }

    @Test func textFormRoundTrips() throws {
        for text in [
            "yearly 03-15", "yearly 03 last-working-day", "yearly 09 first monday", "monthly 15",
            "monthly last-working-day", "monthly second tuesday", "monthly last friday",
        ] {
            #expect(try r(text).description == text)
        }
        #expect(try r("  Yearly   03-15 ").description == "yearly 03-15")
    }

    @Test func badTextSaysWhatToWrite() {
        for text in [
            "", "weekly", "yearly", "yearly 3-15", "yearly 13 first monday", "monthly 32", "monthly fifth monday",
            "monthly first funday", "yearly 02-30",
        ] {
            #expect(Recurrence(text: text) == nil, "\(text)")
            let problem = Recurrence.problem(parsing: text)
            #expect(problem?.contains("write yearly MM-DD") == true, "\(text): \(problem ?? "nil")")
        }
        #expect(Recurrence.problem(parsing: "monthly 15") == nil)
    }

    @Test func nextIsAlwaysLaterAndAnOccurrence() async {
        let rules = [
            "yearly 03-15", "yearly 02-29", "monthly 31", "monthly last-working-day", "monthly last sunday",
            "monthly first monday", "yearly 12 last-working-day",
        ].compactMap { Recurrence(text: $0) }
        await propertyCheck(input: Gen.int(in: 0..<rules.count), Gen.int(in: 18_000...40_000)) { index, day in
            let rule = rules[index]
            let from = LocalDate(dayNumber: day)
            let next = rule.next(after: from)
            #expect(next > from)
            #expect(rule.includes(next))
            // Nothing skipped: no occurrence lies between `from` and `next`.
            #expect(rule.next(after: next.adding(days: -1)) == next)
        }
    }
}
