import Compiler
import FuzzDriver
import Foundation

// One expression per line, `--set` and `--set-string` in turn, applied to the same values as
// `helm-override-update` applies them.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    var values: [String: YAMLValue] = [:]
    for (index, expression) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if index.isMultiple(of: 2) {
            try? HelmSet.apply(String(expression), to: &values)
        } else {
            try? HelmSet.applyString(String(expression), to: &values)
        }
    }
    return 0
})
