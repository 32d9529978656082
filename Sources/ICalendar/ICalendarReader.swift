import CLibical

/// Parses iCalendar text through libical into `ICalComponent` values.
///
/// libical does not fail on junk: it returns what it could read and embeds
/// `X-LIC-ERROR` properties where it could not. Those are counted and returned as
/// errors, never silently kept as data.
public enum ICalendarReader {
    /// The parsed calendar and the problems libical found in it.
    public struct Result: Sendable {
        public let calendar: ICalComponent
        /// libical's `X-LIC-ERROR` messages, one per problem.
        public let errors: [String]
    }

    /// - Parameter maxDepth: refuse text whose components nest deeper than this (a
    ///   VCALENDAR holding a VEVENT holding a VALARM is 3), before libical reads it:
    ///   for input from strangers (mail), where a few megabytes of BEGIN lines would
    ///   otherwise nest a million deep.
    public static func parse(_ text: String, maxDepth: Int = .max) throws(ICalError) -> Result {
        if maxDepth < .max, let depth = ComponentDepth.exceeds(maxDepth, in: text) {
            throw ICalError("components nest \(depth) deep, more than the \(maxDepth) read here")
        }
        return try Libical.withLibrary { () throws(ICalError) -> Result in
            guard let handle = icalparser_parse_string(text) else {
                throw ICalError("not iCalendar data (\(Libical.lastError))")
            }
            defer { icalcomponent_free(handle) }
            var errors: [String] = []
            let calendar = read(handle, errors: &errors)
            return Result(calendar: calendar, errors: errors)
        }
    }

    /// The events of an iCalendar text with their times as wall-clock times in
    /// `timeZone` (an Olson name), converted by libical from whatever zone they use.
    public static func events(_ text: String, in timeZone: String = "Europe/Stockholm") throws(ICalError) -> [ICalEvent]
    {
        try Libical.withLibrary { () throws(ICalError) -> [ICalEvent] in
            guard let handle = icalparser_parse_string(text) else {
                throw ICalError("not iCalendar data (\(Libical.lastError))")
            }
            defer { icalcomponent_free(handle) }
            guard let zone = icaltimezone_get_builtin_timezone(timeZone) else {
                throw ICalError("unknown time zone \(timeZone)")
            }
            try checkTimeZoneRules(handle)
            var events: [ICalEvent] = []
            let root =
                icalcomponent_isa(handle) == ICAL_VEVENT_COMPONENT ? [handle] : children(handle, ICAL_VEVENT_COMPONENT)
            for event in root {
                let start = icalcomponent_get_dtstart(event)
                guard icaltime_is_null_time(start) == 0 else { continue }
                var end = icalcomponent_get_dtend(event)
                if icaltime_is_null_time(end) != 0 { end = start }
                events.append(
                    ICalEvent(
                        uid: string(icalcomponent_get_uid(event)), summary: string(icalcomponent_get_summary(event)),
                        start: moment(start, zone), end: moment(end, zone), startUTC: utc(start),
                        isCancelled: icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED))
            }
            return events
        }
    }

    /// Refuses a VTIMEZONE whose rules libical would expand without bound: converting a
    /// time walks every observance from the rule's DTSTART to the year asked for, so
    /// `RRULE:FREQ=SECONDLY` from 1601 (342 bytes) would run for hours. Real zones
    /// change at most a few times a year, by month and weekday: YEARLY rules with
    /// BYMONTH, BYDAY, BYMONTHDAY, BYSETPOS, and observances from 1583 on.
    static func checkTimeZoneRules(_ handle: OpaquePointer) throws(ICalError) {
        let allowed: Set<String> = ["FREQ", "BYMONTH", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL", "COUNT", "WKST"]
        // Anywhere in the tree, not only under the root: libical finds a zone nested in
        // an event or in a second VCALENDAR as well (the fuzzer hid one there).
        for zone in descendants(handle, ICAL_VTIMEZONE_COMPONENT) {
            let tzid = string(
                icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY).flatMap { icalproperty_get_tzid($0) })
            for observance in children(zone, ICAL_ANY_COMPONENT) {
                var property = icalcomponent_get_first_property(observance, ICAL_RRULE_PROPERTY)
                while let p = property {
                    let rule = icalproperty_get_value(p).map { Libical.take(icalvalue_as_ical_string_r($0)) } ?? ""
                    for part in rule.split(separator: ";") {
                        let pair = part.split(separator: "=", maxSplits: 1).map { String($0).uppercased() }
                        guard let key = pair.first, allowed.contains(key), key != "FREQ" || pair.last == "YEARLY"
                        else {
                            throw ICalError(
                                "the time zone \"\(tzid)\" repeats by \"\(part)\"; time zone rules repeat yearly "
                                    + "(by month and weekday), so the calendar is not read")
                        }
                    }
                    property = icalcomponent_get_next_property(observance, ICAL_RRULE_PROPERTY)
                }
                let start = icalcomponent_get_dtstart(observance)
                if icaltime_is_null_time(start) == 0 && start.year < 1583 {
                    throw ICalError(
                        "the time zone \"\(tzid)\" starts in \(start.year); time zone rules before 1583 are not read")
                }
            }
        }
    }

