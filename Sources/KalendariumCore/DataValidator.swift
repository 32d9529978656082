/// Finds the errors that make the data unusable: references to things that do not
/// exist, duplicates, impossible spans, hosts that are not members, and host
/// histories that cannot define a rotation.
///
/// Syntax and types are the file reader's job; this looks across files.
public enum DataValidator {
    public static func errors(in data: CalendarData) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        errors += duplicateDefinitions(in: data)
        errors += meetingErrors(in: data)
        errors += conferenceErrors(in: data)
        errors += chairErrors(in: data)
        return errors
    }

    /// A chair's municipality must be one the data knows.
    private static func chairErrors(in data: CalendarData) -> [Diagnostic] {
        let known = data.municipalities.map(\.slug)
        func check(_ person: Chairperson?, at location: SourceLocation?) -> Diagnostic? {
            guard let slug = person?.municipality, data.municipality(slug) == nil else { return nil }
            return .error(
                .unknownMunicipality,
                "unknown municipality \"\(slug)\" for the chair \(person!.name)"
                    + Suggestion.hint(for: slug, in: known), at: location)
        }
        var errors: [Diagnostic] = []
        for body in data.bodies {
            for term in body.chairs {
                errors += [check(term.chair, at: term.location), check(term.viceChair, at: term.location)]
                    .compactMap { $0 }
            }
        }
        for meeting in data.meetings {
            if let error = check(meeting.chair, at: meeting.location) { errors.append(error) }
        }
        return errors
    }

    private static func duplicateDefinitions(in data: CalendarData) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        var seen: [String: SourceLocation?] = [:]
        let slugs =
            data.municipalities.map { ($0.slug, $0.location) } + data.bodies.map { ($0.slug, $0.location) }
            + data.conferences.map { ($0.slug, $0.location) } + data.networks.map { ($0.slug, $0.location) }
        for (slug, location) in slugs {
            guard let first = seen[slug] else {
                seen[slug] = location
                continue
            }
            errors.append(
                .error(
                    .duplicate,
                    "\"\(slug)\" is defined twice (first at \(first?.description ?? "?")); slugs of municipalities, "
                        + "bodies, conferences and networks must be unique", at: location))
        }
        let planner = data.rules.planner
        for slug in planner.committeeHostOrder where data.municipality(slug) == nil {
            errors.append(
                .error(
                    .unknownMunicipality,
                    "rules.yaml planner committee-host-order names unknown "
                        + "municipality \"\(slug)\"\(Suggestion.hint(for: slug, in: data.municipalities.map(\.slug)))",
                    at: planner.locations["committee-host-order:\(slug)"]))
        }
        for slug in planner.planningConferences.keys.sorted() where data.body(slug) == nil {
            errors.append(
                .error(
                    .unknownBody,
                    "rules.yaml planner planning-conferences names unknown body "
                        + "\"\(slug)\"\(Suggestion.hint(for: slug, in: data.bodies.map(\.slug)))",
                    at: planner.locations["planning-conferences:\(slug)"]))
        }
        for body in data.bodies {
            if let preparer = body.preparedBy, data.body(preparer) == nil {
                errors.append(
                    .error(
                        .unknownBody,
                        "body \"\(body.slug)\" is prepared by unknown body "
                            + "\"\(preparer)\"\(Suggestion.hint(for: preparer, in: data.bodies.map(\.slug)))",
                        at: body.location))
            }
        }
        return errors
    }

    private static func meetingErrors(in data: CalendarData) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        var ids: [String: Meeting] = [:]
        var slots: [String: Meeting] = [:]
        for meeting in data.meetings {
            switch meeting.subject {
            case .body(let slug) where data.body(slug) == nil:
                errors.append(
                    .error(
                        .unknownBody,
                        "unknown body \"\(slug)\""
                            + Suggestion.hint(for: slug, in: data.bodies.map(\.slug)), at: meeting.location))
            case .conference(let slug) where data.conference(slug) == nil:
                errors.append(
                    .error(
                        .unknownConference,
                        "unknown conference \"\(slug)\""
                            + Suggestion.hint(for: slug, in: data.conferences.map(\.slug)), at: meeting.location))
            default: break
            }
            if let slug = meeting.place?.municipality {
                if let municipality = data.municipality(slug) {
                    if !municipality.isMember(in: meeting.year) {
                        errors.append(
                            .error(
                                .notAMember,
                                "\(municipality.name) hosts a meeting in "
                                    + "\(meeting.year) but is not a member that year "
                                    + "(member \(membership(municipality)))", at: meeting.location))
                    }
                } else {
                    errors.append(
                        .error(
                            .unknownMunicipality,
                            "unknown municipality \"\(slug)\""
                                + Suggestion.hint(for: slug, in: data.municipalities.map(\.slug)), at: meeting.location)
                    )
                }
            }
            if let first = meeting.schedule.firstDay, let last = meeting.schedule.lastDay {
                if case .timed(let sd, let s, let ed, let e) = meeting.schedule, (ed, e.minutes) <= (sd, s.minutes) {
                    errors.append(
                        .error(
                            .endBeforeStart,
                            "ends (\(ed) \(e)) before it starts (\(sd) \(s)); "
                                + "check the times, or give end-date for a meeting over several days",
                            at: meeting.location))
                } else if last < first {
                    errors.append(
                        .error(
                            .endBeforeStart, "ends (\(last)) before it starts (\(first))",
                            at: meeting.location))
                }
            }
            if let earlier = ids[meeting.id] {
                errors.append(
                    .error(
                        .duplicateMeeting,
                        "duplicate meeting id \"\(meeting.id)\"; the first is at "
                            + "\(earlier.location?.description ?? "?"); give one of them its own id",
                        at: meeting.location))
            } else {
                ids[meeting.id] = meeting
            }
            if case .timed(let day, let start, _, _) = meeting.schedule {
                let slot = "\(meeting.subject.slug) \(day) \(start)"
                if let earlier = slots[slot], earlier.id != meeting.id {
                    errors.append(
                        .error(
                            .duplicateMeeting,
                            "\(meeting.subject.slug) already meets on \(day) at "
                                + "\(start) (\(earlier.location?.description ?? "?")); remove one of them",
                            at: meeting.location))
                } else {
                    slots[slot] = meeting
                }
            }
        }
        return errors
    }

    private static func conferenceErrors(in data: CalendarData) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        let known = data.municipalities.map(\.slug)
        for conference in data.conferences {
            func checkHosts(_ hosts: [String], year: Int, at location: SourceLocation?) {
                for slug in hosts {
                    guard let municipality = data.municipality(slug) else {
                        errors.append(
                            .error(
                                .unknownMunicipality,
                                "unknown municipality \"\(slug)\" as host of "
                                    + "\(conference.slug) \(year)\(Suggestion.hint(for: slug, in: known))", at: location
                            ))
                        continue
                    }
                    if !municipality.isMember(in: year) {
                        errors.append(
                            .error(
                                .notAMember,
                                "\(municipality.name) is named host of "
                                    + "\(conference.name) \(year) but is not a member that year "
                                    + "(member \(membership(municipality)))", at: location))
                    }
                }
            }
            for record in conference.history { checkHosts(record.hosts, year: record.year, at: record.location) }
            for override in conference.overrides {
                if case .hosts(let year, let hosts) = override.change {
                    checkHosts(hosts, year: year, at: override.location)
                }
            }
            if case .network(let network) = conference.hostRule, data.network(network) == nil {
                errors.append(
                    .error(
                        .unknownNetwork,
                        "conference \"\(conference.slug)\" is arranged by unknown "
                            + "network \"\(network)\"\(Suggestion.hint(for: network, in: data.networks.map(\.slug)))",
                        at: conference.location))
            }
            if errors.isEmpty {
                do {
                    _ = try HostRotation(conference: conference, municipalities: data.municipalities)
                } catch {
                    errors.append(.error(.rotation, error.description, at: error.location ?? conference.location))
                }
            }
        }
        return errors
    }

    private static func membership(_ m: Municipality) -> String {
        m.memberUntil.map { "\(m.memberFrom)–\($0)" } ?? "from \(m.memberFrom)"
    }
}
