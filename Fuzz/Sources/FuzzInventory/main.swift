import Compiler
import FuzzDriver
import Foundation

// Inventory text through the load stage and the validator, as `sysinvc validate` runs them.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let (inventory, _) = InventoryLoader.load(text: text, file: "fuzz.yaml")
    if let inventory { _ = Validator.validate(inventory) }
    return 0
})
