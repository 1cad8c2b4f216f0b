import Foundation
import XCTest

/// Refusals keep their promise: a clear one-line message, exit status 2, nothing changed.
final class RefusalContractTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = try CLIRunner.scratchDirectory()
        for (file, name) in [("openstack.yaml", "inventory.yaml"), ("example.key", "example.key")] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: scratch.appendingPathComponent(name))
        }
        // Private, as a real key is, so that no warning about the example key joins the output.
        chmod(scratch.appendingPathComponent("example.key").path, 0o600)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testCheckCountsAnExtraEmptyGoldenFileAndRefusesAMissingGoldenDirectory() throws {
        let golden = scratch.appendingPathComponent("golden")
        XCTAssertEqual(try CLIRunner.run(["compile", "inventory.yaml", "-o", golden.path], in: scratch).status, 0)
        XCTAssertEqual(try CLIRunner.run(["check", "inventory.yaml", "--golden", "golden"], in: scratch).status, 0)
        FileManager.default.createFile(atPath: golden.appendingPathComponent("hieradata/extra.yaml").path, contents: Data())
        let extra = try CLIRunner.run(["check", "inventory.yaml", "--golden", "golden"], in: scratch)
        XCTAssertEqual(extra.status, 1)
        XCTAssertEqual(extra.stdout, "Only in golden: hieradata/extra.yaml (empty)\n")

        let missing = try CLIRunner.run(["check", "inventory.yaml", "--golden", "nowhere"], in: scratch)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.stderr, "error: nowhere is not a directory; give --golden the directory of an expected output tree\n")
    }

    func testAnOutputDirectoryThatIsAFileIsAOneLineError() throws {
        FileManager.default.createFile(atPath: scratch.appendingPathComponent("out").path, contents: Data("x".utf8))
        let result = try CLIRunner.run(["compile", "inventory.yaml", "-o", "out"], in: scratch)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: cannot use out: it is a file, not a directory; name a directory\n")
    }

    func testKeygenAndShowFileNeverReplaceAFile() throws {
        let key = try Data(contentsOf: scratch.appendingPathComponent("example.key"))
        let keygen = try CLIRunner.run(["keygen", "example.key"], in: scratch)
        XCTAssertEqual(keygen.status, 2)
        XCTAssertTrue(keygen.stderr.contains("it exists"), keygen.stderr)
        let show = try CLIRunner.run(["helm-override-show", "stx-openstack", "nova", "openstack", "--file", "example.key"], in: scratch)
        XCTAssertEqual(show.status, 2)
        XCTAssertTrue(show.stderr.contains("cannot create example.key: it exists"), show.stderr)
        XCTAssertEqual(try Data(contentsOf: scratch.appendingPathComponent("example.key")), key)

        XCTAssertEqual(try CLIRunner.run(["helm-override-show", "stx-openstack", "nova", "openstack", "--file", "nova.yaml"], in: scratch).status, 0)
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.appendingPathComponent("nova.yaml").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testASetThatSetsNothingKeepsTheStoredOverrides() throws {
        XCTAssertEqual(try CLIRunner.run(["helm-override-update", "stx-openstack", "nova", "openstack", "--set", "conf.x=1"], in: scratch).status, 0)
        let store = scratch.appendingPathComponent("helm-overrides/stx-openstack/openstack/nova.yaml")
        let stored = try Data(contentsOf: store)
        for expression in ["=1", "", "[0]=1"] {
            let result = try CLIRunner.run(["helm-override-update", "stx-openstack", "nova", "openstack", "--set", expression], in: scratch)
            XCTAssertEqual(result.status, 2, expression)
            XCTAssertTrue(result.stderr.contains("sets no value"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: store), stored, expression)
        }
    }

    /// A FIFO where a file is expected is refused at once, never read (a read would hang).
    func testFIFOsForAHostFragmentOrASecretsFileAreRefusedWithoutHanging() throws {
        XCTAssertEqual(mkfifo(scratch.appendingPathComponent("fifo").path, 0o600), 0)
        let add = try CLIRunner.run(["host-add", "--file", "fifo"], in: scratch)
        XCTAssertEqual(add.status, 2)
        XCTAssertTrue(add.stderr.contains("cannot read fifo"), add.stderr)

        let inventory = try String(contentsOf: scratch.appendingPathComponent("inventory.yaml"), encoding: .utf8)
        try inventory.replacingOccurrences(of: "  key_file: example.key", with: "  key_file: example.key\n  overrides: fifo")
            .write(to: scratch.appendingPathComponent("inventory.yaml"), atomically: true, encoding: .utf8)
        let validate = try CLIRunner.run(["validate", "inventory.yaml"], in: scratch)
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stderr.contains("error[SEC002]: cannot read secrets file fifo"), validate.stderr)
    }
}
