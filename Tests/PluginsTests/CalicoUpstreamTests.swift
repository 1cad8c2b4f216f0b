import Foundation
@testable import Plugins
import XCTest

/// The upstream objects are compiled into the binary at build time; what was compiled in is the
/// data file of the release `CalicoPlugin.version` names, byte for byte.
final class CalicoUpstreamTests: XCTestCase {
    func testTheEmbeddedTextIsTheUpstreamFileOfThePluginsVersion() throws {
        let fileName = "calico-\(CalicoPlugin.version)-upstream.yaml"
        XCTAssertEqual(CalicoUpstream.fileName, fileName, "CalicoPlugin.version and the file in Sources/Plugins/Kubernetes/Calico disagree")
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Plugins/Kubernetes/Calico/\(fileName)")
        XCTAssertEqual(CalicoUpstream.text, try String(contentsOf: file, encoding: .utf8))
    }
}
