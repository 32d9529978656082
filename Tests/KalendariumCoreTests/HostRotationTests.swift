import Testing

@testable import KalendariumCore

@Suite struct HostRotationTests {
    func hosts(
        _ conference: Conference, _ years: ClosedRange<Int>, leaving: [String: Int] = [:]
    ) throws -> [Int: [String]] {
        let rotation = try HostRotation(
            conference: conference, municipalities: Sodertorn.municipalities(leaving: leaving))
        return Dictionary(uniqueKeysWithValues: rotation.entries(in: years).map { ($0.year, $0.hosts) })
    }

    @Test func radslagReproducesEverySeedYear() throws {
        let result = try hosts(Sodertorn.radslag(), 2019...2026)
        #expect(result == Sodertorn.radslagHistory)
    }

    @Test func konferensenReproducesEverySeedYear() throws {
        let result = try hosts(Sodertorn.konferensen(), 2019...2022)
        #expect(result == Sodertorn.konferensenHistory)
    }

    @Test func cyclesContinueForwardAndBackward() throws {
        let radslag = try hosts(Sodertorn.radslag(), 2000...2060)
        let konferensen = try hosts(Sodertorn.konferensen(), 2000...2060)
        for year in 2000...2060 {
            let r = 2019 + ((year - 2019) % 8 + 8) % 8
            let k = 2019 + ((year - 2019) % 4 + 4) % 4
            #expect(radslag[year] == Sodertorn.radslagHistory[r], "Rådslag \(year)")
            #expect(konferensen[year] == Sodertorn.konferensenHistory[k], "Södertörnskonferensen \(year)")
        }
        #expect(radslag[2027] == ["salem"])
        #expect(radslag[2018] == ["huddinge"])
        #expect(konferensen[2023] == ["nynashamn", "haninge"])
        #expect(konferensen[2018] == ["sodertalje", "nykvarn"])
    }

    @Test func beforeTheAgreementNobodyHosts() throws {
        // The agreement applies from 2000; the fixture's members start then.
        let rotation = try HostRotation(conference: Sodertorn.radslag(), municipalities: Sodertorn.municipalities())
        let entry = try #require(rotation.entry(for: 1999))
        #expect(entry.hosts.isEmpty)
        #expect(entry.reason.basis == "none")
    }

