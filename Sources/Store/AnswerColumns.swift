import KalendariumCore

/// How an ``AnswerRecord`` is kept in a row, the same on both back ends: the kind,
/// the substitute, the part as its text (`points:2`, `until:10:00`), the comment, the
/// channel and the time in seconds.
enum AnswerColumns {
    static func record(
        meeting: String, email: String, kind: String, substitute: String?, part: String?, comment: String?,
        via: String, at: Int
    ) throws -> AnswerRecord {
        guard let kind = Answer.Kind(rawValue: kind), let channel = AnswerRecord.Channel(rawValue: via) else {
            throw StoreError(
                "an answer to \(meeting) in the database has an unknown kind \"\(kind)\" or channel \"\(via)\"")
        }
        let answer: Answer
        do {
            answer = try Answer(
                kind, substitute: substitute, part: part.flatMap(Attendance.Part.init), comment: comment)
        } catch {
            throw StoreError("an answer to \(meeting) in the database does not load: \(error)")
        }
        return AnswerRecord(
            meeting: meeting, email: email, answer: answer, at: UTCInstant(secondsSince1970: at), via: channel)
    }
}
