import Foundation

/// A node list (`instackenv.json` / `nodes.json`, either shape) as hosts to add to an inventory
/// (reference quintupleo.md §3.5): the node's name is the host's, its `pm_*` fields its board
/// management, its first port's MAC its management MAC. Every TripleO rule is applied first
/// (`TripleoNodeRules`), then sysinvc's own: a host name, a BMC address that is an IP address, a
/// BMC user. The password is a secret: it goes to the secrets file, never into the inventory.
/// What a host cannot hold (a port other than 623, sizes, root-device hints, other capabilities)
/// is a warning naming the node, never dropped silently.
public enum NodesImport {
    /// A host to add, as the lines of its YAML mapping.
    public struct ImportedHost: Sendable {
        public let name: String
        public let lines: [String]
        /// The node it comes from.
        public let location: SourceLocation
        /// The BMC password, for the secrets file; never written into the inventory.
        public let password: Located<String>?
    }

    public struct Result: Sendable {
        /// The hosts of the nodes that could be read as hosts; with errors, not to be added.
        public var hosts: [ImportedHost]
        public var diagnostics: [Diagnostic]
    }

    public static func read(_ text: String, file: String) -> Result {
        let (node, readDiagnostics) = YAMLReader.read(text, file: file)
        guard let node, !readDiagnostics.contains(where: { $0.severity == .error }) else {
            return Result(hosts: [], diagnostics: readDiagnostics)
        }
        let list: [SourceNode]
        switch node {
        case let .sequence(items, _):
            list = items
        case let .mapping(pairs, _):
            guard case let .sequence(items, _)? = pairs.first(where: { $0.key.value == "nodes" })?.value else {
                return Result(hosts: [], diagnostics: [Diagnostic(.nodeFile,
                    "\(file) holds no node list: write {\"nodes\": [ … ]} or a list of nodes", at: node.location)])
            }
            list = items
        case .scalar:
            return Result(hosts: [], diagnostics: [Diagnostic(.nodeFile,
                "\(file) holds \(node.kindDescription), not a node list: write {\"nodes\": [ … ]} or a list of nodes", at: node.location)])
        }
        var nodes: [(fields: [String: SourceNode], location: SourceLocation)] = []
        var diagnostics: [Diagnostic] = []
        for (index, item) in list.enumerated() {
            guard case let .mapping(pairs, location) = item else {
                diagnostics.append(Diagnostic(.nodeInvalid, "node #\(index): is \(item.kindDescription), not a node (an object of fields)", at: item.location))
                continue
            }
            nodes.append((Dictionary(pairs.map { ($0.key.value, $0.value) }, uniquingKeysWith: { first, _ in first }), location))
        }
        guard diagnostics.isEmpty else { return Result(hosts: [], diagnostics: diagnostics) }
        let label = { (index: Int) -> String in
            // A name that is no host name is shown escaped, so that no message spans lines.
            let name = nodes[index].fields["name"].map(TripleoNodeRules.python).map { name in
                HostnameRules.grammar.problem(name) == nil ? name : FieldGrammar.quoted(name)
            }
            return "node #\(index)" + (name.map { " (\($0))" } ?? "")
        }
        for failure in TripleoNodeRules.check(nodes) {
            diagnostics.append(Diagnostic(.nodeInvalid, "\(label(failure.index)): tripleo refuses it: node #\(failure.index): \(Self.oneLine(failure.message))", at: failure.location))
        }
        var hosts: [ImportedHost] = []
        for (index, node) in nodes.enumerated() {
            let (host, found) = host(from: node.fields, at: node.location, label: label(index))
            diagnostics += found
            if let host { hosts.append(host) }
        }
        // In the file's order, so that a node's problems read together.
        return Result(hosts: hosts, diagnostics: DiagnosticCollector.sorted(diagnostics))
    }

