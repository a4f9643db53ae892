#pragma once
// Files that survive a crash whole, for the collector's state file. A file
// is replaced by writing a temporary file beside it (PATH.tmp), flushing it
// to the disk, renaming it over PATH and flushing the directory: killed or
// powered off at any point, PATH holds the old contents or the new, never a
// mix, and once write_durably() returned the new contents are on the disk.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace phanos::collector {

// nullopt once `bytes` are on the disk as `path`; otherwise what failed
// ("cannot write \"PATH.tmp\": No space left on device").
std::optional<std::string> write_durably(const std::string& path, std::string_view bytes);

struct NoFile {};
// The whole file, NoFile when there is none, or why it cannot be read.
struct ReadFailure {
  std::string problem;
};
std::variant<std::string, NoFile, ReadFailure> read_whole_file(const std::string& path);

}  // namespace phanos::collector
