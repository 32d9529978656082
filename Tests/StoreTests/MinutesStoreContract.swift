import KalendariumCore
import Testing

@testable import Store

/// Minutes on every back end: their effects on the items happen with them or not at all.
extension StoreContract {
    static let minutesMeeting = "ledningsgruppen-2021-08-20"
    static let meetingDay = LocalDate(iso: "2021-08-20")!

    @Sendable static func newMinutes() -> Minutes {
        Minutes.start(
            meeting: minutesMeeting,
            agenda: [
                AgendaPoint(
                    key: 1, title: "Utestående ärenden och föregående möten", kind: .standing, fill: .openItems),
                AgendaPoint(key: 2, title: "Södertörnskonferensen", kind: .decision),
            ], chair: "Magnus Gyllestad", secretary: "Anna Söderström", adjuster: nil)
    }

    static func decisionsCreateLinkedItemsAndFollowUpsChangeThem(_ store: any Store) async throws {
        let earlier = try await store.addItem(item("Besvara remissen"))
        let earlierID = try #require(earlier.id)
        let decided = Item(
            title: "Återkomma med ett omarbetat förslag", body: "ledningsgruppen", meeting: minutesMeeting,
            decision: "Att återkomma med ett omarbetat förslag.", owners: [.person("Helene Olofsson")],
            due: LocalDate(iso: "2021-09-08"), point: 2)
        let (minutes, index) = try await store.updateMinutes(
            meeting: minutesMeeting, create: newMinutes, on: meetingDay
        ) { (m: inout Minutes) throws(AgendaError) in
            let index = try m.decide(2, "Att återkomma med ett omarbetat förslag.")
            let followUp = FollowUp(item: earlierID, status: .done, note: "Skickat")
            try m.followUp(followUp)
            return (
                index,
                [
                    .createItems([decided], point: 2, decision: index),
                    .followUp(followUp, note: "Ledningsgruppens möte fredag 20 augusti 2021: Klart – Skickat"),
                ]
            )
        }
        let created = try #require(minutes.draft.points[1].decisions[index].items.first)
        let item = try #require(try await store.item(id: created))
        #expect(
            (item.meeting, item.point, item.decision) == (minutesMeeting, 2, "Att återkomma med ett omarbetat förslag.")
        )
        let followed = try #require(try await store.item(id: earlierID))
        #expect(followed.status == .done)
        #expect(followed.history.last?.date == meetingDay)
        #expect(followed.history.last?.text == "Ledningsgruppens möte fredag 20 augusti 2021: Klart – Skickat")
        #expect(try await store.minutes(meeting: minutesMeeting) == minutes)
        #expect(try await store.allMinutes().map(\.meeting) == [minutesMeeting])
    }

    /// A follow-up of an item that is not there undoes the whole change: no minutes
    /// change, and no item made by the same change.
    static func aRefusedMinutesChangeLeavesTheItemsAlone(_ store: any Store) async throws {
        let before = try await store.items(ItemFilter()).count
        let decided = Item(title: "Nytt", body: "ledningsgruppen", owners: [.role(.kansli)], point: 2)
        await #expect(throws: AgendaError.self) {
            _ = try await store.updateMinutes(meeting: minutesMeeting, create: newMinutes, on: meetingDay) {
                (m: inout Minutes) throws(AgendaError) in
                let index = try m.decide(2, "Att göra något nytt.")
                let ghost = FollowUp(item: 999_999, status: .done)
                return ((), [.createItems([decided], point: 2, decision: index), .followUp(ghost, note: "x")])
            }
        }
        #expect(try await store.items(ItemFilter()).count == before)
        #expect(try await store.minutes(meeting: minutesMeeting) == nil)
    }

    /// Imported minutes: earlier items made, followed up, and approved quietly.
    static func importedMinutesAreApprovedWithoutAnnouncement(_ store: any Store) async throws {
        let earlier = Item(
            title: "Underlag inför Sektorsmötet", body: "ledningsgruppen", meeting: nil, owners: [.role(.kansli)])
        let (minutes, _) = try await store.updateMinutes(meeting: minutesMeeting, create: newMinutes, on: meetingDay) {
            (_: inout Minutes) throws(AgendaError) in
            (
                (),
                [
                    .followUpNew(earlier, .done, note: "Utskickat", history: "Klart"),
                    .approve(["Magnus Gyllestad"], at: agendaTime),
                ]
            )
        }
        #expect(minutes.isLocked && minutes.latestVersion?.announce == false)
        let id = try #require(minutes.latestVersion?.content.followUps.first?.item)
        #expect(try await store.item(id: id)?.status == .done)
    }
}
