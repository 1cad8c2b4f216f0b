import Compiler

/// What 013_storage tells puppet to do with a host's partitions: `check` those that exist,
/// `delete`, `modify` (resize) and `create` those with a change pending. Each is the JSON list
/// sysinv wrote with `json.dumps`, its objects' keys in Python 2's dict order, or nil when empty.
/// Puppet's `manage-partitions` gets the JSON inside single quotes on a shell line: every string
/// in it passed the device path or UUID grammar at load, which admits no quote.
struct PartitionActions {
    var check: [JSONObject] = []
    var create: [JSONObject] = []
    var modify: [JSONObject] = []
    var delete: [JSONObject] = []
    /// The partitions of each action, where the inventory lists them.
    var sources: [PartitionState: [SourceLocation]] = [:]

    init(_ host: InventoryHost, hostUUID: String, systemName: String) {
        for disk in host.disks {
            for partition in disk.partitions {
                let path = disk.path(of: partition)
                let uuid = partition.uuid?.value
                    // sysinv draws the uuid of a partition it is to create; here it is derived.
                    ?? StableUUID.named("\(systemName)/\(host.name)/partition/\(path)")
                let start = partition.startMiB.map { JSONScalar.int($0.value) } ?? .null
                // A refused state never gets past validation.
                let state = partition.state?.value ?? .present
                sources[state, default: []].append(partition.location)
                switch state {
                case .present:
                    check.append(JSONObject(Self.checkKeys, [
                        "device_node": .string(disk.node(of: partition)), "device_path": .string(path),
                        "uuid": .string(uuid), "type_guid": .string(partition.typeGUID?.value ?? ""),
                        "start_mib": start, "size_mib": .int(partition.sizeMiB.value),
                        "disk_device_path": .string(disk.device.value),
                    ]))
                case .create:
                    create.append(JSONObject(Self.createKeys, [
                        "req_uuid": .string(uuid), "ihost_uuid": .string(hostUUID),
                        "req_guid": .string(partition.typeGUID?.value ?? DiskPartition.userPhysicalVolumeType),
                        "req_size_mib": .int(partition.sizeMiB.value), "part_device_path": .string(path),
                        "disk_device_path": .string(disk.device.value),
                    ]))
                case .modify:
                    modify.append(JSONObject(Self.modifyKeys, [
                        "current_uuid": .string(uuid), "ihost_uuid": .string(hostUUID), "start_mib": start,
                        "new_size_mib": .int(partition.sizeMiB.value), "part_device_path": .string(path),
                        "req_guid": .string(partition.typeGUID?.value ?? ""),
                    ]))
                case .delete:
                    delete.append(JSONObject(Self.deleteKeys, [
                        "current_uuid": .string(uuid), "ihost_uuid": .string(hostUUID), "part_device_path": .string(path),
                    ]))
                }
            }
        }
    }

    // The keys in the order sysinv's dict displays insert them (disk_device_path by a later
    // update), as Python 2 iterates them.
    static let checkKeys = PythonTwoOrder.dict(["device_node", "device_path", "uuid", "type_guid", "start_mib", "size_mib"], updatedWith: [["disk_device_path"]])
    static let createKeys = PythonTwoOrder.dict(["req_uuid", "ihost_uuid", "req_guid", "req_size_mib", "part_device_path"], updatedWith: [["disk_device_path"]])
    static let modifyKeys = PythonTwoOrder.dict(["current_uuid", "ihost_uuid", "start_mib", "new_size_mib", "part_device_path", "req_guid"])
    static let deleteKeys = PythonTwoOrder.dict(["current_uuid", "ihost_uuid", "part_device_path"])

    /// `json.dumps(list)`, or null for an empty list, as sysinv wrote it.
    static func config(_ objects: [JSONObject]) -> YAMLValue {
        objects.isEmpty ? .null : .string("[" + objects.map(\.json).joined(separator: ", ") + "]")
    }
}

/// A JSON value of sysinv's partition records.
enum JSONScalar {
    case string(String)
    case int(Int)
    case null

    /// As Python's `json.dumps` writes it (ASCII only: anything else as `\uXXXX`).
    var json: String {
        switch self {
        case .int(let value): return String(value)
        case .null: return "null"
        case .string(let text):
            var out = ""
            JSONRenderer.quote(text, asciiOnly: true, to: &out)
            return out
        }
    }
}

/// A JSON object whose keys come in a fixed order.
struct JSONObject {
    let keys: [String]
    let values: [String: JSONScalar]

    init(_ keys: [String], _ values: [String: JSONScalar]) {
        self.keys = keys
        self.values = values
    }

    /// `json.dumps` with its default separators `", "` and `": "`.
    var json: String {
        "{" + keys.map { key in JSONScalar.string(key).json + ": " + (values[key] ?? .null).json }.joined(separator: ", ") + "}"
    }
}
