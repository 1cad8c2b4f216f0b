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

    init(_ ceph: CephSettings) {
        var nextStor = 1
        for (osdID, osd) in ceph.osds.enumerated() {
            var journalPath = osd.device.value + "-part2"
            if let journal = osd.journal {
                let index = journals.firstIndex { $0.host == osd.host.value && $0.device == journal.device.value }
                    ?? { () -> Int in
                        journals.append(Journal(stor: nextStor, host: osd.host.value, device: journal.device.value))
                        nextStor += 1
                        return journals.count - 1
                    }()
                journals[index].sizes.append(journal.sizeMiB.value)
                journalPath = journal.device.value + "-part\(journals[index].sizes.count)"
            }
            osds.append(OSD(stor: nextStor, osdID: osdID, osd: osd, journalPath: journalPath))
            nextStor += 1
        }
    }

    func osds(on host: String) -> [OSD] { osds.filter { $0.osd.host.value == host } }
    func journals(on host: String) -> [Journal] { journals.filter { $0.host == host } }
}
