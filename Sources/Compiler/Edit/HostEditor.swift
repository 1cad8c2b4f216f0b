import Foundation

/// sysinv's host and label operations over an inventory on disk. Each operation checks its
/// semantic rules, computes the smallest text edit of the file holding the host (the main file or
/// an included one), then loads and validates the edited inventory in memory: an edit that would
/// leave the inventory invalid is refused with the diagnostics, and nothing is written.
public struct HostEditor {
    public let path: String
    /// Plugins whose checks join validation, as in a compile.
    /// Validates the edited inventory exactly as `compile` would.
    public let pipeline: Pipeline
    let inventory: Inventory

    public init(path: String, pipeline: Pipeline) throws(EditRefusal) {
        let (inventory, diagnostics) = InventoryLoader.load(path: path)
        guard let inventory else { throw EditRefusal(diagnostics) }
        self.path = path
        self.pipeline = pipeline
        self.inventory = inventory
    }

    public func host(_ name: String) throws(EditRefusal) -> InventoryHost {
        guard let host = inventory.hosts.first(where: { $0.name == name }) else {
            let names = inventory.hosts.map(\.name).joined(separator: ", ")
            throw EditRefusal(.unknownHost, "no host \(name) in \(path); its hosts are: \(names.isEmpty ? "none" : names)")
        }
        return host
    }

    /// The file holding the host, and the host's node in it.
    func locate(_ host: InventoryHost) throws(EditRefusal) -> (InventoryFile, HostNode) {
        let file = try read(host.location.file)
        guard let node = file.host(named: host.name) else {
            throw EditRefusal(.editLayout, "cannot find \(host.name) in \(file.path)", at: host.location)
        }
        return (file, node)
    }

    func read(_ file: String) throws(EditRefusal) -> InventoryFile {
        switch InputFile.text(file) {
        case let .success(contents): return try InventoryFile(path: file, contents: contents)
        case let .failure(refusal): throw EditRefusal(.unreadableFile, "\(file) \(refusal.message)")
        }
    }

