import Compiler
import RegexYAMLRenderer
import Foundation

// Renders the hiera of a large system with the regex-based renderer and the byte-level one, and prints
// each one's speed. Run in a release build: swift run -c release render-benchmark [rounds] [--byte-only]
// (--byte-only leaves the regex renderer out, for profiling the other).

/// A thousand workers, each a map of 30 keys holding the kinds of values hiera and helm files hold.
func largeSystem() -> YAMLValue {
    var workers: [String: YAMLValue] = [:]
    for worker in 0..<1_000 {
        var host: [String: YAMLValue] = [:]
        for field in 0..<30 {
            let key = "platform::worker-\(worker)::params::field_\(field)"
            switch field % 10 {
            case 0: host[key] = .string("worker-\(worker).cluster.local")
            case 1: host[key] = .string("192.168.\(worker % 256).\(field)")
            case 2: host[key] = .int(worker * 1_000 + field)
            case 3: host[key] = .string(field % 20 == 3 ? "yes" : "1:20")
            case 4: host[key] = .list((0..<150).map { .string("fd00::\(worker):\($0)") })
            case 5: host[key] = .map(["enabled": .bool(worker % 2 == 0), "ratio": .float(Double(field) / 7),
                                      "path": .string("/opt/platform/config/19.01/\(worker)"), "none": .null])
            case 6: host[key] = .string("It's worker \(worker): the #\(field) value, with 'quotes'")
            case 7: host[key] = .string("2001-12-\(field % 28 + 1)")
            case 8: host[key] = .list((0..<80).map { ["name": .string("eth\($0)"), "mtu": .int(1500 + $0)] })
            default: host[key] = .string("café \(worker)")
            }
        }
        workers["worker-\(worker)"] = .map(host)
    }
    return .map(["platform::kubernetes::workers": .map(workers)])
}

/// Megabytes per second of the fastest of `rounds` runs of `render`.
func measure(_ name: String, rounds: Int, _ render: () -> Int) -> Double {
    var best = Double.infinity, bytes = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = render()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let speed = Double(bytes) / 1e6 / best
    print("\(name): \(bytes) bytes in \(String(format: "%.3f", best)) s, \(String(format: "%.1f", speed)) MB/s")
    return speed
}

let system = largeSystem()
let arguments = CommandLine.arguments.dropFirst()
let rounds = arguments.lazy.compactMap { Int($0) }.first ?? 5
let includesRegex = !arguments.contains("--byte-only")
if includesRegex {
    guard YAMLRenderer.render(system) == RegexYAMLRenderer.render(system) else { fatalError("the renderers disagree") }
}
let regex = includesRegex ? measure("regex renderer", rounds: 1) { RegexYAMLRenderer.render(system).utf8.count } : .nan
let bytes = measure("byte renderer ", rounds: rounds) {
    var buffer: [UInt8] = []
    YAMLRenderer.render(system, into: &buffer)
    return buffer.count
}
if includesRegex { print("byte renderer / regex renderer: \(String(format: "%.1f", bytes / regex))x") }
