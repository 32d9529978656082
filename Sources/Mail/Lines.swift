/// Lines of received mail, which may end in CRLF (as sent) or LF alone (as most MTAs
/// store them in a maildir).
enum Lines {
    /// The line that starts at `start`: its content without the line break, and where the next line starts.
    static func line(in bytes: ArraySlice<UInt8>, from start: Int) -> (content: Range<Int>, next: Int) {
        guard let lf = bytes[start...].firstIndex(of: 10) else { return (start..<bytes.endIndex, bytes.endIndex) }
        let end = lf > start && bytes[lf - 1] == 13 ? lf - 1 : lf
        return (start..<end, lf + 1)
    }

    /// The header block and the body of an entity: split at the first empty line. With
    /// none, it is all header.
    static func split(_ entity: ArraySlice<UInt8>) -> (header: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        var at = entity.startIndex
        while at < entity.endIndex {
            let line = line(in: entity, from: at)
            if line.content.isEmpty { return (entity[entity.startIndex..<at], entity[line.next...]) }
            at = line.next
        }
        return (entity, entity[entity.endIndex...])
    }
}
