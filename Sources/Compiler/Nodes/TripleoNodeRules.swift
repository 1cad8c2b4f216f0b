/// TripleO's own checks of a node list (`validate_nodes` of tripleo-common 18.0.0, reference
/// quintupleo.md §1.3–1.4), restated over the nodes as read, with their positions: the driver a
/// `pm_type` selects and the fields it requires, port MACs valid and unique, one node per BMC
/// and per name, capabilities that parse, a root device that is a mapping, no field the driver
/// does not know. Each failure says `node #<index>: <tripleo's message>`, as tripleo does, so the
/// two name the same rule; unlike tripleo, a missing or unknown `pm_type` does not stop the
/// others being reported.
enum TripleoNodeRules {
    /// One of tripleo's driver handlers (`DRIVER_INFO`).
    struct Driver {
        /// Fields starting with one of these go to the driver as they are (`ipmi_bridging`).
        let prefixes: [String]
        /// The instackenv keys it maps to its driver_info, and those it maps as deprecated.
        let mapped: Set<String>
        let deprecated: Set<String>
        let mandatory: [String]
        let uniqueID: ([String: SourceNode]) -> String?

        /// tripleo's `convert_key`: whether the field means something to this driver.
        func knows(_ field: String) -> Bool {
            mapped.contains(field) || deprecated.contains(field) || prefixes.contains { field.hasPrefix($0) }
        }

        /// `PrefixedDriverInfo`: address, user and password (and port) under `<prefix>_`.
        static func prefixed(_ prefix: String, hasPort: Bool, deprecated: Set<String> = [], mandatory: [String]? = nil,
                             relay: Bool = false) -> Driver {
            Driver(prefixes: [prefix], mapped: Set(["pm_addr", "pm_user", "pm_password"] + (hasPort ? ["pm_port"] : [])),
                   deprecated: deprecated, mandatory: mandatory ?? ["pm_addr", "pm_user", "pm_password"]) { fields in
                guard let address = fields["pm_addr"] else { return nil }
                var id = python(address)
                if hasPort, let port = fields["pm_port"] { id += ":" + python(port) }
                if relay, let relayID = fields["iboot_relay_id"] { id += "#" + python(relayID) }
                return id
            }
        }

        static let redfish = Driver(prefixes: ["redfish"], mapped: ["pm_addr", "pm_user", "pm_password", "pm_system_id"], deprecated: [],
                                    mandatory: ["pm_addr", "pm_system_id"]) { fields in
            guard let address = fields["pm_addr"], let system = fields["pm_system_id"] else { return nil }
            return redfishID(python(address), python(system))
        }

        /// iDRAC takes the drac fields and the redfish ones; its identity is the drac address
        /// without scheme or port.
        static let idrac = Driver(prefixes: ["drac", "redfish"], mapped: ["pm_addr", "pm_user", "pm_password", "pm_port", "pm_system_id"],
                                  deprecated: [], mandatory: []) { fields in
            guard let address = fields["pm_addr"] else { return nil }
            var host = Substring(removingScheme(python(address)))
            host = host.prefix { $0 != ":" }
            var id = String(host.reversed().drop { $0 == "/" }.reversed())
            if let port = fields["pm_port"] { id += ":" + python(port) }
            return id
        }
    }

