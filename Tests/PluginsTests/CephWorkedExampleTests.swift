import Foundation
import XCTest
import Yams

/// The `storage` example is StarlingX's worked Ceph example: its golden tree must hold every
/// key sysinv writes for that system, with sysinv's values. The keys come from a fixture
/// written from StarlingX's code (CephWorkedExample/keys.yaml), never from sysinvc's output.
final class CephWorkedExampleTests: XCTestCase {
    func testTheGoldenStorageTreeHoldsSysinvsKeys() throws {
        let fixture = Examples.repository.appendingPathComponent("Tests/PluginsTests/CephWorkedExample/keys.yaml")
        let expected = try XCTUnwrap(Yams.load(yaml: String(contentsOf: fixture, encoding: .utf8)) as? [String: Any])
        var checked = 0
        for (file, keys) in expected {
            let path = Examples.goldenPath("storage") + "/hieradata/\(file).yaml"
            let golden = try XCTUnwrap(Yams.load(yaml: String(contentsOfFile: path, encoding: .utf8)) as? [String: Any], path)
            for (key, value) in try XCTUnwrap(keys as? [String: Any]) {
                guard let actual = golden[key] else {
                    XCTFail("\(file): \(key) is missing")
                    continue
                }
                XCTAssertTrue(Self.matches(actual, value), "\(file): \(key) is \(actual), sysinv writes \(value)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 79)
    }

    /// Whether `actual` is `expected`, where `<name>` in an expected string stands for any
    /// non-empty text.
    static func matches(_ actual: Any, _ expected: Any) -> Bool {
        switch (actual, expected) {
        case let (actual as [String: Any], expected as [String: Any]):
            return Set(actual.keys) == Set(expected.keys) && expected.allSatisfy { matches(actual[$0.key]!, $0.value) }
        case let (actual as [Any], expected as [Any]):
            return actual.count == expected.count && zip(actual, expected).allSatisfy(matches)
        case let (_, expected as String) where expected.contains("<"):
            let pattern = "^" + expected.split(separator: "<", omittingEmptySubsequences: false).enumerated().map { index, part in
                let literal = index == 0 ? part : part.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false).last ?? ""
                return (index == 0 ? "" : ".+") + NSRegularExpression.escapedPattern(for: String(literal))
            }.joined() + "$"
            return "\(actual)".range(of: pattern, options: .regularExpression) != nil
        case let (actual as Bool, expected as Bool): return actual == expected
        case let (actual as Int, expected as Int): return actual == expected
        case let (actual as String, expected as String): return actual == expected
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }
}
