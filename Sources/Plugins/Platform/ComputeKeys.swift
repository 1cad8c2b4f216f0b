import Compiler

/// The `platform::compute::*` keys of hosts that run workloads, from their CPU and memory layout.
/// Several values are shell fragments (quoted lists, bash arrays) because puppet pastes them into
/// shell files.
enum ComputeKeys {
    static func cpuKeys(_ host: InventoryHost) -> HieraData {
        var data = HieraData()
        guard let cpus = host.cpus else { return data }
        let sources = cpus.platform.map(\.location) + cpus.vswitch.map(\.location)
        let platform = cpus.platform.map(\.value).sorted()
        let vswitch = cpus.vswitch.map(\.value).sorted()
        let application = (0..<cpus.logicalCount).filter { !platform.contains($0) && !vswitch.contains($0) }
        let nonPlatform = (0..<cpus.logicalCount).filter { !platform.contains($0) }

        data.set("platform::compute::params::worker_cpu_list", .string("\"\(rangeList(application))\""), from: sources)
        data.set("platform::compute::params::platform_cpu_list", .string("\"\(platform.map(String.init).joined(separator: ","))\""), from: sources)
        data.set("platform::compute::params::reserved_vswitch_cores", .string(perNodeArray(vswitch, cpus)), from: sources)
        data.set("platform::compute::params::reserved_platform_cores", .string(perNodeArray(platform, cpus)), from: sources)
        data.set("platform::compute::grub::params::n_cpus", .int(cpus.logicalCount), from: cpus.location)

        var options: [String] = []
        if !vswitch.isEmpty { options.append("isolcpus=\(rangeList(vswitch))") }
        if !nonPlatform.isEmpty { options.append("rcu_nocbs=\(rangeList(nonPlatform))") }
        options.append("kthread_cpus=\(rangeList(platform))")
        options.append("irqaffinity=\(rangeList(platform))")
        if host.isLowLatency && !nonPlatform.isEmpty {
            options.insert("nohz_full=\(rangeList(nonPlatform))", at: 0)
            data.set("platform::compute::pmqos::low_wakeup_cpus", .string("\"\(rangeList(nonPlatform))\""), from: sources)
            data.set("platform::compute::pmqos::hight_wakeup_cpus", .string("\"\(rangeList(platform))\""), from: sources)
        }
        data.set("platform::compute::grub::params::cpu_options", .string(options.joined(separator: " ")), from: sources)
        return data
    }

    static func memoryKeys(_ host: InventoryHost) -> HieraData {
        var data = HieraData()
        let memory = host.memory.sorted { $0.node < $1.node }
        guard !memory.isEmpty else { return data }
        let sources = memory.map(\.location)
        let platformReserved = memory.map { "\"node\($0.node):\($0.platformReservedMiB ?? 0)MB:1\"" }
        data.set("platform::compute::params::worker_base_reserved", .string("(\(platformReserved.joined(separator: " ")))"), from: sources)
        let vswitchReserved = memory.map { "\"node\($0.node):\(($0.vswitchHugepages1G ?? 0) * 1024)MB:\($0.vswitchHugepages1G ?? 0)\"" }
        data.set("platform::compute::params::compute_vswitch_reserved", .string("(\(vswitchReserved.joined(separator: " ")))"), from: sources)

        let pages2M = memory.map { "\"node\($0.node):2048kB:\($0.vmHugepages2M ?? 0)\"" }
        let pages1G = memory.map { "\"node\($0.node):1048576kB:\(($0.vmHugepages1G ?? 0) + ($0.vswitchHugepages1G ?? 0))\"" }
        data.set("platform::compute::hugepage::params::nr_hugepages_2M", .string("(\(pages2M.joined(separator: " ")))"), from: sources)
        data.set("platform::compute::hugepage::params::nr_hugepages_1G", .string("(\(pages1G.joined(separator: " ")))"), from: sources)
        data.set("platform::compute::hugepage::params::vswitch_2M_pages", .string("\"\(memory.map { _ in "0" }.joined(separator: ","))\""), from: sources)
        data.set("platform::compute::hugepage::params::vswitch_1G_pages", .string("\"\(memory.map { String($0.vswitchHugepages1G ?? 0) }.joined(separator: ","))\""), from: sources)
        data.set("platform::compute::hugepage::params::vm_2M_pages", .string("\"\(memory.map { String($0.vmHugepages2M ?? 0) }.joined(separator: ","))\""), from: sources)
        data.set("platform::compute::hugepage::params::vm_1G_pages", .string("\"\(memory.map { String($0.vmHugepages1G ?? 0) }.joined(separator: ","))\""), from: sources)
        data.set("platform::vswitch::params::hugepage_dir", "/mnt/huge-1048576kB")
        return data
    }

    /// `("node0:0,1" "node1:8")`: the bash array puppet's reserve scripts read.
    static func perNodeArray(_ list: [Int], _ cpus: CPULayout) -> String {
        let byNode = (0..<cpus.nodes).map { node in
            "\"node\(node):\(list.filter { cpus.node(of: $0) == node }.map(String.init).joined(separator: ","))\""
        }
        return "(\(byNode.joined(separator: " ")))"
    }

    /// `0-3,8,10-11`, sysinv's `format_range_set`.
    static func rangeList(_ list: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = list.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// Hex bitmask of a CPU list, as DRBD's cpu-mask option takes it.
    static func hexMask(_ list: [Int]) -> String {
        let top = (list.max() ?? 0) / 4
        return String((0...top).reversed().map { nibble -> Character in
            let value = list.filter { $0 / 4 == nibble }.reduce(0) { $0 | (1 << ($1 % 4)) }
            return Character(String(value, radix: 16))
        })
    }
}
