import Compiler
import Foundation
import Plugins
import XCTest

/// The bad-input corpus: every file in BadInventories/ is named after the code it must produce
/// and marks each line that must be reported with `# expect CODE[, CODE]`. The run must report
/// exactly those errors, at those lines, as `sysinvc validate` would.
final class BadInventoryTests: XCTestCase {
    func testEveryBadInventoryIsRefusedWithItsCodesAtItsLines() throws {
        let directory = try XCTUnwrap(Bundle.module.url(forResource: "BadInventories", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThan(files.count, 30)
        for file in files {
            let path = directory.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let expected = Self.expectations(in: text)
            let namedCode = String(file.prefix { $0 != "-" })
            XCTAssertTrue(expected.contains { $0.hasPrefix(namedCode + "@") }, "\(file) marks no line with \(namedCode)")
            let result = Pipeline.standard().validate(path: path)
            let reported = result.diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue)@\($0.location?.line ?? 0)" }
            XCTAssertEqual(reported.sorted(), expected.sorted(), "\(file):\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
            XCTAssertNil(result.inventory, file)
        }
    }

    /// `CODE@line` for every `# expect CODE, CODE` comment.
    static func expectations(in text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line -> [String] in
            guard let marker = line.range(of: "# expect ") else { return [] }
            return line[marker.upperBound...].split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces))@\(index + 1)" }
        }
    }
}
