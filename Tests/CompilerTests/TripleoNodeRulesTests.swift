@testable import Compiler
import XCTest

/// The details of tripleo's node rules that the command-line tests do not reach one by one.
final class TripleoNodeRulesTests: XCTestCase {
    /// `re.sub(r'https?://', '', value, count=1, flags=re.I)`: the first scheme anywhere, any case.
    func testTheSchemeIsRemovedAsTripleoRemovesIt() {
        XCTAssertEqual(TripleoNodeRules.removingScheme("HTTPS://10.0.0.1/"), "10.0.0.1/")
        XCTAssertEqual(TripleoNodeRules.removingScheme("bmc http://a http://b"), "bmc a http://b")
        XCTAssertEqual(TripleoNodeRules.removingScheme("İ https://x"), "İ x")
        XCTAssertEqual(TripleoNodeRules.removingScheme("10.0.0.1"), "10.0.0.1")
        XCTAssertEqual(TripleoNodeRules.redfishID("https://10.0.0.1//", "//redfish/v1/Systems/1"), "10.0.0.1/redfish/v1/Systems/1")
    }

    func testDriversFollowTripleosTable() {
        XCTAssertEqual(TripleoNodeRules.driver(for: "pxe_ipmitool")?.mandatory, ["pm_addr"])
        XCTAssertEqual(TripleoNodeRules.driver(for: "redfish")?.mandatory, ["pm_addr", "pm_system_id"])
        XCTAssertEqual(TripleoNodeRules.driver(for: "ilo")?.mandatory, ["pm_addr", "pm_user", "pm_password"])
        XCTAssertEqual(TripleoNodeRules.driver(for: "idrac")?.mandatory, [])
        // `.*wol` has no underscore in tripleo's pattern.
        XCTAssertNotNil(TripleoNodeRules.driver(for: "magicwol"))
        XCTAssertNil(TripleoNodeRules.driver(for: "ipmi2"))
        XCTAssertTrue(TripleoNodeRules.driver(for: "idrac")?.knows("redfish_verify_ca") == true)
        XCTAssertFalse(TripleoNodeRules.driver(for: "ipmi")?.knows("redfish_verify_ca") == true)
        XCTAssertTrue(TripleoNodeRules.driver(for: "ipmi")?.knows("ipmi_bridging") == true)
        XCTAssertEqual(["pxe_ipmitool", "redfish", "fake_pxe", "manual-management", "ilo", "idrac"].map(TripleoNodeRules.boardType),
                       [.ipmi, .redfish, BoardManagementType.none, .none, .dynamic, .dynamic])
    }
}
