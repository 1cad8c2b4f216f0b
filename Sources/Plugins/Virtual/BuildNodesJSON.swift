import Compiler

/// The nodes file OVB's `build-nodes-json` writes for this environment (its 2020 form, driver
/// `ipmi`), from the inventory instead of the host cloud: ports whose names start with the host
/// prefix, sorted by name, paired in order with those starting with the BMC prefix; each node
/// with the flavor's sizes, the provision MAC, the BMC port's address, OVB's fixed BMC user and
/// password, a profile when the instance's name has `-<role>` after the prefix, and the
/// instance's name with '_' made '-'. Written as Python's `json.dumps(…, indent=2)` does: keys
/// in build-nodes-json's order, no final newline.
enum BuildNodesJSON {
    static let driver = "ipmi"

    static func render(_ layout: VirtualLayout) -> String {
        let base = layout.environment.prefix.value
        let nodes = layout.roles.flatMap { role in role.hosts.map { (role, $0) } }
            .sorted { $0.1.instance.utf8.lexicographicallyPrecedes($1.1.instance.utf8) }
        var out = "{\n  \"nodes\": ["
        for (index, (role, member)) in nodes.enumerated() {
            var capabilities = "boot_option:local"
            let end = member.instance.dropFirst(base.count)
            if end.contains("-") {
                capabilities += ",profile:" + (end.dropFirst().split(separator: "_").first.map(String.init) ?? "")
            }
            let fields: [(String, String)] = [
                ("pm_type", string(driver)),
                ("mac", "[\n        \(string(member.mac ?? ""))\n      ]"),
                ("cpu", String(role.flavor?.vcpus ?? 0)),
                ("memory", String(role.flavor?.ramMiB ?? 0)),
                ("disk", String(role.flavor?.diskGiB ?? 0)),
                ("arch", string("x86_64")),
                ("pm_user", string(VirtualEnvironment.bmcUsername)),
                ("pm_password", string(VirtualEnvironment.bmcPassword)),
                ("pm_addr", string(member.bmcAddress?.description ?? "")),
                ("capabilities", string(capabilities)),
                ("name", string(member.nodeName)),
            ]
            out += (index == 0 ? "\n" : ",\n") + "    {\n"
            out += fields.map { "      \(string($0.0)): \($0.1)" }.joined(separator: ",\n")
            out += "\n    }"
        }
        out += nodes.isEmpty ? "]\n}" : "\n  ]\n}"
        return out
    }

    private static func string(_ text: String) -> String {
        var out = ""
        JSONRenderer.quote(text, asciiOnly: true, to: &out)
        return out
    }
}
