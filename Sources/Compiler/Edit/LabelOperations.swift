/// `host-label-assign`, `host-label-remove` and `host-label-list`. As sysinv, labels change only
/// on locked hosts: kubelet, the VIM and the charts read them when the host is unlocked.
extension HostEditor {
    /// Parses `KEY=VALUE` arguments and checks Kubernetes label syntax.
    public static func parseLabels(_ arguments: [String]) throws(EditRefusal) -> [Label] {
        var labels: [Label] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                problems.append(Diagnostic(.labelArgument, "\"\(argument)\" is not KEY=VALUE; write e.g. openstack-compute-node=enabled", at: nil))
                continue
            }
            let label = Label(key: String(argument[..<equals]), value: String(argument[argument.index(after: equals)...]))
            if let problem = LabelRules.problem(label) {
                problems.append(Diagnostic(.labelArgument, "label \(argument): \(problem)", at: nil))
            } else if labels.contains(where: { $0.key == label.key }) {
                problems.append(Diagnostic(.labelArgument, "\(label.key) is given twice; give each key once", at: nil))
            } else {
                labels.append(label)
            }
        }
        if !problems.isEmpty { throw EditRefusal(problems) }
        return labels
    }

    public func labels(of name: String) throws(EditRefusal) -> [Label] {
        try host(name).labels.map(\.value)
    }

    public func assignLabels(_ name: String, _ assignments: [String], overwrite: Bool) throws(EditRefusal) -> InventoryEdit {
        let labels = try Self.parseLabels(assignments)
        let host = try lockedForLabels(name)
        if !overwrite {
            let existing = labels.compactMap { label in host.labels.first { $0.value.key == label.key } }
            if !existing.isEmpty {
                throw EditRefusal(existing.map { label in
                    Diagnostic(.labelExists, "\(name) already has \(label.value.assignment); to replace its value, add --overwrite", at: label.location)
                })
            }
        }
        let (file, node) = try locate(host)
        let edits = try file.labelEdits(node, assign: labels, remove: [])
        return try checked(file, edits, summary: "\(name): assigned \(labels.map(\.assignment).joined(separator: ", "))",
                           refusal: "assigning these labels to \(name) would leave the inventory invalid")
    }

    public func removeLabels(_ name: String, _ keys: [String]) throws(EditRefusal) -> InventoryEdit {
        let host = try lockedForLabels(name)
        let missing = keys.filter { key in !host.labels.contains { $0.value.key == key } }
        if !missing.isEmpty {
            let present = host.labels.map(\.value.key)
            throw EditRefusal(missing.map { key in
                Diagnostic(.labelMissing, "\(name) has no label \(key); its labels are: \(present.isEmpty ? "none" : present.joined(separator: ", "))", at: host.location)
            })
        }
        let (file, node) = try locate(host)
        let edits = try file.labelEdits(node, assign: [], remove: Set(keys))
        return try checked(file, edits, summary: "\(name): removed \(keys.joined(separator: ", "))",
                           refusal: "removing these labels from \(name) would leave the inventory invalid")
    }

    private func lockedForLabels(_ name: String) throws(EditRefusal) -> InventoryHost {
        let host = try host(name)
        guard host.isLocked else {
            throw EditRefusal(.hostNotLocked,
                "labels of \(name) change only while it is locked (sysinv refuses label changes on unlocked hosts); run sysinvc host-lock \(name), change the labels, then sysinvc host-unlock \(name)",
                at: host.administrative.location)
        }
        return host
    }
}
