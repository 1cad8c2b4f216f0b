import Compiler
import Foundation
import XCTest

/// The maintenance records of the `standard` example, whose hosts have IPMI, Redfish and
/// dynamic BMCs: one record per host as sysinv pushes it, and the BMC passwords only in the
/// owner-only file, keyed by the host's uuid.
final class MaintenanceHostsTests: XCTestCase {
    func record(_ rendered: RenderedTree, _ host: String) throws -> [String: Any] {
        let file = try XCTUnwrap(rendered.files["maintenance/\(host).json"], "no record of \(host)")
        XCTAssertFalse(file.secure)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any])
    }

    func testEveryHostHasItsRecordAndNoPasswordLeavesTheSecureFile() throws {
        let result = try Examples.compile("standard")
        let rendered = try XCTUnwrap(result.rendered)
        let controller = try record(rendered, "controller-0")
        XCTAssertEqual(controller["bm_type"] as? String, "ipmi")
        XCTAssertEqual(controller["bm_ip"] as? String, "10.10.20.3")
        XCTAssertEqual(controller["bm_username"] as? String, "root")
        XCTAssertEqual(controller["operation"] as? String, "add")
        XCTAssertEqual(controller["mgmt_ip"] as? String, "192.168.204.3")
        XCTAssertEqual(controller["subfunctions"] as? String, "controller")
        XCTAssertNil(controller["bm_password"])
        XCTAssertEqual(try record(rendered, "worker-0")["bm_type"] as? String, "redfish")
        // No bm_type, but an address and a user: sysinv's host-add makes it dynamic.
        XCTAssertEqual(try record(rendered, "worker-1")["bm_type"] as? String, "dynamic")

        let passwordsFile = try XCTUnwrap(rendered.files["maintenance/bm-passwords.json"])
        XCTAssertTrue(passwordsFile.secure)
        let passwords = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(passwordsFile.text.utf8)) as? [String: [String: String]])
        let hosts = ["controller-0", "controller-1", "worker-0", "worker-1"]
        XCTAssertEqual(Set(passwords.keys), Set(try hosts.map { try XCTUnwrap(record(rendered, $0)["uuid"] as? String) }))
        let secrets = try XCTUnwrap(result.secrets)
        for (uuid, entry) in passwords {
            let host = try XCTUnwrap(entry["hostname"])
            XCTAssertEqual(entry["bm_password"], secrets.password(BoardManagement.passwordSecret(host)), uuid)
            for (path, file) in rendered.files where !file.secure {
                XCTAssertFalse(file.text.contains(try XCTUnwrap(entry["bm_password"])), "\(host)'s BMC password is in \(path)")
            }
        }
    }

    /// A host without board management has a record that says so; with no BMC anywhere, there is
    /// no password file at all.
    func testHostsWithoutBoardsHaveNoneAndNoPasswordFile() throws {
        let rendered = try XCTUnwrap(Examples.compile("aio-simplex").rendered)
        let controller = try record(rendered, "controller-0")
        XCTAssertEqual(controller["bm_type"] as? String, "none")
        XCTAssertTrue(controller["bm_ip"] is NSNull)
        XCTAssertNil(rendered.files["maintenance/bm-passwords.json"])
    }
}
