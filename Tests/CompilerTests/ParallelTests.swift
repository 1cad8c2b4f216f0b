@testable import Compiler
import XCTest

final class ParallelTests: XCTestCase {
    /// Every item is transformed exactly once and the results keep the input's order, whatever
    /// the number of items against the number of chunks (a chunk may be short or the last one
    /// empty-handed).
    func testMapKeepsOrderForEverySize() {
        for count in 0...300 {
            for minimumItems in [0, 2, 64] {
                let items = Array(0..<count)
                XCTAssertEqual(Parallel.map(items, minimumItems: minimumItems) { $0 * 3 + 1 }, items.map { $0 * 3 + 1 },
                               "\(count) items, minimum \(minimumItems)")
            }
        }
    }

    func testMapRunsEachItemOnce() {
        let counter = Counter()
        _ = Parallel.map(Array(0..<1_000)) { counter.add($0) }
        XCTAssertEqual(counter.seen, Set(0..<1_000))
        XCTAssertEqual(counter.calls, 1_000)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var seen: Set<Int> = []
    private(set) var calls = 0

    func add(_ value: Int) {
        lock.lock()
        defer { lock.unlock() }
        seen.insert(value)
        calls += 1
    }
}
