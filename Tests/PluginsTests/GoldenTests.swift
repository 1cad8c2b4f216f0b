import Compiler
import Foundation
import Plugins
import XCTest

/// Every example compiles to exactly its golden tree. To re-record on purpose, run
/// `scripts/record-golden` and read the diff before committing it.
final class GoldenTests: XCTestCase {
    func testEveryExampleMatchesItsGoldenTree() throws {
        for name in Examples.names {
            let result = try Examples.compile(name)
            guard let rendered = result.rendered else { continue }
            let comparison = try GoldenCheck.compare(rendered, with: Examples.goldenPath(name))
            XCTAssertTrue(comparison.matches, """
                \(name) differs from golden/\(name) (re-record with scripts/record-golden if intended):
                \(comparison.differences.joined())
                """)
        }
    }

    func testCompilingTwiceIsByteIdentical() throws {
        for name in Examples.names {
            let first = try Examples.compile(name).rendered
            let second = try Examples.compile(name).rendered
            XCTAssertEqual(first?.files, second?.files, name)
        }
    }

    func testSecondCompileIntoTheSameDirectoryChangesNoFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-twice-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rendered = try XCTUnwrap(Examples.compile("standard").rendered)
        let first = try TreeWriter.write(rendered, to: directory)
        XCTAssertEqual(first.written.count, rendered.files.count)
        let modified = try modificationDates(directory)
        Thread.sleep(forTimeInterval: 0.05)
        let second = try TreeWriter.write(try XCTUnwrap(Examples.compile("standard").rendered), to: directory)
        XCTAssertEqual(second.written, [])
        XCTAssertEqual(second.removed, [])
        XCTAssertEqual(second.unchanged.count, rendered.files.count)
        XCTAssertEqual(try modificationDates(directory), modified)
    }

    func modificationDates(_ directory: String) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(path))
            dates[path] = attributes[.modificationDate] as? Date
        }
        return dates
    }
}
