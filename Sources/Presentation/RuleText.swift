public import KalendariumCore

/// What a broken planning rule means, for the page's list of deviations.
extension Swedish {
    /// A planning warning as the page lists it: what the rule means, and for a
    /// meeting on a holiday which one ("på en helgdag (Kristi himmelsfärdsdag)").
    public static func deviation(_ warning: Diagnostic) -> String {
        if warning.rule == .holiday, let date = warning.date, let day = SwedishHolidays.holiday(on: date) {
            return "\(rule(.holiday)) (\(holiday(day.kind)))"
        }
        return rule(warning.rule)
    }

    public static func rule(_ rule: DiagnosticRule) -> String {
        switch rule {
        case .weekday: "annan veckodag än vanligt"
        case .time: "annan tid än vanligt"
        case .holiday: "på en helgdag"
        case .nonMeetingPeriod: "under en mötesfri period"
        case .minimumMeetings: "färre möten än minst sex per år"
        case .preparation: "inget ledningsgruppsmöte före"
        case .overlap: "krockar med ett annat möte"
        case .noHost: "värdkommun saknas"
        case .hostPlace: "hålls utanför värdkommunerna"
        case .externalClash: "krockar med en händelse i en annan kalender"
        case .noChair: "ordförande saknas för året"
        case .noQuorum: "minnesanteckningarna visar att mötet inte var beslutsmässigt"
        case .external: "problem i en extern kalender"
        case .files, .yaml, .schema: "fel i kalenderfilerna"
        case .duplicate, .duplicateMeeting: "förekommer två gånger"
        case .endBeforeStart: "slutar innan det börjar"
        case .unknownBody, .unknownConference, .unknownMunicipality, .unknownNetwork: "okänt namn"
        case .notAMember: "kommunen är inte medlem det året"
        case .rotation: "värdordningen kan inte beräknas"
        }
    }
}