    /// tripleo's handlers in its order, each with the `pm_type` values it takes and the board
    /// management type a host of it gets: ipmi and redfish as they are, none without a BMC,
    /// dynamic (maintenance learns the protocol) for the others.
    static let drivers: [(matches: (String) -> Bool, driver: Driver, board: BoardManagementType)] = [
        ({ $0 == "ipmi" || $0.hasSuffix("_ipmitool") }, .prefixed("ipmi", hasPort: true, mandatory: ["pm_addr"]), .ipmi),
        ({ $0.hasSuffix("_drac") }, .prefixed("drac", hasPort: true), .dynamic),
        ({ $0 == "idrac" }, .idrac, .dynamic),
        ({ $0 == "ilo" || $0.hasSuffix("_ilo") }, .prefixed("ilo", hasPort: true), .dynamic),
        ({ $0 == "irmc" || $0.hasSuffix("_irmc") }, .prefixed("irmc", hasPort: true), .dynamic),
        ({ $0 == "redfish" }, .redfish, .redfish),
        ({ $0 == "xclarity" }, .prefixed("xclarity", hasPort: true), .dynamic),
        ({ $0 == "staging-ovirt" }, Driver(prefixes: ["ovirt"], mapped: ["pm_addr", "pm_user", "pm_password", "pm_vm_name"], deprecated: [],
                                           mandatory: ["pm_addr", "pm_user", "pm_password", "pm_vm_name"]) { fields in
            guard let address = fields["pm_addr"], let vm = fields["pm_vm_name"] else { return nil }
            return python(address) + ":" + python(vm)
        }, .dynamic),
        ({ $0 == "staging-iboot" || $0.hasSuffix("_iboot") }, .prefixed("iboot", hasPort: true, deprecated: ["pm_relay_id"], relay: true), .dynamic),
        ({ $0 == "staging-wol" || $0.hasSuffix("wol") }, Driver(prefixes: ["wol"], mapped: ["pm_addr", "pm_port"], deprecated: [], mandatory: []) { _ in nil }, .dynamic),
        ({ $0 == "staging-amt" || $0.hasSuffix("_amt") }, .prefixed("amt", hasPort: false), .dynamic),
        ({ ["manual-management", "fake_pxe", "fake_agent"].contains($0) }, Driver(prefixes: ["fake"], mapped: [], deprecated: [], mandatory: []) { _ in nil }, .none),
        ({ $0 == "fake" || $0 == "fake-hardware" }, Driver(prefixes: ["fake"], mapped: [], deprecated: [], mandatory: []) { _ in nil }, .none),
    ]

    static func driver(for pmType: String) -> Driver? {
        drivers.first { $0.matches(pmType) }?.driver
    }

    /// The board management type of a host whose node has this `pm_type`.
    static func boardType(for pmType: String) -> BoardManagementType {
        drivers.first { $0.matches(pmType) }?.board ?? .dynamic
    }

    /// Fields no driver maps that tripleo takes for every node.
    static let nodeFields: Set<String> = Set(["cpu", "memory", "disk", "arch", "root_device", "name", "resource_class", "kernel_id",
        "ramdisk_id", "platform", "conductor_group", "ports", "pm_type", "capabilities"]
        + ["boot", "console", "deploy", "inspect", "management", "network", "power", "raid", "rescue", "storage", "vendor"].map { $0 + "_interface" })

    /// A failure: the node's index and tripleo's message.
    struct Failure {
        let index: Int
        let message: String
        let location: SourceLocation
    }

    static func check(_ nodes: [(fields: [String: SourceNode], location: SourceLocation)]) -> [Failure] {
        var failures: [Failure] = []
        var uniqueIDs: Set<String> = [], names: Set<String> = [], macs: Set<String> = []
        for (index, node) in nodes.enumerated() {
            var fields = node.fields
            fields["_comment"] = nil
            func fail(_ message: String, at location: SourceLocation? = nil) {
                failures.append(Failure(index: index, message: message, location: location ?? node.location))
            }
            guard let pmType = fields["pm_type"] else {
                fail("pm_type (ironic driver to use) is required")
                continue
            }
            guard case let .scalar(typeScalar) = pmType, let driver = driver(for: typeScalar.text) else {
                fail("unknown pm_type (ironic driver to use): \(python(pmType))", at: pmType.location)
                continue
            }
            let missing = driver.mandatory.filter { !isTruthy(fields[$0]) }
            if !missing.isEmpty {
                fail("Invalid node data: The following fields are missing: \(missing.joined(separator: ", "))")
            }
            if isTruthy(fields["mac"]) {
                fail("The \"mac\" field is not longer supported. Please use the \"ports\" field instead.", at: fields["mac"]?.location)
            }
            if let ports = fields["ports"] {
                guard case let .sequence(items, _) = ports else {
                    fail("ports is not a list of {\"address\": MAC} objects", at: ports.location)
                    continue
                }
                for port in items {
                    guard case let .mapping(pairs, _) = port, let address = pairs.first(where: { $0.key.value == "address" })?.value else {
                        fail("a port has no address", at: port.location)
                        continue
                    }
                    let text = python(address)
                    if !isValidMAC(address) { fail("MAC address \(text) is invalid", at: address.location) }
                    if !macs.insert(text).inserted { fail("MAC \(text) is not unique", at: address.location) }
                }
            }
            if let id = driver.uniqueID(fields), !uniqueIDs.insert(id).inserted {
                fail("Node identified by \(id) is already present")
            }
            if let name = fields["name"], isTruthy(name), !names.insert(python(name)).inserted {
                fail("Name \"\(python(name))\" is not unique", at: name.location)
            }
            if isTruthy(fields["platform"]) && !isTruthy(fields["arch"]) {
                fail("You have specified a platform without an architecture")
            }
            if let capabilities = fields["capabilities"], !parsesAsCapabilities(capabilities) {
                fail("Invalid capabilities: \(python(capabilities))", at: capabilities.location)
            }
            if let root = fields["root_device"], !isNull(root) {
                if case .mapping = root {} else { fail("Invalid root device: expected dict, got \(python(root))", at: root.location) }
            }
            for field in node.fields.keys.sorted() where field != "_comment" {
                if !driver.knows(field) && !nodeFields.contains(field) {
                    fail("Unknown field \(field)", at: node.fields[field]?.location)
                }
            }
        }
        return failures
    }

