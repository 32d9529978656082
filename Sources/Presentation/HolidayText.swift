public import KalendariumCore

/// The Swedish names of the holidays and eves, as the calendar and the law write them.
extension Swedish {
    public static func holiday(_ kind: SwedishHolidays.Holiday.Kind) -> String {
        switch kind {
        case .newYearsDay: "Nyårsdagen"
        case .epiphany: "Trettondedag jul"
        case .goodFriday: "Långfredagen"
        case .easterEve: "Påskafton"
        case .easterDay: "Påskdagen"
        case .easterMonday: "Annandag påsk"
        case .mayDay: "Första maj"
        case .ascensionDay: "Kristi himmelsfärdsdag"
        case .whitSunday: "Pingstdagen"
        case .nationalDay: "Sveriges nationaldag"
        case .midsummerEve: "Midsommarafton"
        case .midsummerDay: "Midsommardagen"
        case .allSaintsDay: "Alla helgons dag"
        case .christmasEve: "Julafton"
        case .christmasDay: "Juldagen"
        case .boxingDay: "Annandag jul"
        case .newYearsEve: "Nyårsafton"
        }
    }
}
