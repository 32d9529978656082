import KalendariumCore
import Testing

/// The workspace's pure parts: the diff shown before a save, and who may do what.
@Suite struct WorkspaceTests {
    @Test func theDiffShowsChangesWithTheirContext() {
        let before = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...20).map { "line \($0)" }
        lines[9] = "changed 10"
        lines.append("line 21")
        let diff = LineDiff.lines(from: before, to: lines.joined(separator: "\n") + "\n", context: 2)
        #expect(
            diff == [
                .gap, .same("line 8"), .same("line 9"), .removed("line 10"), .added("changed 10"), .same("line 11"),
                .same("line 12"), .gap, .same("line 19"), .same("line 20"), .added("line 21"),
            ])
        #expect(LineDiff.lines(from: "", to: "a\nb\n") == [.added("a"), .added("b")])
        #expect(LineDiff.lines(from: "a\n", to: "a\n") == [.gap])
    }

    static let data = Sodertorn.data(meetings: [])

    @Test func rolesComeFromTheRecipientsFile() throws {
        let kansli = WorkspacePerson(
            Recipient(name: "Helene Olofsson", email: "H@example.org", roles: [.kansli]))
        let kd = WorkspacePerson(
            Recipient(name: "Kommundirektör Huddinge", email: "kd@example.org", roles: [.kommundirektor]))
        let outsider = WorkspacePerson(Recipient(name: "Någon", email: "n@example.org", roles: [.network]))
        let lg = try #require(Self.data.body("ledningsgruppen"))
        #expect(kansli.isSecretariat && kansli.mayEditData && kansli.mayEditAgendas && kansli.email == "h@example.org")
        #expect(!kd.isSecretariat && !kd.mayEditData && !kd.mayEditAgendas && !kd.mayKeepMinutes)
        #expect(kd.mayPropose(to: lg) == lg.admits(kd.recipient))
        #expect(!outsider.mayPropose(to: lg) && !outsider.maySeeRestricted(lg))
    }
}
