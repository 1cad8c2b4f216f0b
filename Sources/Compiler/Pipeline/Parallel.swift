import Dispatch
import Foundation

/// Work spread over every core for the stages whose items are independent (rendering files,
/// writing them, a plugin's per-host documents). Results keep the order of the input, so the
/// output is the same whatever the number of cores.
public enum Parallel {
    /// `transform` applied to every item, on all cores, in the input's order. `transform` runs
    /// on several threads at once: it may read shared values but change none (plugins are pure;
    /// what they share is immutable or guarded). Below `minimumItems` items it runs on the
    /// calling thread: for many small items, handing work to other threads costs more than it
    /// saves.
    public static func map<Item, Result>(_ items: [Item], minimumItems: Int = 64, _ transform: (Item) -> Result) -> [Result] {
        guard items.count >= max(minimumItems, 2) else { return items.map(transform) }
        // Many chunks per core, so that one slow item (the chart of a thousand compute nodes)
        // does not hold up the items chunked with it while the other cores are idle; handing out
        // a chunk costs one atomic increment.
        let chunksWanted = 64 * ProcessInfo.processInfo.activeProcessorCount
        let chunkSize = (items.count + chunksWanted - 1) / chunksWanted
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        var slots = [Result?](repeating: nil, count: items.count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            items.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                withoutActuallyEscaping(transform) { transform in
                    nonisolated(unsafe) let transform = transform
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                        let range = (chunk * chunkSize)..<min((chunk + 1) * chunkSize, items.count)
                        // Each chunk writes only its own slots.
                        for index in range { output[index] = transform(input[index]) }
                    }
                }
            }
        }
        return slots.map { $0! }
    }

    /// `transform` applied to every item, on all cores, in the input's order, where the items of
    /// one group (the files of one directory) go to as few threads as the cores allow: the
    /// kernel serialises file creation within a directory, so two threads creating files in the
    /// same directory spin on its lock while threads in different directories do not wait for
    /// each other. A group larger than one core's share is split into shares; the largest
    /// batches are handed out first.
    public static func map<Item, Group: Hashable, Result>(_ items: [Item], groupedBy group: (Item) -> Group,
                                                          minimumItems: Int = 64, _ transform: (Item) -> Result) -> [Result] {
        guard items.count >= max(minimumItems, 2) else { return items.map(transform) }
        var groups: [Group: Int] = [:]
        var members: [[Int]] = []
        for index in items.indices {
            let key = group(items[index])
            if let known = groups[key] {
                members[known].append(index)
            } else {
                groups[key] = members.count
                members.append([index])
            }
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let share = max(1, (items.count + cores - 1) / cores)
        var batches: [ArraySlice<Int>] = []
        for indices in members {
            var start = 0
            while start < indices.count {
                batches.append(indices[start..<min(start + share, indices.count)])
                start += share
            }
        }
        // Stable: equal sizes keep the order of first appearance, so the schedule is the same
        // from run to run.
        batches = batches.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }.map(\.element)
        var slots = [Result?](repeating: nil, count: items.count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            items.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                withoutActuallyEscaping(transform) { transform in
                    nonisolated(unsafe) let transform = transform
                    DispatchQueue.concurrentPerform(iterations: batches.count) { batch in
                        // Each batch writes only the slots of its own items.
                        for index in batches[batch] { output[index] = transform(input[index]) }
                    }
                }
            }
        }
        return slots.map { $0! }
    }

    /// `first` and `second` at once, on two cores where there are two; both results.
    public static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        var results: (First?, Second?) = (nil, nil)
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let (first, second) = (first, second)
                withUnsafeMutablePointer(to: &results) { results in
                    nonisolated(unsafe) let results = results
                    // Each iteration writes only its own half.
                    DispatchQueue.concurrentPerform(iterations: 2) { index in
                        if index == 0 { results.pointee.0 = first() } else { results.pointee.1 = second() }
                    }
                }
            }
        }
        return (results.0!, results.1!)
    }
}
