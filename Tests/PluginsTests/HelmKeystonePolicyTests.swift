import Compiler
import Foundation
@testable import Plugins
import XCTest

/// The OpenStack keystone refuses to delete what the platform and the charts depend on.
final class HelmKeystonePolicyTests: XCTestCase {
    func testProtectedIdentities() throws {
        let values = try HelmFixture.overrides("keystone", try HelmFixture.validated(HelmFixture.inventory()))
        XCTAssertEqual(values.at("conf.policy.identity:delete_project"), "rule:admin_required and not rule:protected_projects")
        XCTAssertEqual(values.at("conf.policy.protected_projects"), "'admin':%(target.project.name)s or 'services':%(target.project.name)s")
        guard case let .list(services)? = values.at("conf.policy.protected_services") else { return XCTFail("no protected_services") }
        XCTAssertTrue(services.contains(["'nova':%(target.user.name)s"]))
        XCTAssertEqual(services.count, KeystonePolicy.serviceUsers.count)
    }
}
