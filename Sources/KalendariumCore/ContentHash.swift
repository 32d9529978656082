/// FNV-1a, 64 bits, in hex: a stable content hash for change detection (feed
/// revisions), entity tags, MIME boundaries and Message-IDs. Not for secrets; unlike
/// `Hasher` it is the same on every run and machine.
public enum ContentHash {
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        // Contiguous bytes (a native string's UTF-8, an array) take the loop over a
        // buffer: a generic iterator across modules costs a witness call per byte, which
        // was a sixth of a daemon's start with fifty years of feeds to tag.
        if let hash = bytes.withContiguousStorageIfAvailable(digest) { return format(hash) }
        var h = offsetBasis
        for byte in bytes { h = step(h, byte) }
        return format(h)
    }

    public static func hex(_ text: String) -> String {
        var text = text
        return format(text.withUTF8(digest))
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private static func digest(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = offsetBasis
        for byte in buffer { h = step(h, byte) }
        return h
    }

    private static func format(_ h: UInt64) -> String {
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
