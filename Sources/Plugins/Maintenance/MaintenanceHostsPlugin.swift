import Compiler

/// The host records sysinv pushes to maintenance (`POST /v1/hosts/` with the ihost less its
/// bookkeeping keys, `removekeys_nonmtce`), one JSON file per host: what maintenance needs to
/// reach, power and reset each host through its board management controller. sysinv keeps the
/// BMC passwords out of its database and of these records (maintenance reads them from
/// Barbican, keyed by the host's uuid); here they are in one owner-only file, keyed the same way.
public struct MaintenanceHostsPlugin: ConfigPlugin {
    public init() {}

    static let passwordsPath = "maintenance/bm-passwords.json"

    public let description = PluginDescription(
        identifier: "930_maintenance_hosts",
        summary: "each host's maintenance record with its board management (`maintenance/<host>.json`); BMC passwords in `maintenance/bm-passwords.json` (0600)",
        reads: ["hosts[].bm_type", "hosts[].bm_ip", "hosts[].bm_username", "hosts[].personality", "hosts[].subfunctions",
                "hosts[].administrative", "hosts[].mgmt_mac", "networks.mgmt addresses", "secrets bm/<host>", "virtual"],
        writes: ["maintenance/<host>.json", "maintenance/bm-passwords.json"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        let system = inventory.system.name.value
        var files: [OutputFile] = []
        var passwords: [String: YAMLValue] = [:]
        for host in inventory.hosts {
            let uuid = StableUUID.host(host.name, system: system)
            let bm = host.boardManagement
            let type = bm?.type?.value ?? .none
            let record: YAMLValue = [
                "operation": "add",
                "uuid": .string(uuid),
                "hostname": .string(host.name),
                "personality": .string(host.personality.value.rawValue),
                "subfunctions": .string(host.subfunctions.map(\.rawValue).joined(separator: ",")),
                "administrative": .string(host.administrative.value.rawValue),
                "mgmt_mac": host.mgmtMAC.map { .string($0.value) } ?? .null,
                "mgmt_ip": inventory.address(host.name, .mgmt).map { .string($0.description) } ?? .null,
                "bm_type": .string(type.rawValue),
                "bm_ip": type.isProvisioned ? bm?.address.map { .string($0.value.description) } ?? .null : .null,
                "bm_username": type.isProvisioned ? bm?.username.map { .string($0.value) } ?? .null : .null,
            ]
            files.append(OutputFile(path: "maintenance/\(host.name).json", content: .text(JSONRenderer.render(record))))
            if type.isProvisioned {
                let password = context.secrets.bmcPassword(host.name, of: inventory.inventory)
                passwords[uuid] = ["hostname": .string(host.name), "bm_password": .string(password)]
            }
        }
        if !passwords.isEmpty {
            files.append(OutputFile(path: Self.passwordsPath, content: .text(JSONRenderer.render(.map(passwords))), secure: true))
        }
        return files
    }
}
