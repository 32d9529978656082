import ArgumentParser

/// The `kalendarium` command: each subcommand is a few lines over the library targets.
///
/// Every command names itself (`commandName`): the name ArgumentParser would derive
/// comes from `String(describing:)` of the type, a runtime conformance search per
/// command that cost every start of the process, the daemon's included, 20 ms.
@main
struct Kalendarium: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalendarium",
        abstract: "Keeps the meeting calendar of Södertörnskommunerna: checks it, plans host rotation.",
        discussion: """
            The calendar data lives in a calendars/ directory of YAML files (see calendars/README.md). \
            Every command reads it from --calendars DIR, else $KALENDARIUM_CALENDARS, else the \
            configuration file's calendars (--config FILE or $KALENDARIUM_CONFIG), else ./calendars; \
            every other setting the same way (serve --help lists them).
            """,
        subcommands: [
            CheckCommand.self, RotationCommand.self, PlanCommand.self, ExtraCommand.self, ExportCommand.self,
            ServeCommand.self, ItemsCommand.self, AgendaCommand.self, MinutesCommand.self, RemindCommand.self,
            TokensCommand.self, PeopleCommand.self, AnswersCommand.self, SessionsCommand.self, AuditCommand.self,
        ]
    )
}
