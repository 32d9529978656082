/// Which conference year an event belongs to, and by when its hosts must be members.
extension Conference {
    /// Where the conference of `year` moved to, if it did.
    public func move(of year: Int) -> ConferenceMove? {
        for override in overrides {
            if case .moved(year, let move) = override.change { return move }
        }
        return nil
    }

    /// The latest day the conference of `year` can be held: its moved-to season's end, else
    /// its season's end, else 31 December. A municipality hosts that year only if it is still
    /// a member on that day, so one that leaves on 31 May hosts a spring Rådslag that year
    /// but not the autumn's Södertörnskonferensen.
    public func lastPossibleDay(of year: Int) -> LocalDate {
        move(of: year)?.lastDay ?? season?.lastDay(in: year) ?? LocalDate(year: year, month: 12, day: 31)!
    }

    /// The conference year a meeting of this conference belongs to: the year a moved
    /// conference came from when the meeting is in the moved-to year and season, else its own year.
    public func conferenceYear(of meeting: Meeting) -> Int {
        for override in overrides {
            guard case .moved(let from, let move) = override.change, move.year == meeting.year else { continue }
            switch meeting.schedule {
            case .undated(_, let season) where season == move.season: return from
            case .timed(let day, _, _, _), .allDay(let day, _):
                if move.season.contains(day) { return from }
            default: continue
            }
        }
        return meeting.year
    }
}
