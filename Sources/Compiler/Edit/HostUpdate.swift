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
        for field in Self.updatableFields {
            if values[field] == "" {
                // `field=` takes the field away, as `bm_type=none` takes the address and user.
                if let removal = try file.removeScalarPair(field, in: node) { edits.append(removal) }
            } else if let value = values[field] {
                if node.pair(field) == nil {
                    added.append("\(field): \(YAMLScalarText.plainOrQuoted(value))")
                } else {
                    edits.append(try file.setScalar(field, to: value, in: node, after: []))
                }
            } else if deprovisions, let removal = try file.removeScalarPair(field, in: node) {
                edits.append(removal)
            }
        }
        if !added.isEmpty {
            edits.append(try file.addPair(block: added, flow: added.joined(separator: ", "), to: node,
                                          after: ["bm_system_id", "bm_username", "bm_ip", "bm_type", "mgmt_mac", "administrative", "subfunctions", "personality", "hostname"]))
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
    /// Removes a scalar pair of a host: its whole lines in a block mapping, the pair and one comma
    /// beside it in a flow mapping. Nil when the host has no such pair.
    func removeScalarPair(_ key: String, in host: HostNode) throws(EditRefusal) -> TextEdit? {
        guard let pair = host.pair(key) else { return nil }
        guard case let .scalar(scalar) = pair.value else {
            throw EditRefusal(.editLayout, "\(key) of \(host.name) is not a single value; fix it by hand", at: pair.key.location)
        }
        guard host.isFlow else {
            // The host's first pair shares its line with the list's "- ": the next pair moves up
            // onto that line instead of the line going.
            if let index = host.pairs.firstIndex(where: { $0.key.location == pair.key.location }), index == 0, host.pairs.count > 1 {
                return TextEdit(range: text.offset(pair.key.location)..<text.offset(host.pairs[1].key.location), replacement: "")
            }
            return TextEdit(range: text.wholeLines(pair.key.location.line, lastLine(of: pair)), replacement: "")
        }
        let start = text.offset(pair.key.location)
        let end = scalar.kind == .null ? (text.colonEnd(afterKeyAt: start, inFlow: true) ?? start) : try scalarRange(scalar, inFlow: true).upperBound
        let scalars = text.scalars
        // The comma before the pair, with the spaces before the key; or, for the first pair, the
        // comma after it with the spaces after that.
        var before = start
        while before > 0, [" ", "\t", "\n", "\r"].contains(scalars[before - 1]) { before -= 1 }
        if before > 0, scalars[before - 1] == "," { return TextEdit(range: (before - 1)..<end, replacement: "") }
        var after = end
        while after < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[after]) { after += 1 }
        if after < scalars.count, scalars[after] == "," {
            after += 1
            while after < scalars.count, [" ", "\t"].contains(scalars[after]) { after += 1 }
        }
        return TextEdit(range: start..<after, replacement: "")
    }
}
