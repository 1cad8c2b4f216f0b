import Compiler
import Foundation
import XCTest

/// Every storage key the examples compile to must be a parameter of a StarlingX puppet class
/// (2019 or today), or one sysinv wrote for an upstream class. Reads StarlingX's puppet code
/// from ../shared/reference/stx-puppet when it is there (it is never copied into this
/// repository) and skips when it is not.
final class StoragePuppetParameterTests: XCTestCase {
    static let prefixes = ["platform::ceph", "platform::storage", "platform::lvm", "platform::drbd", "platform::filesystem", "ceph::"]
    /// Parameters of upstream classes not in the reference copy: puppet-ceph's `ceph` class.
    static let upstream: Set<String> = ["ceph::ms_bind_ipv6"]

    func testEveryStorageKeyNamesAPuppetParameter() throws {
        let reference = Examples.repository.deletingLastPathComponent().appendingPathComponent("shared/reference/stx-puppet")
        guard FileManager.default.fileExists(atPath: reference.path) else {
            throw XCTSkip("StarlingX's puppet code is not at \(reference.path); this check reads it from there")
        }
        let parameters = try Self.classParameters(under: reference)
        XCTAssertTrue(parameters.contains("platform::ceph::params::mon_0_host"), "the parser found no parameters")
        for name in Examples.names {
            let tree = try XCTUnwrap(Examples.compile(name).tree)
            for (file, document) in tree.hiera {
                for key in document.values.keys where Self.prefixes.contains(where: key.hasPrefix) {
                    XCTAssertTrue(parameters.contains(key) || Self.upstream.contains(key), "\(name) \(file): \(key) is no class parameter")
                }
            }
        }
    }

    /// `class::parameter` for every parameter of every class in the .pp files below `root`, and
    /// every key the code looks up explicitly (`hiera('…')`, `hiera_hash`, `lookup`).
    static func classParameters(under root: URL) throws -> Set<String> {
        var result: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "pp" } ?? []
        let header = try NSRegularExpression(pattern: #"(?m)^\s*class\s+([a-z0-9_:]+)\s*\("#)
        let lookup = try NSRegularExpression(pattern: #"(?:hiera|hiera_hash|hiera_array|lookup)\(\s*['"]([A-Za-z0-9_:]+)['"]"#)
        // Parameters may hold capitals (`$nr_hugepages_1G`).
        let parameter = try NSRegularExpression(pattern: #"\$([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|,|\)|$)"#, options: [.anchorsMatchLines])
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let source = text as NSString
            for match in lookup.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                result.insert(source.substring(with: match.range(at: 1)))
            }
            for match in header.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                let name = source.substring(with: match.range(at: 1))
                // The parameter list runs to the parenthesis that closes the one after the name.
                var depth = 1, index = match.range.location + match.range.length
                let start = index
                while index < source.length, depth > 0 {
                    let character = source.character(at: index)
                    if character == 0x28 { depth += 1 } else if character == 0x29 { depth -= 1 }
                    index += 1
                }
                let list = source.substring(with: NSRange(location: start, length: max(0, index - start)))
                for found in parameter.matches(in: list, range: NSRange(location: 0, length: (list as NSString).length)) {
                    result.insert(name + "::" + (list as NSString).substring(with: found.range(at: 1)))
                }
            }
        }
        return result
    }
}
