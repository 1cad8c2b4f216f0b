import Compiler
import XCTest

final class ValidatorTests: XCTestCase {
    func validate(_ text: String) -> (ValidatedInventory?, [Diagnostic]) {
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: "v.yaml")
        XCTAssertEqual(loadDiagnostics.filter { $0.severity == .error }, [], "load")
        guard let inventory else { return (nil, loadDiagnostics) }
        return Validator.validate(inventory)
    }

    func testAllocationFollowsSysinvOrderAndExplicitAddressesWin() throws {
        let text = InventoryLoaderTests.minimal
            .replacingOccurrences(of: "mode: simplex", with: "mode: duplex")
            .replacingOccurrences(of: "oam: {subnet: 10.10.10.0/24}", with: "oam: {subnet: 10.10.10.0/24, gateway: 10.10.10.1}")
            .replacingOccurrences(of: "mgmt: {subnet: 192.168.204.0/24}", with: "mgmt: {subnet: 192.168.204.0/24}\n  pxeboot: {subnet: 169.254.202.0/24}")
            + """
              - hostname: controller-1
                personality: controller
                addresses: {mgmt: 192.168.204.3}
                interfaces: [{name: eth0, networks: [oam, mgmt, cluster-host]}]

            """
        let withMgmt = text.replacingOccurrences(of: "networks: [oam, cluster-host]}]", with: "networks: [oam, mgmt, cluster-host]}]")
        let (validated, diagnostics) = validate(withMgmt)
        XCTAssertEqual(diagnostics, [])
        let plan = try XCTUnwrap(validated?.addresses)
        XCTAssertEqual(plan["controller", .mgmt]?.address.description, "192.168.204.2")
        XCTAssertEqual(plan["controller-1", .mgmt]?.address.description, "192.168.204.3")
        XCTAssertEqual(plan["controller-1", .mgmt]?.explicit, true)
        // controller-0 skips the address controller-1 was given.
        XCTAssertEqual(plan["controller-0", .mgmt]?.address.description, "192.168.204.4")
        XCTAssertEqual(plan["controller-platform-nfs", .mgmt]?.address.description, "192.168.204.5")
        // OAM starts at subnet[1] but the gateway holds .1.
        XCTAssertEqual(plan["controller", .oam]?.address.description, "10.10.10.2")
        XCTAssertEqual(plan["sm-mgmt-ip", .multicast]?.address.description, "239.1.1.1")
        XCTAssertEqual(plan["mtce-mgmt-ip", .multicast]?.address.description, "239.1.1.2")
    }

    func testExhaustedPoolAndForeignAddresses() {
        let text = InventoryLoaderTests.minimal
            .replacingOccurrences(of: "mgmt: {subnet: 192.168.204.0/24}", with: "mgmt: {subnet: 192.168.204.0/30}")
            .replacingOccurrences(of: "oam: {subnet: 10.10.10.0/24}", with: "oam: {subnet: 10.10.10.0/24, floating: \"fd00::2\"}")
        let (validated, diagnostics) = validate(text)
        XCTAssertNil(validated)
        XCTAssertEqual(Set(diagnostics.map(\.code)), [.poolExhausted, .familyMismatch])
    }

    func testControllerCountAndMissingNetworks() {
        let text = InventoryLoaderTests.minimal
            .replacingOccurrences(of: "mode: simplex", with: "mode: duplex")
            .replacingOccurrences(of: "kubernetes: {enabled: false}", with: "kubernetes: {enabled: true}")
        let (_, diagnostics) = validate(text)
        XCTAssertTrue(diagnostics.contains { $0.code == .controllerCount })
        XCTAssertEqual(diagnostics.filter { $0.code == .missingNetwork }.count, 3, "pxeboot, cluster-pod, cluster-service")
    }

    func testLabelSyntax() {
        XCTAssertNil(LabelRules.problem(Label(key: "openstack-compute-node", value: "enabled")))
        XCTAssertNil(LabelRules.problem(Label(key: "example.com/tier", value: "")))
        XCTAssertNotNil(LabelRules.problem(Label(key: "Example.com/tier", value: "x")))
        XCTAssertNotNil(LabelRules.problem(Label(key: "a/b/c", value: "x")))
        XCTAssertNotNil(LabelRules.problem(Label(key: String(repeating: "a", count: 64), value: "x")))
        XCTAssertNotNil(LabelRules.problem(Label(key: "ok", value: String(repeating: "v", count: 64))))
        XCTAssertNotNil(LabelRules.problem(Label(key: "ok", value: "-bad")))
    }

    func testHostnamesCannotEscapeTheOutputDirectory() {
        for name in ["../x", "a/b", ".", "UPPER", "-x", ""] {
            XCTAssertNotNil(HostnameRules.problem(name), name)
        }
        XCTAssertNil(HostnameRules.problem("worker-10"))
        XCTAssertFalse(TreeWriter.isSafe("hieradata/../../etc/passwd"))
        XCTAssertFalse(TreeWriter.isSafe("/etc/passwd"))
        XCTAssertTrue(TreeWriter.isSafe("hieradata/worker-0.yaml"))
    }
}
