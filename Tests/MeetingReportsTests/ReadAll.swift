import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension FileHandle {
  /// Everything up to end of file. Foundation's `readDataToEndOfFile` traps when a signal
  /// interrupts the read (EINTR), which a child process ending can cause; this reads again.
  func readAllRetryingInterrupts() -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = Glibc.read(fileDescriptor, &buffer, buffer.count)
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }

  /// Writes all of `data`, again after an interrupted write.
  func writeRetryingInterrupts(_ data: Data) {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < bytes.count {
        let count = Glibc.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count > 0 {
          offset += count
        } else if errno != EINTR {
          return
        }
      }
    }
  }
}