    /// tripleo's message, which quotes the file's values, with line breaks and other control
    /// characters escaped: a diagnostic is one line.
    static func oneLine(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            if scalar == "\n" { out += "\\n" } else if scalar.properties.generalCategory == .control {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Fields that become the host's, or that a host needs no field for.
    static let represented: Set<String> = ["name", "pm_type", "pm_addr", "pm_user", "pm_password", "pm_system_id", "ports", "capabilities", "_comment"]

    static func host(from fields: [String: SourceNode], at location: SourceLocation, label: String) -> (ImportedHost?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func warn(_ message: String, at place: SourceLocation?) {
            diagnostics.append(Diagnostic(.nodeNotRepresentable, "\(label): \(oneLine(message))", at: place ?? location))
        }
        guard let nameNode = fields["name"], case let .scalar(nameScalar) = nameNode, nameScalar.kind == .string, !nameScalar.text.isEmpty else {
            return (nil, [Diagnostic(.nodeInvalid, "\(label): has no name, which becomes the host's name; add \"name\": \"worker-3\"", at: location)])
        }
        let name = nameScalar.text
        // The name and user reach file names and scripts: refused here, at the node, with the rule.
        if let problem = HostnameRules.grammar.problem(name) {
            diagnostics.append(Diagnostic(.nodeInvalid, "\(label): its name becomes a host name, and \(problem)", at: nameNode.location))
        }
        if let user = fields["pm_user"], case let .scalar(scalar) = user, let problem = FieldGrammar.bmcUsername.problem(scalar.text) {
            diagnostics.append(Diagnostic(.nodeInvalid, "\(label): pm_user becomes the host's bm_username, and \(problem)", at: user.location))
        }
        var lines = ["hostname: \(YAMLScalarText.plainOrQuoted(name))"]

        let capabilities = TripleoNodeRules.capabilities(fields["capabilities"])
        let profile = capabilities.first { $0.key == "profile" }?.value
        let personality: String
        if let profile, Personality(rawValue: profile) != nil {
            personality = profile
        } else {
            personality = name.hasPrefix("controller-") ? "controller" : name.hasPrefix("storage-") ? "storage" : "worker"
        }
        lines += ["personality: \(personality)", "administrative: locked"]

        if case let .sequence(ports, _)? = fields["ports"], let first = ports.first, case let .mapping(pairs, _) = first,
           let address = pairs.first(where: { $0.key.value == "address" })?.value {
            lines.append("mgmt_mac: \(YAMLScalarText.plainOrQuoted(TripleoNodeRules.python(address).lowercased()))")
            if ports.count > 1 { warn("only its first port becomes the host's management MAC; the other \(ports.count - 1) are not imported", at: ports[1].location) }
            for (key, value) in pairs.map({ ($0.key.value, $0.value) }) where key != "address" {
                warn("port field \(key) has no place in a host and is not imported", at: value.location)
            }
        }

        let pmType = fields["pm_type"].map(TripleoNodeRules.python) ?? ""
        let type = TripleoNodeRules.boardType(for: pmType)
        lines.append("bm_type: \(type.rawValue)")
        var password: Located<String>?
        if type == .dynamic {
            warn("pm_type \(pmType) is not ipmi or redfish; its host's bm_type is dynamic, and maintenance learns the protocol", at: fields["pm_type"]?.location)
        }
        if type.isProvisioned {
            if let address = fields["pm_addr"] {
                let text = TripleoNodeRules.python(address)
                if IPAddress(text) == nil {
                    diagnostics.append(Diagnostic(.nodeInvalid,
                        "\(label): pm_addr \(oneLine(text)) is not an IP address, and a host's bm_ip holds only an address (no name, URL or port); give the BMC's address",
                        at: address.location))
                }
                lines.append("bm_ip: \(YAMLScalarText.plainOrQuoted(text))")
            }
            if let user = fields["pm_user"] {
                lines.append("bm_username: \(YAMLScalarText.plainOrQuoted(TripleoNodeRules.python(user)))")
            } else {
                // sysinv: "Board Management controller username is not configured."
                diagnostics.append(Diagnostic(.nodeInvalid,
                    "\(label): has no pm_user, and sysinv provisions a BMC (bm_type \(type.rawValue)) only with its user; add pm_user", at: location))
            }
            if let system = fields["pm_system_id"] { lines.append("bm_system_id: \(YAMLScalarText.plainOrQuoted(TripleoNodeRules.python(system)))") }
            if let node = fields["pm_password"], TripleoNodeRules.isTruthy(node) {
                password = Located(TripleoNodeRules.python(node), at: node.location)
            }
        }
        if let port = fields["pm_port"], TripleoNodeRules.python(port) != "623" {
            warn("pm_port \(TripleoNodeRules.python(port)) has no place in a host (sysinv's BMCs listen on 623) and is not imported", at: port.location)
        }
        for (key, value) in capabilities {
            let implied = (key == "profile" && value == personality) || (key == "node" && value == name) || (key == "boot_option" && value == "local")
            if !implied { warn("capability \(key):\(value) has no place in a host and is not imported", at: fields["capabilities"]?.location) }
        }
        if let arch = fields["arch"], TripleoNodeRules.python(arch) != "x86_64" {
            warn("arch \(TripleoNodeRules.python(arch)) is not x86_64, the only architecture StarlingX runs on", at: arch.location)
        }
        for key in fields.keys.sorted() where !represented.contains(key) && key != "arch" && key != "pm_port" {
            warn("\(key) has no place in a host and is not imported", at: fields[key]?.location)
        }
        return (ImportedHost(name: name, lines: lines, location: location, password: password), diagnostics)
    }
}

extension HostEditor {
    /// `host-import`: adds the nodes of a node list as locked hosts at the end of the inventory's
    /// hosts, every other line kept; refused, with every problem, when a node breaks a TripleO
    /// rule, cannot be a host, names an existing host or would leave the inventory invalid.
    public func importNodes(_ text: String, from file: String) throws(EditRefusal) -> InventoryEdit {
        let result = NodesImport.read(text, file: file)
        var problems = result.diagnostics.filter { $0.severity == .error }
        for host in result.hosts where inventory.hosts.contains(where: { $0.name == host.name }) {
            problems.append(Diagnostic(.hostExists, "host \(host.name) already exists in \(path); rename the node, or delete the host first (sysinvc host-delete \(host.name))",
                                       at: host.location))
        }
        guard problems.isEmpty else { throw EditRefusal(DiagnosticCollector.sorted(problems)) }
        guard !result.hosts.isEmpty else { throw EditRefusal(.nodeFile, "\(file) lists no nodes; nothing to import") }
        let inventoryFile = try read(path)
        let edit = try inventoryFile.appendHosts(result.hosts.map(\.lines))
        let names = result.hosts.map(\.name)
        let (secrets, secretWarnings) = try passwordsEdit(result.hosts, from: file)
        var summary = "\(names.count) host\(names.count == 1 ? "" : "s") added to \(path) (locked): \(names.joined(separator: ", "))"
        if let secrets {
            let count = result.hosts.filter { $0.password != nil }.count
            summary += "; \(count) BMC password\(count == 1 ? "" : "s") added to \(secrets.path) (mode 0600)"
        }
        let checkedEdit = try checked(inventoryFile, [edit], summary: summary, refusal: "importing \(file) would leave the inventory invalid")
        var imported = InventoryEdit(file: checkedEdit.file, original: checkedEdit.original, edited: checkedEdit.edited, summary: checkedEdit.summary,
                                     warnings: result.diagnostics + secretWarnings + checkedEdit.warnings)
        imported.secrets = secrets
        return imported
    }

    /// The imported BMC passwords as new entries `bm/<host>` of the inventory's secrets file,
    /// which must exist; without a secrets file, a warning per password says where to put it.
    func passwordsEdit(_ hosts: [NodesImport.ImportedHost], from file: String) throws(EditRefusal) -> (SecretsFileEdit?, [Diagnostic]) {
        let withPasswords = hosts.filter { $0.password != nil }
        guard !withPasswords.isEmpty else { return (nil, []) }
        guard let declared = inventory.secrets.overridesFile else {
            return (nil, withPasswords.map { host in
                Diagnostic(.nodeNotRepresentable,
                    "the BMC password of \(host.name) is not imported: the inventory names no secrets file; add secrets.overrides (a 0600 file) and import again, or set bm/\(host.name) there by hand",
                    at: host.password?.location)
            })
        }
        let secretsPath = SecretStore.path(declared.value, of: inventory)
        guard case let .success(text) = InputFile.text(secretsPath) else {
            throw EditRefusal(.secretsFile, "the secrets file \(secretsPath) cannot be read; create it (an empty mapping {} will do, mode 0600) and import again",
                              at: declared.location)
        }
        let (node, diagnostics) = YAMLReader.read(text, file: secretsPath)
        if diagnostics.contains(where: { $0.severity == .error }) { throw EditRefusal(diagnostics) }
        var existing: [SourcePair] = []
        switch node {
        case let .mapping(pairs, _)?: existing = pairs
        case let .scalar(scalar)? where scalar.kind == .null: break
        case nil: break
        default: throw EditRefusal(.secretsFile, "the secrets file \(secretsPath) must map secret names to values", at: declared.location)
        }
        var problems: [Diagnostic] = []
        for host in withPasswords {
            let name = BoardManagement.passwordSecret(host.name)
            if let pair = existing.first(where: { $0.key.value == name }) {
                problems.append(Diagnostic(.secretsFile, "\(secretsPath) already sets \(name); remove it there first, or leave pm_password out of \(file)",
                                           at: pair.key.location))
            }
        }
        guard problems.isEmpty else { throw EditRefusal(problems) }
        let entries = withPasswords.map { host in
            "\(BoardManagement.passwordSecret(host.name)): \(YAMLScalarText.doubleQuoted(host.password?.value ?? ""))"
        }
        // An empty mapping written `{}` becomes the block mapping of the new entries.
        var base = text
        if existing.isEmpty, let node, case let .mapping(_, location) = node {
            var lines = text.components(separatedBy: "\n")
            if location.line >= 1 && location.line <= lines.count {
                let line = Array(lines[location.line - 1].unicodeScalars)
                let start = location.column - 1
                if start >= 0 && start + 1 < line.count && line[start] == "{" && line[start + 1] == "}" {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: line[..<start])
                    scalars.append(contentsOf: line[(start + 2)...])
                    lines[location.line - 1] = String(scalars)
                }
            }
            base = lines.joined(separator: "\n")
        }
        if !base.isEmpty && !base.hasSuffix("\n") { base += "\n" }
        return (SecretsFileEdit(path: secretsPath, original: text, edited: base + entries.joined(separator: "\n") + "\n"), [])
    }
}
