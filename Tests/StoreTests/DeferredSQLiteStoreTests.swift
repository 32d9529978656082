import Foundation
import Testing

@testable import Store

/// The store a daemon starts with when the disk was full: the same contract once it opens.
@Suite struct DeferredSQLiteStoreTests {
    @Test(arguments: StoreContract.all.map(\.0))
    func contract(_ name: String) async throws {
        let test = try #require(StoreContract.all.first { $0.0 == name }?.1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        try await test(DeferredSQLiteStore(directory: directory))
    }
}