    // MARK: Python's view of a JSON value

    /// `str(value)` of the value as Python holds it: a string as is, `True`/`False`, `None`.
    static func python(_ node: SourceNode) -> String {
        switch node {
        case let .scalar(scalar):
            switch scalar.kind {
            case .null: return "None"
            case .bool: return scalar.text.lowercased() == "true" ? "True" : "False"
            default: return scalar.text
            }
        case .mapping: return "{…}"
        case .sequence: return "[…]"
        }
    }

    /// Python's truth: not None, "", 0, false, an empty list or mapping.
    static func isTruthy(_ node: SourceNode?) -> Bool {
        switch node {
        case nil: return false
        case let .scalar(scalar)?:
            switch scalar.kind {
            case .null: return false
            case .string: return !scalar.text.isEmpty
            case .bool: return scalar.text.lowercased() == "true"
            case .int, .float: return (Double(scalar.text) ?? 1) != 0
            }
        case let .mapping(pairs, _)?: return !pairs.isEmpty
        case let .sequence(items, _)?: return !items.isEmpty
        }
    }

    static func isNull(_ node: SourceNode) -> Bool {
        if case let .scalar(scalar) = node { return scalar.kind == .null }
        return false
    }

    /// oslo's `is_valid_mac`: six colon-separated hex pairs, any case.
    static func isValidMAC(_ node: SourceNode) -> Bool {
        guard case let .scalar(scalar) = node, scalar.kind == .string else { return false }
        let groups = scalar.text.split(separator: ":", omittingEmptySubsequences: false)
        return groups.count == 6 && groups.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }

    /// `capabilities_to_dict`: nothing, a mapping, or `k:v,k:v` where every item has a colon.
    static func parsesAsCapabilities(_ node: SourceNode) -> Bool {
        if !isTruthy(node) { return true }
        switch node {
        case .mapping: return true
        case let .scalar(scalar) where scalar.kind == .string:
            return scalar.text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { $0.contains(":") }
        default: return false
        }
    }

    /// The capabilities as key/value pairs (`k:v,k:v`, or a mapping of scalars).
    static func capabilities(_ node: SourceNode?) -> [(key: String, value: String)] {
        switch node {
        case let .scalar(scalar)? where scalar.kind == .string && !scalar.text.isEmpty:
            return scalar.text.split(separator: ",", omittingEmptySubsequences: false).map { item in
                let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }
        case let .mapping(pairs, _)?:
            return pairs.map { ($0.key.value, python($0.value)) }
        default:
            return []
        }
    }

    /// The first `http://` or `https://` anywhere in the text removed, as tripleo's
    /// `re.sub(r'https?://', '', value, count=1, flags=re.I)` (ASCII letters in any case).
    static func removingScheme(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        func matches(_ literal: String, at index: Int) -> Bool {
            let literal = Array(literal.utf8)
            return index + literal.count <= bytes.count && zip(bytes[index...], literal).allSatisfy { lower($0) == $1 }
        }
        for index in bytes.indices where lower(bytes[index]) == UInt8(ascii: "h") {
            for scheme in ["http://", "https://"] where matches(scheme, at: index) {
                return String(decoding: bytes[..<index] + bytes[(index + scheme.utf8.count)...], as: UTF8.self)
            }
        }
        return text
    }

    static func redfishID(_ address: String, _ system: String) -> String {
        let host = removingScheme(address)
        return String(host.reversed().drop { $0 == "/" }.reversed()) + "/" + String(system.drop { $0 == "/" })
    }
}
