import Compiler
import Foundation
import XCTest

/// The key file is checked as ssh checks a private key, and the secrets file names only secrets
/// that are asked for.
final class SecretKeyFileTests: XCTestCase {
    static let keygenOutput = String(repeating: "0123456789abcdef", count: 4) + "\n"

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Loads an inventory naming `keyFile` (line 3) and, when given, a secrets file.
    func load(keyFile: String, secrets: String? = nil) throws -> (store: SecretStore?, diagnostics: [Diagnostic]) {
        var text = InventoryLoaderTests.minimal + "secrets:\n  key_file: \(keyFile)\n"
        if let secrets {
            try secrets.write(to: directory.appendingPathComponent("secrets.yaml"), atomically: true, encoding: .utf8)
            text += "  overrides: secrets.yaml\n"
        }
        let path = directory.appendingPathComponent("inventory.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let inventory = try XCTUnwrap(InventoryLoader.load(path: path).inventory)
        return SecretStore.load(for: inventory)
    }

    func key(_ content: String, mode: Int) throws -> String {
        let path = directory.appendingPathComponent("site.key").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(content.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue)@\($0.location?.line ?? 0)" }
    }

    static let keyLine = InventoryLoaderTests.minimal.split(separator: "\n", omittingEmptySubsequences: false).count + 1

    func testAPrivateKeyAsKeygenWritesItIsRead() throws {
        for mode in [0o600, 0o400] {
            let loaded = try load(keyFile: try key(Self.keygenOutput, mode: mode))
            XCTAssertNotNil(loaded.store)
            XCTAssertEqual(loaded.diagnostics, [])
        }
    }

    func testKeysOthersMayReadAreRefused() throws {
        for mode in [0o644, 0o640, 0o604, 0o660] {
            let loaded = try load(keyFile: try key(Self.keygenOutput, mode: mode))
            XCTAssertNil(loaded.store)
            XCTAssertEqual(codes(loaded.diagnostics), ["SEC003@\(Self.keyLine)"], String(mode, radix: 8))
            XCTAssertTrue(loaded.diagnostics[0].message.contains("chmod 600"))
        }
    }

    func testKeysThatAreNotKeygenOutputAreRefused() throws {
        for content in ["not a key at all, but long enough to pass a byte count check\n", String(Self.keygenOutput.dropFirst(2)),
                        Self.keygenOutput + "00\n", Self.keygenOutput.uppercased().replacingOccurrences(of: "A", with: "G")] {
            let loaded = try load(keyFile: try key(content, mode: 0o600))
            XCTAssertNil(loaded.store)
            XCTAssertEqual(codes(loaded.diagnostics), ["SEC005@\(Self.keyLine)"], content)
        }
    }

    func testSystemFilesAndDirectoriesAreNoKeys() throws {
        let passwd = try load(keyFile: "/etc/passwd")
        XCTAssertNil(passwd.store)
        XCTAssertFalse(passwd.diagnostics.isEmpty)
        XCTAssertTrue(passwd.diagnostics.allSatisfy { [.secretKeyPermissions, .secretKeyFileType, .secretKeyFormat].contains($0.code) })
        let folder = try load(keyFile: directory.path)
        XCTAssertEqual(codes(folder.diagnostics), ["SEC004@\(Self.keyLine)"])
    }

    func testOverridesNoOneAsksForAreReported() throws {
        let loaded = try load(keyFile: try key(Self.keygenOutput, mode: 0o600), secrets: "keystone/admin: chosen\nkeystone/admn: typo\n")
        let store = try XCTUnwrap(loaded.store)
        XCTAssertEqual(store.password("keystone/admin"), "chosen")
        let unrequested = store.unrequestedOverrides()
        XCTAssertEqual(codes(unrequested), ["SEC006@2"])
        XCTAssertEqual(unrequested.first?.location?.file, directory.appendingPathComponent("secrets.yaml").path)
        XCTAssertTrue(unrequested[0].message.contains("did you mean keystone/admin?"), unrequested[0].message)
    }
}
