import Foundation

/// Many systems compiled in one process, on every core, each inventory into its own directory
/// under one output root. A system that fails is reported with its inventory and never stops
/// the others.
public struct Fleet: Sendable {
    /// One system: its inventory and the directory name its tree is written under.
    public struct Member: Sendable, Equatable {
        public let inventory: String
        public let name: String
    }

    /// What compiling one system did.
    public struct Outcome: Sendable {
        public let member: Member
        /// Every diagnostic of the run, warnings included.
        public let diagnostics: [Diagnostic]
        /// What was written; nil when the system failed.
        public let report: TreeWriter.Report?
        /// Why nothing was written, when the inventory was valid but writing failed.
        public let failure: String?
        public let seconds: Double

        public var succeeded: Bool { report != nil }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    public let pipeline: Pipeline
    public let outputRoot: String

    public init(pipeline: Pipeline, outputRoot: String) {
        self.pipeline = pipeline
        self.outputRoot = outputRoot
    }

    /// The members named by `paths`: an inventory file is named after its file (`lab-3.yaml`
    /// writes `lab-3/`), a directory after itself and compiled from its `inventory.yaml`. Two
    /// members that would share an output directory are refused before anything is compiled.
    public static func members(_ paths: [String]) throws(Refusal) -> [Member] {
        var members: [Member] = []
        var problems: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            let member: Member
            if exists && isDirectory.boolValue {
                member = Member(inventory: (trimmed as NSString).appendingPathComponent("inventory.yaml"),
                                name: (trimmed as NSString).lastPathComponent)
            } else {
                let file = (trimmed as NSString).lastPathComponent
                member = Member(inventory: trimmed, name: file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file)
            }
            if let problem = HostnameRules.problem(member.name) {
                problems.append("\(path): its output directory \"\(member.name)\" \(problem)")
            } else if let earlier = members.first(where: { $0.name == member.name }) {
                problems.append("\(path) and \(earlier.inventory) would both be written to \(member.name)/; rename one")
            }
            members.append(member)
        }
        guard problems.isEmpty else { throw Refusal(description: problems.joined(separator: "\n")) }
        return members
    }

    /// Compiles every member, at most `width` at a time, calling `progress` as each finishes
    /// (on the calling task, in completion order). Outcomes come back in member order.
    public func compile(_ members: [Member], width: Int = ProcessInfo.processInfo.activeProcessorCount,
                        progress: (Outcome) -> Void = { _ in }) async -> [Outcome] {
        var outcomes: [Int: Outcome] = [:]
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                guard next < members.count else { return }
                let index = next, member = members[index]
                next += 1
                group.addTask { (index, self.compile(member)) }
            }
            for _ in 0..<max(1, width) { start() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                progress(outcome)
                start()
            }
        }
        return members.indices.compactMap { outcomes[$0] }
    }

    /// One system, exactly as `compile` does it: the inventory's shared lock, the whole
    /// pipeline, the two-phase write.
    func compile(_ member: Member) -> Outcome {
        let started = Date()
        func outcome(_ diagnostics: [Diagnostic], _ report: TreeWriter.Report?, _ failure: String?) -> Outcome {
            Outcome(member: member, diagnostics: diagnostics, report: report, failure: failure, seconds: Date().timeIntervalSince(started))
        }
        let lock: FileLock?
        do {
            lock = try FileLock.inventory(member.inventory, exclusive: false)
        } catch {
            return outcome([], nil, error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        let result: Pipeline.Result
        do {
            result = try pipeline.run(path: member.inventory)
        } catch {
            return outcome([], nil, "\(error)")
        }
        guard let rendered = result.rendered, !result.hasErrors else { return outcome(result.diagnostics, nil, nil) }
        do {
            let report = try TreeWriter.write(rendered, to: (outputRoot as NSString).appendingPathComponent(member.name))
            return outcome(result.diagnostics, report, nil)
        } catch {
            return outcome(result.diagnostics, nil, error.description)
        }
    }
}
