import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// The `kalendarium` command: each subcommand is a few lines over the library targets.
@main
struct Kalendarium: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalendarium",
        abstract: "Keeps the meeting calendar of Södertörnskommunerna: checks it, plans host rotation.",
        discussion: """
            The calendar data lives in a calendars/ directory of YAML files (see calendars/README.md). \
            Every command reads it from --calendars DIR, else $KALENDARIUM_CALENDARS, else ./calendars.
            """,
        subcommands: [
            CheckCommand.self, RotationCommand.self, PlanCommand.self, ExtraCommand.self, ExportCommand.self,
            ServeCommand.self, ItemsCommand.self, RemindCommand.self,
        ]
    )

    static func main() async {
        // A sendmail that exits without reading its input leaves a broken pipe: writing
        // to it must be an error the transport reports (and retries), not a SIGPIPE that
        // ends the daemon. NIO's sockets never raise it; pipes to children do.
        signal(SIGPIPE, SIG_IGN)
        await main(nil)
    }
}
