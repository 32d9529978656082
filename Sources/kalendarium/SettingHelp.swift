/// Help texts that name a setting's default the same way in every command; the whole
/// table is `Setting.help` (`serve --help`) and the README.
enum SettingHelp {
    static let state =
        "State directory (default: $KALENDARIUM_STATE, else the configuration file's state, else "
        + "$STATE_DIRECTORY, else ./state)."
}
