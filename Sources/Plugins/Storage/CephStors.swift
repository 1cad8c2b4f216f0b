import Compiler

/// sysinv's storage entities (`i_istor`) for the inventory's OSDs: numbered as the API would
/// have created them, in inventory order, each journal disk's stor just before the first OSD that
/// puts its journal there. `stor-<id>` names them in hiera; OSD ids are the smallest free ones,
/// system-wide, in the same order.
struct CephStors {
    struct OSD {
        let stor: Int
        let osdID: Int
        let osd: CephOSD
        /// Where its journal lives: the second partition of its own disk, or its partition on a
        /// journal disk.
        let journalPath: String
    }

    struct Journal {
        let stor: Int
        let host: String
        let device: String
        /// The sizes of the journals of the OSDs it holds, in stor order.
        var sizes: [Int] = []
    }

    private(set) var osds: [OSD] = []
    private(set) var journals: [Journal] = []
    /// Positions in `osds` and `journals` by host, so that a host's hook reads only its own.
    private var osdsByHost: [String: [Int]] = [:]
    private var journalsByHost: [String: [Int]] = [:]

    init(_ ceph: CephSettings) {
        var nextStor = 1
        var journalIndex: [String: Int] = [:]
        for (osdID, osd) in ceph.osds.enumerated() {
            let host = osd.host.value
            var journalPath = osd.device.value + "-part2"
            if let journal = osd.journal {
                // Host and device, joined by a byte no device path holds.
                let key = host + "\u{0}" + journal.device.value
                let index = journalIndex[key] ?? {
                    journals.append(Journal(stor: nextStor, host: host, device: journal.device.value))
                    journalsByHost[host, default: []].append(journals.count - 1)
                    nextStor += 1
                    journalIndex[key] = journals.count - 1
                    return journals.count - 1
                }()
                journals[index].sizes.append(journal.sizeMiB.value)
                journalPath = journal.device.value + "-part\(journals[index].sizes.count)"
            }
            osds.append(OSD(stor: nextStor, osdID: osdID, osd: osd, journalPath: journalPath))
            osdsByHost[host, default: []].append(osds.count - 1)
            nextStor += 1
        }
    }

    /// The system's stors, numbered once per compile.
    static func of(_ inventory: ValidatedInventory) -> CephStors? {
        inventory.derived { inventory in inventory.inventory.storage?.ceph.map(CephStors.init) }
    }

    func osds(on host: String) -> [OSD] { osdsByHost[host, default: []].map { osds[$0] } }
    func journals(on host: String) -> [Journal] { journalsByHost[host, default: []].map { journals[$0] } }
}