    @Test func reasonsNameTheCyclePosition() throws {
        let rotation = try HostRotation(conference: Sodertorn.radslag(), municipalities: Sodertorn.municipalities())
        #expect(
            rotation.entry(for: 2029)?.reason.description == "cycle position 3 of 8 (turn order recorded 2019–2026)")
        #expect(rotation.entry(for: 2021)?.reason.basis == "history")
        #expect(
            rotation.turnOrder == [
                "salem", "nynashamn", "botkyrka", "tyreso", "sodertalje", "haninge", "nykvarn", "huddinge",
            ])
    }

    @Test func aMunicipalityThatLeavesIsSkippedAndTheOthersKeepTheirOrder() throws {
        // Tyresö leaves after 2029: from 2030 the turn passes it by.
        let result = try hosts(Sodertorn.radslag(), 2027...2040, leaving: ["tyreso": 2029])
        #expect(result[2029] == ["botkyrka"])
        #expect(result[2030] == ["sodertalje"])
        #expect(result[2031] == ["haninge"])
        #expect(result[2033] == ["huddinge"])
        #expect(result[2034] == ["salem"])
        #expect(
            !result.values.contains(["tyreso"])
                || result.filter { $0.value == ["tyreso"] }.keys.allSatisfy { $0 < 2030 })
        // Every remaining member hosts once in each seven years after the leave.
        let round = (2030...2036).compactMap { result[$0]?.first }
        #expect(Set(round).count == 7)
    }

    @Test func pairsReformAfterALeaveSoEveryoneStillHosts() throws {
        let result = try hosts(Sodertorn.konferensen(), 2023...2040, leaving: ["salem": 2024])
        #expect(result[2023] == ["nynashamn", "haninge"])
        #expect(result[2024] == ["botkyrka", "salem"])
        #expect(result[2025] == ["huddinge", "tyreso"])
        #expect(result[2026] == ["sodertalje", "nykvarn"])
        #expect(result[2027] == ["nynashamn", "haninge"])
        #expect(result[2028] == ["botkyrka", "huddinge"])
        for year in 2025...2040 { #expect(result[year]?.contains("salem") == false) }
        #expect(result.values.allSatisfy { $0.count == 2 })
    }

    @Test func swapExchangesTwoYearsAndLeavesTheRest() throws {
        let conference = Sodertorn.radslag(overrides: [RotationOverride(.swap(2027, 2028), note: "Salem bygger om")])
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        let entries = rotation.entries(in: 2027...2029)
        #expect(entries.map(\.hosts) == [["nynashamn"], ["salem"], ["botkyrka"]])
        #expect(
            entries[0].reason.description
                == "override: swapped with 2028 (the two years trade hosts; nobody is displaced): Salem bygger om")
    }

    @Test func cancelledYearPostponesItsHostsAndDigitalKeepsHosts() throws {
        let conference = Sodertorn.konferensen(overrides: [
            RotationOverride(.cancelled(2027)), RotationOverride(.digital(2028), note: "pandemin"),
        ])
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        let e = rotation.entries(in: 2027...2029)
        #expect(e[0].hosts.isEmpty && e[0].status == .cancelled)
        #expect(e[0].reason.description.contains("nynashamn and haninge host in 2028 instead"))
        #expect(e[1].hosts == ["nynashamn", "haninge"] && e[1].status == .digital)
        #expect(e[2].hosts == ["botkyrka", "salem"])
    }

    @Test func beforeTheRecordedCycleACancelledYearLosesItsTurn() throws {
        // Going backward there is no later year left to move the turn to.
        let conference = Sodertorn.radslag(overrides: [RotationOverride(.cancelled(2017))])
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        #expect(rotation.entry(for: 2017)?.reason.description == "override: cancelled; nykvarn loses its turn")
        #expect(rotation.entry(for: 2018)?.hosts == ["huddinge"])
    }

    @Test func aRecordedDeviationIsKeptAndExplained() throws {
        var history = Sodertorn.radslagHistory.map { HostRecord(year: $0.key, hosts: $0.value) }
        history.append(HostRecord(year: 2027, hosts: ["haninge"]))
        let conference = Conference(
            slug: "radslag", name: "Rådslag", hostRule: .municipalities(count: 1), history: history)
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        let entry = try #require(rotation.entry(for: 2027))
        #expect(entry.hosts == ["haninge"])
        #expect(entry.reason.description == "recorded in the documents (the cycle would give salem)")
        #expect(rotation.entry(for: 2028)?.hosts == ["nynashamn"])
    }

    @Test func networkConferencesFollowTheirInterval() throws {
        let conference = Conference(
            slug: "nyckeltalsdagen", name: "Nyckeltalsdagen", hostRule: .network("ekonomicheferna"),
            interval: 2, firstYear: 2019)
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        #expect(rotation.entries(in: 2018...2024).map(\.year) == [2019, 2021, 2023])
        #expect(rotation.entry(for: 2021)?.network == "ekonomicheferna")
    }

    @Test func incompleteHistoryIsAnError() {
        let conference = Conference(
            slug: "radslag", name: "Rådslag", hostRule: .municipalities(count: 1),
            history: [HostRecord(year: 2019, hosts: ["salem"]), HostRecord(year: 2020, hosts: ["nynashamn"])])
        #expect(throws: RotationError.self) {
            try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        }
    }

    @Test func historyWithAGapOrARepeatIsAnError() {
        let gap = Conference(
            slug: "r", name: "R", hostRule: .municipalities(count: 1),
            history: [HostRecord(year: 2019, hosts: ["salem"]), HostRecord(year: 2021, hosts: ["botkyrka"])])
        let repeated = Conference(
            slug: "r", name: "R", hostRule: .municipalities(count: 1),
            history: [HostRecord(year: 2019, hosts: ["salem"]), HostRecord(year: 2020, hosts: ["salem"])])
        do {
            _ = try HostRotation(conference: gap, municipalities: Sodertorn.municipalities())
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("skips 2020"))
        }
        do {
            _ = try HostRotation(conference: repeated, municipalities: Sodertorn.municipalities())
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("salem hosts again in 2020"))
        }
    }
}
