import Compiler
import Foundation
import Plugins
import XCTest

/// The README documents the inventory with one complete example; it must stay valid.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeInventoryExampleIsValid() throws {
        let readme = try String(contentsOf: Examples.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```yaml\n"))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let example = String(readme[start.upperBound..<end.lowerBound])
        XCTAssertTrue(example.contains("service_parameters:"), "the example shows every section")
        let result = Pipeline.standard().validate(text: example, file: "README.md")
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        XCTAssertEqual(result.inventory?.hosts.count, 4)
    }
}
