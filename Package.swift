// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Roundtable",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "MeetingModel", targets: ["MeetingModel"]),
    .executable(name: "roundtable", targets: ["roundtable"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
  ],
  targets: [
    .target(name: "MeetingModel"),
    .executableTarget(
      name: "roundtable",
      dependencies: [
        "MeetingModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "MeetingModelTests",
      dependencies: [
        "MeetingModel",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
