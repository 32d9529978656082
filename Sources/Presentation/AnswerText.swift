public import KalendariumCore

/// The Swedish words of answers and of the quorum forecast, for the pages and the CLI.
extension Swedish {
    /// "Kommer", "Kommer inte", "Ersättare: Anna Berg", "Delvis: punkt 2, 3", "Kanske".
    public static func answer(_ answer: Answer) -> String {
        switch answer.kind {
        case .coming: "Kommer"
        case .notComing: "Kommer inte"
        case .substitute: "Ersättare: \(answer.substitute ?? "")"
        case .partial: "Delvis: \(answer.part.map(part) ?? "")"
        case .tentative: "Kanske"
        }
    }

    /// "punkt 2, 3", "till kl. 10.00", "från kl. 9.30".
    public static func part(_ part: Attendance.Part) -> String {
        switch part {
        case .points(let n): (n.count == 1 ? "punkt " : "punkterna ") + n.map(String.init).joined(separator: ", ")
        case .until(let t): "till kl. \(t)"
        case .from(let t): "från kl. \(t)"
        }
    }

    public static func channel(_ channel: AnswerRecord.Channel) -> String {
        switch channel {
        case .link: "länken i kallelsen"
        case .invitation: "kalenderns svar"
        case .cli, .api: "sekretariatet"
        }
    }

    /// "4 av 8 kommuner företrädda: beslutfört" or what is missing.
    public static func forecast(_ f: QuorumForecast) -> String {
        let head = "\(f.represented) av \(f.members) kommuner har anmält att de är företrädda"
        if f.reached { return head + ": mötet blir beslutfört." }
        return head + "; minst \(f.needed) behövs för att mötet ska vara beslutfört (samverkansavtalet § 3)."
    }

    public static func seatState(_ state: QuorumForecast.Seat.State) -> String {
        switch state {
        case .represented: "företrädd"
        case .declined: "förhinder"
        case .unanswered: "inte svarat"
        case .nobodyInvited: "ingen i mottagarlistan"
        }
    }
}

extension Swedish {
    /// "2 januari 2027 kl. 09:15", in Stockholm time.
    public static func localTime(_ instant: UTCInstant) -> String {
        let (date, time) = StockholmTime.local(instant)
        return "\(dayMonthYear(date)) kl. \(time)"
    }
}
