/// `host-update HOST key=value…`: sysinv's `system host-update` for the fields an inventory
/// keeps of a host's board management. As sysinv does, `bm_type=none` deprovisions the board:
/// it removes `bm_ip`, `bm_username` (and the Redfish `bm_system_id`) too; `field=` removes one
/// field. The BMC password is a secret and never taken from a command line.
extension HostEditor {
    /// The fields `update` sets, in the order they are written into a host.
    public static let updatableFields = ["bm_type", "bm_ip", "bm_username", "bm_system_id"]

    public func update(_ name: String, _ assignments: [String]) throws(EditRefusal) -> InventoryEdit {
        let host = try host(name)
        let values = try Self.parseAssignments(assignments, host: name)
        let (file, node) = try locate(host)
        var edits: [TextEdit] = []
        var added: [String] = []
        let deprovisions = values["bm_type"] == "none"
        if deprovisions, let given = ["bm_ip", "bm_username", "bm_system_id"].first(where: { values[$0] != nil }) {
            throw EditRefusal(.editInvalid, "bm_type=none removes bm_ip, bm_username and bm_system_id, as sysinv deprovisions the board; leave \(given) out, or give a type")
        }
        // `field=` takes the field away, as `bm_type=none` takes the address, user and system.
        var removed: Set<String> = []
        for field in Self.updatableFields {
            if values[field] == "" || (deprovisions && values[field] == nil) {
                removed.insert(field)
            } else if let value = values[field] {
                if node.pair(field) == nil {
                    added.append("\(field): \(YAMLScalarText.plainOrQuoted(value))")
                } else {
                    edits.append(try file.setScalar(field, to: value, in: node, after: []))
                }
            }
        }
        edits += try file.removeScalarPairs(removed, in: node)
        if !added.isEmpty {
            // Never after a field this edit removes: the insertion would fall inside the removal.
            let anchors = ["bm_system_id", "bm_username", "bm_ip", "bm_type", "mgmt_mac", "administrative", "subfunctions", "personality", "hostname"]
            edits.append(try file.addPair(block: added, flow: added.joined(separator: ", "), to: node, after: anchors.filter { !removed.contains($0) }))
        }
        let summary = "\(name) updated: " + Self.updatableFields.compactMap { field in
            values[field].map { $0.isEmpty ? "\(field) removed" : "\(field)=\($0)" }
        }.joined(separator: ", ")
        return try checked(file, edits, summary: summary, refusal: "updating \(name) would leave the inventory invalid")
    }

    /// `key=value` words, each key once and one of `updatableFields`.
    static func parseAssignments(_ assignments: [String], host: String) throws(EditRefusal) -> [String: String] {
        guard !assignments.isEmpty else {
            throw EditRefusal(.editInvalid, "name what to change, e.g. bm_type=ipmi bm_ip=10.10.20.5 bm_username=root")
        }
        var values: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw EditRefusal(.editInvalid, "\(assignment) is not key=value; write e.g. bm_type=ipmi")
            }
            let key = String(assignment[..<equals]), value = String(assignment[assignment.index(after: equals)...])
            if key == "bm_password" {
                throw EditRefusal(.editInvalid,
                    "a BMC password is never taken from a command line, where other users can read it; set bm/\(host) in the inventory's secrets file (secrets.overrides), mode 0600")
            }
            guard updatableFields.contains(key) else {
                throw EditRefusal(.editInvalid, "\(key) cannot be updated here; the fields are \(updatableFields.joined(separator: ", "))")
            }
            guard values[key] == nil else { throw EditRefusal(.editInvalid, "\(key) is given twice; give it once") }
            values[key] = value
        }
        return values
    }
}

extension InventoryFile {
    /// Removes scalar pairs of a host, with one edit per run of neighbouring pairs so that no
    /// two edits overlap. A run followed by a kept pair goes from its first key to that pair's
    /// key: in a block host that keeps every other line, and when the run opens the host's item
    /// it moves the kept pair up onto the line of the list's "- ". A run in the middle of a
    /// block host takes its whole lines; a run that ends a flow host takes the comma before it.
    func removeScalarPairs(_ keys: Set<String>, in host: HostNode) throws(EditRefusal) -> [TextEdit] {
        let removed = host.pairs.map { keys.contains($0.key.value) }
        for (pair, remove) in zip(host.pairs, removed) where remove {
            guard case .scalar = pair.value else {
                throw EditRefusal(.editLayout, "\(pair.key.value) of \(host.name) is not a single value; fix it by hand", at: pair.key.location)
            }
        }
        var edits: [TextEdit] = []
        var index = 0
        while index < host.pairs.count {
            guard removed[index] else { index += 1; continue }
            var last = index
            while last + 1 < host.pairs.count && removed[last + 1] { last += 1 }
            let first = host.pairs[index], end = host.pairs[last]
            if last + 1 < host.pairs.count && (index == 0 || host.isFlow) {
                edits.append(TextEdit(range: text.offset(first.key.location)..<text.offset(host.pairs[last + 1].key.location), replacement: ""))
            } else if !host.isFlow {
                edits.append(TextEdit(range: text.wholeLines(first.key.location.line, lastLine(of: end)), replacement: ""))
            } else if index > 0 {
                // The run ends the flow mapping: from the comma after the last kept pair.
                var before = text.offset(first.key.location)
                while before > 0, [" ", "\t", "\n", "\r"].contains(text.scalars[before - 1]) { before -= 1 }
                edits.append(TextEdit(range: (before - 1)..<(try scalarEnd(end)), replacement: ""))
            } else {
                throw EditRefusal(.editLayout, "removing every field of \(host.name) would leave no host; fix it by hand", at: first.key.location)
            }
            index = last + 1
        }
        return edits
    }

    /// Where a pair's scalar value ends, or its colon when it has none.
    private func scalarEnd(_ pair: SourcePair) throws(EditRefusal) -> Int {
        guard case let .scalar(scalar) = pair.value, scalar.kind != .null else {
            let start = text.offset(pair.key.location)
            return text.colonEnd(afterKeyAt: start, inFlow: true) ?? start
        }
        return try scalarRange(scalar, inFlow: true).upperBound
    }
}
