/// A message's claim ran out and another sender took it: this one must not send it.
struct ClaimLost: Error, CustomStringConvertible {
    let messageID: String
    var description: String { "another sender has claimed <\(messageID)>" }
}
