import CLibical

/// Serialises `ICalComponent` values through libical: escaping, line folding and CRLF
/// are libical's, never a hand-written serializer's.
public enum ICalendarWriter {
    /// The RFC 5545 text of `component` (normally a `VCALENDAR`).
    public static func serialize(_ component: ICalComponent) throws(ICalError) -> String {
        // The folds are redone outside the library's lock: it is pure byte work, and
        // under the lock it kept the other cores waiting.
        let text = try Libical.withLibrary { () throws(ICalError) -> String in
            let handle = try make(component)
            defer { icalcomponent_free(handle) }
            return Libical.take(icalcomponent_as_ical_string_r(handle))
        }
        return ContentLines.refold(text)
    }

    /// The text of `component` with `children` after its own subcomponents, each a
    /// component's text from ``serialize(_:)``: byte for byte what libical writes for
    /// them nested, since it writes a component as its properties, then each child's
    /// text, then its END line (and folding is per line). So a feed's events can be
    /// serialised once and their text shared by every feed that holds them.
    public static func serialize(
        _ component: ICalComponent, appending children: [String]
    ) throws(ICalError)
        -> String
    {
        let text = try serialize(component)
        let end = "END:\(component.name)\r\n"
        guard text.utf8.count >= end.utf8.count, text.utf8.suffix(end.utf8.count).elementsEqual(end.utf8) else {
            throw ICalError("libical's text of \(component.name) does not end with its END line")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + children.reduce(0) { $0 + $1.utf8.count })
        bytes += text.utf8.dropLast(end.utf8.count)
        for child in children { bytes += child.utf8 }
        bytes += end.utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func make(_ component: ICalComponent) throws(ICalError) -> OpaquePointer {
        let kind = icalcomponent_string_to_kind(component.name)
        guard kind != ICAL_NO_COMPONENT, kind != ICAL_X_COMPONENT, let handle = icalcomponent_new(kind) else {
            throw ICalError("unknown component \(component.name)")
        }
        do {
            for property in component.properties { icalcomponent_add_property(handle, try make(property)) }
            for child in component.components { icalcomponent_add_component(handle, try make(child)) }
        } catch {
            icalcomponent_free(handle)
            throw error
        }
        return handle
    }

    private static func make(_ property: ICalProperty) throws(ICalError) -> OpaquePointer {
        let kind = icalproperty_string_to_kind(property.name)
        guard kind != ICAL_NO_PROPERTY, let handle = icalproperty_new(kind) else {
            throw ICalError("unknown property \(property.name)")
        }
        if kind == ICAL_X_PROPERTY { icalproperty_set_x_name(handle, property.name) }
        // libical tags a TEXT value on an X- property VALUE=TEXT, which some clients show
        // literally; an X value is written plain. libical 3.0 escapes only backslashes in
        // X values, not commas or semicolons, so callers keep those out of X- texts
        // (the feeds' calendar names and descriptions have none).
        let isXText: Bool = {
            if case .text = property.value { return kind == ICAL_X_PROPERTY } else { return false }
        }()
        let value: OpaquePointer?
        if isXText, case .text(let text) = property.value {
            value = icalvalue_new_x(text)
        } else {
            value = makeValue(property.value, defaultKind: icalproperty_kind_to_value_kind(kind))
        }
        guard let value else {
            icalproperty_free(handle)
            throw ICalError("invalid value for \(property.name): \(property.value) (\(Libical.lastError))")
        }
        icalproperty_set_value(handle, value)
        for parameter in property.parameters {
            guard let p = makeParameter(parameter) else {
                icalproperty_free(handle)
                throw ICalError("invalid parameter \(parameter.name)=\(parameter.value) on \(property.name)")
            }
            icalproperty_add_parameter(handle, p)
        }
        return handle
    }

    private static func makeValue(_ value: ICalValue, defaultKind: icalvalue_kind) -> OpaquePointer? {
        func lexical(_ kind: icalvalue_kind, _ text: String) -> OpaquePointer? { icalvalue_new_from_string(kind, text) }
        switch value {
        case .text(let text):
            return icalvalue_new_text(text)
        case .integer(let n):
            return icalvalue_new_integer(Int32(clamping: n))
        case .localDateTime(let y, let mo, let d, let h, let mi, let s):
            return lexical(ICAL_DATETIME_VALUE, ICalFormat.dateTime(y, mo, d, h, mi, s))
        case .utcDateTime(let y, let mo, let d, let h, let mi, let s):
            return lexical(ICAL_DATETIME_VALUE, ICalFormat.dateTime(y, mo, d, h, mi, s) + "Z")
        case .date(let y, let m, let d):
            return lexical(ICAL_DATE_VALUE, ICalFormat.date(y, m, d))
        case .duration(let text):
            return lexical(ICAL_DURATION_VALUE, text)
        case .recurrence(let text):
            return lexical(ICAL_RECUR_VALUE, text)
        case .utcOffset(let seconds):
            return icalvalue_new_utcoffset(Int32(seconds))
        case .uri(let text):
            return lexical(ICAL_URI_VALUE, text)
        case .calendarAddress(let text):
            return lexical(ICAL_CALADDRESS_VALUE, text)
        case .token(let text), .other(let text):
            return lexical(defaultKind, text)
        }
    }

    private static func makeParameter(_ parameter: ICalParameter) -> OpaquePointer? {
        let kind = icalparameter_string_to_kind(parameter.name)
        if kind == ICAL_X_PARAMETER || parameter.name.hasPrefix("X-") {
            guard let p = icalparameter_new_x(parameter.value) else { return nil }
            icalparameter_set_xname(p, parameter.name)
            return p
        }
        guard kind != ICAL_NO_PARAMETER else { return nil }
        return icalparameter_new_from_value_string(kind, parameter.value)
    }
}
