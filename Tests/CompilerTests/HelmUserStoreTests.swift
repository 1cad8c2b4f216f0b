@testable import Compiler
import Foundation
import XCTest

/// The user override store and helm's reuse/reset assembly of new user overrides.
final class HelmUserStoreTests: XCTestCase {
    var store: UserOverrideStore!
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-store-\(UUID().uuidString)")
        store = UserOverrideStore(inventoryPath: directory.appendingPathComponent("inventory.yaml").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testWriteReadDeleteRoundTrip() throws {
        XCTAssertNil(try store.read(application: "app", chart: "nova", namespace: "openstack"))
        try store.write(["pod": ["replicas": ["api": 3]], "conf": ["flag": true]], application: "app", chart: "nova", namespace: "openstack")
        let url = store.url(application: "app", chart: "nova", namespace: "openstack")
        XCTAssertTrue(url.path.hasSuffix("helm-overrides/app/openstack/nova.yaml"))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "conf:\n  flag: true\npod:\n  replicas:\n    api: 3\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try store.read(application: "app", chart: "nova", namespace: "openstack"), ["pod": ["replicas": ["api": 3]], "conf": ["flag": true]])
        XCTAssertEqual(store.entries(), [UserOverrideStore.Entry(application: "app", namespace: "openstack", chart: "nova")])
        XCTAssertTrue(try store.delete(application: "app", chart: "nova", namespace: "openstack"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.root.path), "empty directories are removed")
        XCTAssertFalse(try store.delete(application: "app", chart: "nova", namespace: "openstack"))
    }

    func testEmptyOverridesRemoveTheFile() throws {
        try store.write(["a": 1], application: "app", chart: "nova", namespace: "openstack")
        try store.write([:], application: "app", chart: "nova", namespace: "openstack")
        XCTAssertNil(try store.read(application: "app", chart: "nova", namespace: "openstack"))
    }

    func testMalformedStoredFileNamesLineAndColumn() throws {
        let url = store.url(application: "app", chart: "nova", namespace: "openstack")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "pod:\n  replicas: [1\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.read(application: "app", chart: "nova", namespace: "openstack")) { error in
            guard case let .invalidValuesFile(path, problem)? = error as? HelmOverrideError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertEqual(problem.line, 3)
        }
    }

    func current(user: [String: YAMLValue]) -> ChartOverrides {
        ChartOverrides(application: "app", chart: "rabbitmq", namespace: "openstack",
                       system: ["pod": ["replicas": ["server": 1]], "auth": ["password": "s3cretTi0*"]], user: user, secrets: ["s3cretTi0*"], armada: nil)
    }

    func testReuseMergesIntoStoredOverrides() throws {
        let update = OverrideUpdate(mode: .reuse, sets: ["pod.replicas.server=2"])
        XCTAssertEqual(try update.apply(to: current(user: ["conf": ["debug": true]])),
                       ["conf": ["debug": true], "pod": ["replicas": ["server": 2]]])
    }

    func testResetStartsFromNothingAndClearsWithoutValues() throws {
        XCTAssertEqual(try OverrideUpdate(mode: .reset, sets: ["pod.replicas.server=2"]).apply(to: current(user: ["conf": ["debug": true]])),
                       ["pod": ["replicas": ["server": 2]]])
        XCTAssertEqual(try OverrideUpdate(mode: .reset).apply(to: current(user: ["conf": ["debug": true]])), [:])
    }

    func testFilesThenSetsThenSetStringsAndNullsKept() throws {
        let files = [OverrideUpdate.ValuesFileText(path: "a.yaml", text: "a: {x: 1, y: 2}\nb: [1, 2]\n"),
                     OverrideUpdate.ValuesFileText(path: "b.yaml", text: "a: {y: null}\nb: [3]\n")]
        let update = OverrideUpdate(valuesFiles: files, sets: ["a.x=5", "c=007"], setStrings: ["a.x=6"])
        XCTAssertEqual(try update.apply(to: current(user: [:])), ["a": ["x": "6", "y": nil], "b": [3], "c": "007"])
    }

    func testRefusals() throws {
        XCTAssertThrowsError(try OverrideUpdate(sets: ["a=1,,b=2"]).apply(to: current(user: [:]))) { error in
            guard case .invalidSet? = error as? HelmOverrideError else { return XCTFail("\(error)") }
        }
        let broken = OverrideUpdate(valuesFiles: [.init(path: "bad.yaml", text: "a: 1\n b: 2\n")])
        XCTAssertThrowsError(try broken.apply(to: current(user: [:]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.yaml:2:"), "\(error)")
        }
        XCTAssertThrowsError(try OverrideUpdate(sets: ["auth.password=x"]).apply(to: current(user: [:])))
        XCTAssertThrowsError(try OverrideUpdate(sets: ["auth=x"]).apply(to: current(user: [:])), "replacing a map holding a secret")
    }

    func testUnknownPathsAgainstChartValues() {
        let defaults: [String: YAMLValue] = ["pod": ["replicas": ["server": 1]], "conf": ["overrides": [:]], "images": nil]
        let overrides: [String: YAMLValue] = ["pod": ["replicas": ["sever": 2, "server": 3]], "conf": ["overrides": ["host": ["x": 1]]],
                                              "images": ["tags": ["a": "b"]], "typo": 1]
        XCTAssertEqual(ChartValuesCheck.unknownPaths(overrides, defaults: defaults), ["pod.replicas.sever", "typo"])
    }
}
