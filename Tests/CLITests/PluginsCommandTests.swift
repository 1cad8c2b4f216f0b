import Foundation
import XCTest

final class PluginsCommandTests: XCTestCase {
    /// `--format markdown` prints the README's plugin table exactly, as
    /// scripts/update-readme-plugins copies it there.
    func testMarkdownIsTheReadmesPluginTable() throws {
        let result = try CLIRunner.run(["plugins", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let readme = try String(contentsOf: CLIRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("-->\n" + result.stdout + "<!-- end plugins -->\n"),
                      "README.md's plugin table differs from `sysinvc plugins --format markdown`: run scripts/update-readme-plugins")
        XCTAssertTrue(result.stdout.hasPrefix("| plugin | emits |\n|---|---|\n| `001_platform` |"), result.stdout)
    }
}
