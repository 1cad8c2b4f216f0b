/// Stable diagnostic codes. Tests and users' CI scripts match on these, so a code is never
/// renumbered or reused; new problems get new codes.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Reading YAML
    case yamlSyntax = "YAML001"
    case duplicateKey = "YAML002"
    case aliasNotAllowed = "YAML003"
    case notAMapping = "YAML004"
    case yamlTooDeep = "YAML005"
    case yamlTooLarge = "YAML006"
    case explicitTag = "YAML007"
    case emptyDocument = "YAML008"

    // Files and includes
    case unreadableFile = "INV001"
    case includeCycle = "INV002"
    case includeConflict = "INV003"

    // Shape of the inventory
    case unknownField = "INV010"
    case wrongType = "INV011"
    case missingField = "INV012"
    case valueNotAllowed = "INV013"
    case invalidFormat = "INV014"
    case outOfRange = "INV015"

    // Networks and addresses
    case missingNetwork = "NET001"
    case overlappingPools = "NET002"
    case addressOutsidePool = "NET003"
    case duplicateAddress = "NET004"
    case familyMismatch = "NET005"
    case poolExhausted = "NET006"
    case invalidRange = "NET007"
    case networkNotAllowed = "NET008"
    case reservedAddress = "NET009"

    // Hosts
    case duplicateHostname = "HOST001"
    case duplicateMAC = "HOST002"
    case invalidHostname = "HOST003"
    case controllerCount = "HOST004"
    case personalityNotAllowed = "HOST005"
    case unknownReference = "HOST006"
    case invalidLabel = "HOST007"
    case missingPlatformInterface = "HOST008"
    case duplicateInterface = "HOST009"
    case cpuAssignment = "HOST010"
    case labelSynonym = "HOST011"
    case reservedHostname = "HOST012"
    case duplicateMemoryNode = "HOST013"

    // Data networks, data and PCI interfaces
    case duplicateDataNetwork = "DNET001"
    case unknownDataNetwork = "DNET002"
    case dataNetworkNotAllowed = "DNET003"
    case sriovSettings = "DNET004"
    case dataNetworkMTU = "DNET005"
    case pciAddress = "DNET006"

    // Bonds and VLANs
    case bondMemberShared = "IFACE001"
    case bondMemberRepeated = "IFACE002"
    case bondMemberCarriesNetwork = "IFACE003"
    case vlanMTU = "IFACE004"
    case duplicateVLAN = "IFACE005"

    // Storage
    case storageWithoutCeph = "STOR001"
    case storageReference = "STOR002"
    case cephReplication = "STOR003"
    case cephMinReplication = "STOR004"
    case osdPlacement = "STOR005"
    case cephDevice = "STOR006"
    case cephMonitor = "STOR007"
    case cephTier = "STOR008"
    case storageHostWithoutOSD = "STOR009"
    case tooFewOSDs = "STOR010"
    case thirdMonitorMissing = "STOR011"
    case diskLayout = "STOR012"
    case volumeGroup = "STOR013"

    // Board management
    case bmcNotProvisioned = "BMC001"
    case bmcIncomplete = "BMC002"
    case bmcAddressFamily = "BMC003"
    case bmcAddressTaken = "BMC004"
    case bmcSystemID = "BMC005"

    // Virtual environments (hosts as instances of a host cloud)
    case virtualBMC = "VIRT001"
    case virtualBMCAddress = "VIRT002"
    case virtualMAC = "VIRT003"
    case virtualFlavor = "VIRT004"
    case virtualPrefix = "VIRT005"
    case virtualMTU = "VIRT006"
    case virtualCloudPassword = "VIRT007"
    case virtualUserData = "VIRT008"

    // Node files (instackenv.json / nodes.json)
    case nodeExport = "NODE001"
    case nodeFile = "NODE002"
    case nodeInvalid = "NODE003"
    case nodeNotRepresentable = "NODE004"

    // Edits of the inventory (host and label commands): each refusal names the rule it enforces
    case unknownHost = "EDIT001"
    case hostNotLocked = "EDIT002"
    case labelExists = "EDIT003"
    case labelMissing = "EDIT004"
    case labelArgument = "EDIT005"
    case lastController = "EDIT006"
    case editInvalid = "EDIT007"
    case editLayout = "EDIT008"
    case alreadyInState = "EDIT009"
    case hostExists = "EDIT010"
    case newHostUnlocked = "EDIT011"
    case activeController = "EDIT012"
    case hostFragment = "EDIT013"

    // Secrets
    case secretKey = "SEC001"
    case secretsFile = "SEC002"
    case secretKeyPermissions = "SEC003"
    case secretKeyFileType = "SEC004"
    case secretKeyFormat = "SEC005"
    case unknownSecretOverride = "SEC006"
    case secretServiceParameter = "SEC010"

    // Applications: the inventory's list and uploaded tarballs
    case unknownApplication = "APP001"
    case duplicateApplication = "APP002"
    case applicationMetadata = "APP003"
    case applicationNamespace = "APP004"
    case applicationChartName = "APP005"
    case uploadedApplication = "APP006"

    // Helm chart overrides
    case helmControlPlane = "HELM001"
    case helmUserOverrides = "HELM002"
    case helmOverridePath = "HELM003"
    case helmNeedsCeph = "HELM004"
    case helmNeedsPlatformApps = "HELM005"

    // The output tree
    case outputCollision = "OUT001"

    // Plugins breaking their own declarations: defects in sysinvc, not in the inventory
    case undeclaredWrite = "GEN001"
    case pluginOutputCollision = "GEN002"
    case undeclaredOverride = "GEN003"

    public var defaultSeverity: Diagnostic.Severity {
        self == .labelSynonym || self == .helmNeedsCeph || self == .nodeNotRepresentable || self == .virtualCloudPassword ? .warning : .error
    }
}
