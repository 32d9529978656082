/// FNV-1a, 64 bits, in hex: a stable content hash for change detection (feed
/// revisions), entity tags, MIME boundaries and Message-IDs. Not for secrets; unlike
/// `Hasher` it is the same on every run and machine.
public enum ContentHash {
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func hex(_ text: String) -> String { hex(text.utf8) }
}
