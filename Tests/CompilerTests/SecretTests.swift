import Compiler
import Foundation
import XCTest

final class SecretStoreTests: XCTestCase {
    func testSecretsAreReproducibleAndOverridable() {
        let key = Data(repeating: 1, count: 32)
        let store = SecretStore(key: key)
        XCTAssertEqual(store.password("keystone/admin"), SecretStore(key: key).password("keystone/admin"))
        XCTAssertNotEqual(store.password("keystone/admin"), store.password("keystone/database"))
        XCTAssertNotEqual(store.password("keystone/admin"), SecretStore(key: Data(repeating: 2, count: 32)).password("keystone/admin"))
        XCTAssertTrue(store.password("x").hasSuffix("Ti0*"))
        XCTAssertEqual(store.password("x").count, 20)
        XCTAssertEqual(store.token("t", length: 32).count, 32)
        XCTAssertEqual(SecretStore(key: key, overrides: ["keystone/admin": "chosen"]).password("keystone/admin"), "chosen")
    }

    /// A cephx key is what `ceph-authtool --gen-print-key` prints: base64 of 28 bytes, a header
    /// (type 1, creation time, length 16) and 16 secret bytes; reproducible, different per name
    /// and per key file, and a secrets file's value wins.
    func testCephxKeysHaveCephsFormat() throws {
        let store = SecretStore(key: Data(repeating: 1, count: 32))
        let key = store.cephxKey("glance/ceph-admin-keyring")
        XCTAssertEqual(key.count, 40)
        XCTAssertTrue(key.hasPrefix("AQ") && key.hasSuffix("=="), key)
        let bytes = try XCTUnwrap(Data(base64Encoded: key))
        XCTAssertEqual(bytes.count, 28)
        XCTAssertEqual(Array(bytes.prefix(12)), [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0])
        XCTAssertEqual(key, SecretStore(key: Data(repeating: 1, count: 32)).cephxKey("glance/ceph-admin-keyring"))
        XCTAssertNotEqual(key, store.cephxKey("other"))
        XCTAssertNotEqual(key, SecretStore(key: Data(repeating: 2, count: 32)).cephxKey("glance/ceph-admin-keyring"))
        let chosen = "AQBkzvxcAAAAABAA0q8j8Jb7NwYkHvPqzF0nXQ=="
        XCTAssertEqual(SecretStore(key: Data(repeating: 1, count: 32), overrides: ["glance/ceph-admin-keyring": chosen]).cephxKey("glance/ceph-admin-keyring"),
                       chosen)
    }
}

final class SHA512CryptTests: XCTestCase {
    /// The test vectors of the algorithm's specification, and what `openssl passwd -6` prints.
    func testKnownVectors() {
        XCTAssertEqual(SHA512Crypt.hash(password: "Hello world!", salt: "saltstring"),
                       "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1")
        XCTAssertEqual(SHA512Crypt.hash(password: "sysadmin", salt: "abcdefgh"), Self.openssl("sysadmin", salt: "abcdefgh"))
        XCTAssertEqual(SHA512Crypt.hash(password: String(repeating: "p", count: 80), salt: "0123456789abcdefXYZ"),
                       Self.openssl(String(repeating: "p", count: 80), salt: "0123456789abcdef"))
    }

    static func openssl(_ password: String, salt: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "passwd", "-6", "-salt", salt, password]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

final class SSHKeyPairTests: XCTestCase {
    /// ssh-keygen reads the private key and derives the same public key from it.
    func testOpenSSHReadsTheKeyPair() throws {
        let pair = SecretStore(key: Data(repeating: 5, count: 32)).sshKeyPair("nova/ssh", comment: "nova@openstack")
        XCTAssertEqual(pair.publicKey, SecretStore(key: Data(repeating: 5, count: 32)).sshKeyPair("nova/ssh", comment: "nova@openstack").publicKey)
        XCTAssertTrue(pair.publicKey.hasPrefix("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: Data(pair.privateKey.utf8), attributes: [.posixPermissions: 0o600]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen", "-y", "-f", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let derived = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(derived.trimmingCharacters(in: .whitespacesAndNewlines), pair.publicKey)
    }
}
