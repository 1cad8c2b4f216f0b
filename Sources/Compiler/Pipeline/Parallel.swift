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
}
