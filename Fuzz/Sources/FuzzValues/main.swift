import Compiler
import FuzzDriver
import Foundation

// A helm values file, and the same text as a stream of documents (an armada manifest).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? ValuesFile.parse(text)
    _ = try? ValuesFile.documents(text)
    return 0
})