    // MARK: - libical to values

    private static func read(_ handle: OpaquePointer, errors: inout [String]) -> ICalComponent {
        // The kind's name is a static string in libical: copied, not freed.
        var component = ICalComponent(string(icalcomponent_kind_to_string(icalcomponent_isa(handle))))
        var property = icalcomponent_get_first_property(handle, ICAL_ANY_PROPERTY)
        while let p = property {
            if icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY {
                errors.append(string(icalproperty_get_xlicerror(p)))
            } else {
                component.properties.append(read(property: p))
            }
            property = icalcomponent_get_next_property(handle, ICAL_ANY_PROPERTY)
        }
        for child in children(handle, ICAL_ANY_COMPONENT) {
            component.components.append(read(child, errors: &errors))
        }
        return component
    }

    private static func read(property p: OpaquePointer) -> ICalProperty {
        let name = Libical.take(icalproperty_get_property_name_r(p))
        var parameters: [ICalParameter] = []
        var parameter = icalproperty_get_first_parameter(p, ICAL_ANY_PARAMETER)
        while let param = parameter {
            let text = Libical.take(icalparameter_as_ical_string_r(param))
            if let eq = text.firstIndex(of: "=") {
                var value = String(text[text.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast())
                }
                parameters.append(ICalParameter(String(text[..<eq]), value))
            }
            parameter = icalproperty_get_next_parameter(p, ICAL_ANY_PARAMETER)
        }
        return ICalProperty(name, value(of: icalproperty_get_value(p)), parameters: parameters)
    }

    private static func value(of v: OpaquePointer?) -> ICalValue {
        guard let v else { return .other("") }
        let lexical = Libical.take(icalvalue_as_ical_string_r(v))
        switch icalvalue_isa(v) {
        case ICAL_TEXT_VALUE:
            return .text(string(icalvalue_get_text(v)))
        case ICAL_INTEGER_VALUE:
            return .integer(Int(icalvalue_get_integer(v)))
        case ICAL_DATETIME_VALUE, ICAL_DATE_VALUE:
            let t = icalvalue_get_datetime(v)
            if t.is_date != 0 { return .date(year: Int(t.year), month: Int(t.month), day: Int(t.day)) }
            let parts = (Int(t.year), Int(t.month), Int(t.day), Int(t.hour), Int(t.minute), Int(t.second))
            return icaltime_is_utc(t) != 0
                ? .utcDateTime(
                    year: parts.0, month: parts.1, day: parts.2, hour: parts.3, minute: parts.4, second: parts.5)
                : .localDateTime(
                    year: parts.0, month: parts.1, day: parts.2, hour: parts.3, minute: parts.4, second: parts.5)
        case ICAL_DURATION_VALUE:
            return .duration(lexical)
        case ICAL_RECUR_VALUE:
            return .recurrence(lexical)
        case ICAL_UTCOFFSET_VALUE:
            return .utcOffset(Int(icalvalue_get_utcoffset(v)))
        case ICAL_URI_VALUE:
            return .uri(lexical)
        case ICAL_CALADDRESS_VALUE:
            return .calendarAddress(lexical)
        case ICAL_STATUS_VALUE, ICAL_TRANSP_VALUE, ICAL_METHOD_VALUE, ICAL_CLASS_VALUE, ICAL_ACTION_VALUE:
            return .token(lexical)
        case ICAL_X_VALUE:
            return .text(string(icalvalue_get_x(v)))
        default:
            return .other(lexical)
        }
    }

    /// `handle` and every component below it of `kind`, walked without recursion (a
    /// hostile file may nest thousands deep).
    private static func descendants(_ handle: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var pending = [handle]
        while let component = pending.popLast() {
            if icalcomponent_isa(component) == kind { found.append(component) }
            pending += children(component, ICAL_ANY_COMPONENT)
        }
        return found
    }

    private static func children(_ handle: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(handle, kind)
        while let c = child {
            result.append(c)
            child = icalcomponent_get_next_component(handle, kind)
        }
        return result
    }

    private static func moment(_ time: icaltimetype, _ zone: OpaquePointer) -> ICalEvent.Moment {
        if time.is_date != 0 {
            return .init(
                year: Int(time.year), month: Int(time.month), day: Int(time.day), hour: 0, minute: 0, isDate: true)
        }
        // A floating time (no zone, not UTC) is already wall-clock time.
        let local = time.zone == nil && icaltime_is_utc(time) == 0 ? time : icaltime_convert_to_zone(time, zone)
        return .init(
            year: Int(local.year), month: Int(local.month), day: Int(local.day), hour: Int(local.hour),
            minute: Int(local.minute), isDate: false)
    }

    /// The instant in UTC, for timed events; `nil` for dates and floating times.
    private static func utc(_ time: icaltimetype) -> ICalEvent.Moment? {
        guard time.is_date == 0, time.zone != nil || icaltime_is_utc(time) != 0 else { return nil }
        let t = icaltime_convert_to_zone(time, icaltimezone_get_utc_timezone())
        return .init(
            year: Int(t.year), month: Int(t.month), day: Int(t.day), hour: Int(t.hour), minute: Int(t.minute),
            isDate: false)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

}