    /// Loads and validates the inventory as the edit would leave it.
    func checked(_ file: InventoryFile, _ edits: [TextEdit], summary: String, refusal: String) throws(EditRefusal) -> InventoryEdit {
        let edited = try file.edited(edits)
        let result = pipeline.validate(path: path, replacing: [file.path: edited])
        guard !result.hasErrors, result.inventory != nil else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            throw EditRefusal([Diagnostic(.editInvalid, refusal + "; nothing was changed. Problems of the edited inventory:", at: nil)] + errors)
        }
        return InventoryEdit(file: file.path, original: file.contents, edited: edited, summary: summary, warnings: result.diagnostics)
    }

    // MARK: Lifecycle

    public func lock(_ name: String) throws(EditRefusal) -> InventoryEdit {
        let host = try host(name)
        guard !host.isLocked else { throw EditRefusal(.alreadyInState, "\(name) is already locked; nothing to do") }
        let unlockedControllers = inventory.hosts.filter { $0.isController && !$0.isLocked }
        if host.isController && unlockedControllers.count == 1 && inventory.system.mode.value != .simplex {
            let mate = inventory.hosts.first { $0.isController && $0.name != name }?.name ?? "the other controller"
            throw EditRefusal(.activeController,
                "\(name) is the only unlocked controller, so it is the active one and cannot be locked; unlock \(mate) first (sysinv locks a controller only after a swact to its mate)")
        }
        return try setAdministrative(host, "locked", summary: "\(name) locked")
    }

    public func unlock(_ name: String) throws(EditRefusal) -> InventoryEdit {
        let host = try host(name)
        guard host.isLocked else { throw EditRefusal(.alreadyInState, "\(name) is already unlocked; nothing to do") }
        return try setAdministrative(host, "unlocked", summary: "\(name) unlocked",
                                     refusal: "\(name) cannot be unlocked: its labels or configuration are invalid; fix them while it is locked")
    }

    private func setAdministrative(_ host: InventoryHost, _ state: String, summary: String, refusal: String? = nil) throws(EditRefusal) -> InventoryEdit {
        let (file, node) = try locate(host)
        let edit = try file.setScalar("administrative", to: state, in: node, after: ["subfunctions", "personality", "hostname"])
        return try checked(file, [edit], summary: summary, refusal: refusal ?? "\(summary) would leave the inventory invalid")
    }

    /// Deletes a locked host; the last controller stays, as a system cannot run without one.
    public func delete(_ name: String) throws(EditRefusal) -> InventoryEdit {
        let host = try host(name)
        if host.isController && inventory.hosts.filter(\.isController).count == 1 {
            throw EditRefusal(.lastController, "\(name) is the last controller; a system cannot run without one, so it cannot be deleted")
        }
        guard host.isLocked else {
            throw EditRefusal(.hostNotLocked, "\(name) is unlocked; lock it first (sysinvc host-lock \(name)), as sysinv deletes only locked hosts")
        }
        let (file, node) = try locate(host)
        return try checked(file, try file.deleteHost(node), summary: "\(name) deleted from \(file.path)",
                           refusal: "deleting \(name) would leave the inventory invalid (does something still name it?)")
    }

    // MARK: Adding

    /// Adds a host given as one YAML mapping (a fragment file's text), keeping its comments.
    /// A new host starts locked, as in sysinv; it is unlocked once configured.
    public func add(fragment: String, from source: String) throws(EditRefusal) -> InventoryEdit {
        let (node, diagnostics) = YAMLReader.read(fragment, file: source)
        guard let node, !diagnostics.contains(where: { $0.severity == .error }) else { throw EditRefusal(diagnostics) }
        guard case let .mapping(pairs, _) = node, !pairs.isEmpty else {
            throw EditRefusal(.hostFragment, "\(source) must hold one host as a mapping (hostname: …, personality: …), not \(node.kindDescription)")
        }
        let field = { (key: String) -> SourceScalar? in
            if case let .scalar(scalar)? = pairs.first(where: { $0.key.value == key })?.value { return scalar }
            return nil
        }
        guard let hostname = field("hostname") else {
            throw EditRefusal(.hostFragment, "the host in \(source) has no hostname; add hostname: <name>", at: node.location)
        }
        if inventory.hosts.contains(where: { $0.name == hostname.text }) {
            throw EditRefusal(.hostExists, "host \(hostname.text) already exists; choose another name or delete it first (sysinvc host-delete \(hostname.text))",
                              at: hostname.location)
        }
        if let state = field("administrative"), AdministrativeState(rawValue: state.text) != .locked {
            throw EditRefusal(.newHostUnlocked, "a new host starts locked; drop administrative: \(state.text) and run sysinvc host-unlock \(hostname.text) once it is configured",
                              at: state.location)
        }
        let file = try read(path)
        let edit = try file.appendHost(Self.fragmentLines(fragment))
        return try checked(file, [edit], summary: "\(hostname.text) added to \(path) (locked)", refusal: "adding \(hostname.text) would leave the inventory invalid")
    }

    /// Adds a host from command-line values, written as the block mapping a user would write.
    /// `board` holds board management fields (`bm_type`, `bm_ip`, `bm_username`) in that order.
    public func add(hostname: String, personality: String, subfunctions: [String], mgmtMAC: String?,
                    board: [(String, String)] = []) throws(EditRefusal) -> InventoryEdit {
        var lines = ["hostname: \(YAMLScalarText.plainOrQuoted(hostname))", "personality: \(YAMLScalarText.plainOrQuoted(personality))"]
        if !subfunctions.isEmpty {
            lines.append("subfunctions: [\(subfunctions.map(YAMLScalarText.plainOrQuoted).joined(separator: ", "))]")
        }
        lines.append("administrative: locked")
        if let mgmtMAC { lines.append("mgmt_mac: \(YAMLScalarText.plainOrQuoted(mgmtMAC))") }
        lines += board.map { "\($0.0): \(YAMLScalarText.plainOrQuoted($0.1))" }
        return try add(fragment: lines.joined(separator: "\n") + "\n", from: "the command line")
    }

    /// The fragment's lines without its common indentation, leading document marker and
    /// surrounding blank lines.
    static func fragmentLines(_ fragment: String) -> [String] {
        var lines = fragment.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            .map { line in line.hasSuffix(" ") && line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : line }
        if let marker = lines.firstIndex(where: { !$0.isEmpty }), lines[marker].hasPrefix("---") { lines.remove(at: marker) }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let indentation = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.isEmpty ? $0 : String($0.dropFirst(indentation)) }
    }
}
