import Foundation
import XCTest

/// Every example compiled, and every command that shows compiled values run over it: no secret
/// appears in a file others can read or in anything a command prints (unless --reveal).
final class SecretsAuditTests: XCTestCase {
    static let examples = ["aio-simplex", "aio-duplex", "standard", "storage", "no-kubernetes", "ipv6", "openstack", "virtual"]

    func testNoSecretOutsideOwnerOnlyFilesOrInAnyCommandsOutput() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repository.appendingPathComponent("inventory-examples").path) {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: scratch.appendingPathComponent(file))
        }
        XCTAssertEqual(try CLIRunner.run(["keygen", "other.key"], in: scratch).status, 0)
        // A service parameter aimed at a password must not put it in system.yaml either.
        let standard = try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8)
        try (standard + """
            service_parameters:
              - {service: identity, section: config, name: admin_password, value: PlainTextPassword0, resource: "keystone::admin_password"}

            """).write(to: scratch.appendingPathComponent("standard.yaml"), atomically: true, encoding: .utf8)

        for example in Self.examples {
            let inventory = "\(example).yaml"
            var printed = ""
            func run(_ arguments: [String]) throws {
                let output = try CLIRunner.run(arguments, in: scratch)
                printed += output.stdout + output.stderr
            }
            try run(["compile", inventory, "-o", "out-\(example)"])
            try run(["compile", inventory, "-o", "other-\(example)", "--secret-key", "other.key"])
            let tree = try CLIRunner.snapshot(scratch.appendingPathComponent("out-\(example)"))
            let other = try CLIRunner.snapshot(scratch.appendingPathComponent("other-\(example)"))
            var secrets = SecretWords.differing(tree.mapValues(\.0), other.mapValues(\.0))
            if example == "standard" { secrets.insert("PlainTextPassword0") }
            XCTAssertGreaterThan(secrets.count, 5, example)

            try run(["check", inventory, "--golden", "other-\(example)"])
            try run(["validate", inventory])
            for key in ["keystone::admin_password", "platform::users::params::sysadmin_password"] {
                try run(["explain", key, "-i", inventory])
            }
            if example == "openstack" {
                for chart in ["nova", "keystone", "mariadb"] {
                    try run(["helm-override-show", "stx-openstack", chart, "openstack", "-i", inventory])
                    try run(["helm-override-show", "stx-openstack", chart, "openstack", "-i", inventory, "--format", "armada"])
                }
            }
            for (path, file) in tree where file.1 & 0o077 != 0 {
                let text = String(decoding: file.0, as: UTF8.self)
                XCTAssertNil(secrets.first { text.contains($0) }, "\(example): \(path) (mode \(String(file.1, radix: 8))) holds a secret")
            }
            XCTAssertNil(secrets.first { printed.contains($0) }, "\(example): a command printed a secret")
        }
        let secureSystem = try String(contentsOf: scratch.appendingPathComponent("out-standard/hieradata/secure_system.yaml"), encoding: .utf8)
        XCTAssertTrue(secureSystem.contains("keystone::admin_password: PlainTextPassword0\n"))
    }
}

/// Secrets found the way an auditor would: the words of two trees compiled with different keys
/// that differ between them.
enum SecretWords {
    static func differing(_ first: [String: Data], _ second: [String: Data]) -> Set<String> {
        // OpenSSH public keys differ with the key too, but are public.
        func words(_ data: Data?) -> Set<String> {
            Set(String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter { !$0.contains("ssh-ed25519 AAAA") }
                .flatMap { $0.split { !($0.isLetter || $0.isNumber || "+/=*".contains($0)) } }.map(String.init).filter { $0.count >= 12 })
        }
        var found = Set<String>()
        for path in Set(first.keys).union(second.keys) {
            found.formUnion(words(first[path]).symmetricDifference(words(second[path])))
        }
        return found
    }
}
