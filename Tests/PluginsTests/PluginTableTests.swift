import Compiler
import Foundation
import Plugins
import XCTest

/// The README's plugin table is generated from the plugins' descriptions and must stay so.
final class PluginTableTests: XCTestCase {
    func testTheReadmePluginTableIsTheRegistrys() throws {
        let readme = try String(contentsOf: Examples.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: PluginTable.startMarker + "\n"), "README.md lacks the line \(PluginTable.startMarker)")
        let end = try XCTUnwrap(readme.range(of: "\n" + PluginTable.endMarker, range: start.upperBound..<readme.endIndex),
                                "README.md lacks the line \(PluginTable.endMarker) after the table")
        XCTAssertEqual(String(readme[start.upperBound...end.lowerBound]), PluginTable.markdown(PluginRegistry.all.map(\.description)), """
            README.md's plugin table is not the plugins' descriptions: run scripts/update-readme-plugins \
            (it puts the output of `sysinvc plugins --format markdown` between the markers) and commit README.md
            """)
    }

    func testAPipeInASummaryStaysInItsCell() {
        let table = PluginTable.markdown([PluginDescription(identifier: "100_example", summary: "a | b", reads: [], writes: [])])
        XCTAssertEqual(table, "| plugin | emits |\n|---|---|\n| `100_example` | a \\| b |\n")
    }
}
