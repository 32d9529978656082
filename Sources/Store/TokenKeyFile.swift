import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The token secret as a file (`agenda-token.key`, 32 bytes, mode 0600), as the SQLite
/// store keeps it. Made on first use by writing a private temporary file and linking it
/// into place, so two processes starting together agree on one secret; rotated by
/// renaming a new one over it, so a reader sees the old or the new, whole.
struct TokenKeyFile: Sendable {
    let path: String

    func secret() throws(StoreError) -> [UInt8] {
        if let existing = try read() { return existing }
        let temporary = try writeTemporary(AgendaTokens.newSecret())
        defer { unlink(temporary) }
        // link() fails if another process made the file first; then its secret counts.
        if link(temporary, path) != 0 && errno != EEXIST {
            throw StoreError("cannot create \(path): \(Self.lastError)", unavailable: true)
        }
        guard let secret = try read() else { throw StoreError("\(path) vanished as soon as it was made") }
        return secret
    }

    func rotate() throws(StoreError) -> [UInt8] {
        let secret = AgendaTokens.newSecret()
        let temporary = try writeTemporary(secret)
        guard rename(temporary, path) == 0 else {
            let why = Self.lastError
            unlink(temporary)
            throw StoreError("cannot replace \(path): \(why)", unavailable: true)
        }
        return secret
    }

    private func read() throws(StoreError) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError("cannot read \(path); give the service's user read access", unavailable: true)
            }
            return nil
        }
        guard data.count == 32 else {
            throw StoreError("\(path) holds \(data.count) bytes, not 32; run `kalendarium tokens rotate` to replace it")
        }
        return [UInt8](data)
    }

    private func writeTemporary(_ secret: [UInt8]) throws(StoreError) -> String {
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw StoreError("cannot write \(temporary): \(Self.lastError)", unavailable: true) }
        defer { close(fd) }
        let written = secret.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == secret.count, fsync(fd) == 0 else {
            let why = Self.lastError
            unlink(temporary)
            throw StoreError("cannot write \(temporary): \(why)", unavailable: true)
        }
        return temporary
    }

    static var lastError: String { String(cString: strerror(errno)) }
}
