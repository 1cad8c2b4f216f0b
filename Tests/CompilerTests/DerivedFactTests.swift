import Compiler
import Synchronization
import XCTest

/// `ValidatedInventory.derived`: a fact is computed once per compile and shared by every copy
/// of the validated inventory, an optional fact that is nil included.
final class DerivedFactTests: XCTestCase {
    struct HostCount: Sendable { let value: Int }
    struct Missing: Sendable {}

    func testAFactIsDerivedOnceAndSharedByEveryCopy() throws {
        let inventory = try XCTUnwrap(Pipeline(plugins: []).validate(text: InventoryLoaderTests.minimal, file: "minimal.yaml").inventory)
        let calls = Atomic<Int>(0)
        let copy = inventory
        let counts = (0..<100).map { index in
            (index.isMultiple(of: 2) ? inventory : copy).derived { inventory -> HostCount in
                calls.add(1, ordering: .relaxed)
                return HostCount(value: inventory.hosts.count)
            }.value
        }
        XCTAssertEqual(Set(counts), [1])
        XCTAssertEqual(calls.load(ordering: .relaxed), 1)
        let missing = Atomic<Int>(0)
        for _ in 0..<3 {
            let fact: Missing? = inventory.derived { _ in
                missing.add(1, ordering: .relaxed)
                return nil
            }
            XCTAssertNil(fact)
        }
        XCTAssertEqual(missing.load(ordering: .relaxed), 1)
    }

    func testEachValidationDerivesItsOwnFacts() throws {
        let pipeline = Pipeline(plugins: [])
        let first = try XCTUnwrap(pipeline.validate(text: InventoryLoaderTests.minimal, file: "a.yaml").inventory)
        let second = try XCTUnwrap(pipeline.validate(text: InventoryLoaderTests.minimal, file: "b.yaml").inventory)
        XCTAssertEqual(first.derived { _ in HostCount(value: 1) }.value, 1)
        XCTAssertEqual(second.derived { _ in HostCount(value: 2) }.value, 2)
    }
}
