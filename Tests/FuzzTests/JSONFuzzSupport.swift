import Foundation

/// Structure-aware mutations of JSON documents: a value anywhere replaced by one that breaks
/// decoders, a key dropped or renamed, an array element duplicated, a type name swapped.
enum MutateJSON {
  static let keys = [
    "seq", "id", "at", "type", "v", "meta", "data", "participant", "time", "name", "tags", "role",
    "timeAdjustment", "position", "item", "decision", "action", "signal", "entry", "policy", "items",
  ]

  static func mutate(_ text: String, types: [String], random: inout FuzzRandom) -> String {
    guard random.below(4) != 0,
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    else {
      return String(decoding: Mutate.bytes(Array(text.utf8), corpus: [], random: &random), as: UTF8.self)
    }
    let mutated = mutateValue(object, types: types, random: &random, depth: 0)
    guard JSONSerialization.isValidJSONObject(mutated) || !(mutated is [String: Any] || mutated is [Any]),
      let data = try? JSONSerialization.data(withJSONObject: mutated, options: [.fragmentsAllowed])
    else { return text }
    return String(decoding: data, as: UTF8.self)
  }

  private static func mutateValue(_ value: Any, types: [String], random: inout FuzzRandom, depth: Int) -> Any
  {
    if var object = value as? [String: Any], !object.isEmpty, random.below(3) != 0 || depth == 0 {
      let key = random.pick(Array(object.keys).sorted())
      switch random.below(8) {
      case 0: object[key] = nil
      case 1:
        object[random.pick(keys)] = object[key]
        object[key] = nil
      case 2 where key == "type": object[key] = random.pick(types)
      default: object[key] = mutateValue(object[key]!, types: types, random: &random, depth: depth + 1)
      }
      return object
    }
    if var array = value as? [Any], !array.isEmpty, random.below(3) != 0 {
      let index = random.below(array.count)
      switch random.below(4) {
      case 0: array.remove(at: index)
      case 1: array.append(array[index])
      default: array[index] = mutateValue(array[index], types: types, random: &random, depth: depth + 1)
      }
      return array
    }
    if let string = value as? String, random.chance(2) {
      return random.chance(2)
        ? random.pick(Mutate.interestingStrings) : string + random.pick(Mutate.interestingStrings)
    }
    return random.pick(Mutate.interestingJSON)
  }
}
