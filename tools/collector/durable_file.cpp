#include "durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "escaped_for_log.hpp"

namespace phanos::collector {
namespace {

std::string quoted(const std::string& path) { return "\"" + detail::escaped_for_log(path) + "\""; }

// "cannot <action>: <errno's reason>"
std::string failed(const std::string& action) { return "cannot " + action + ": " + std::strerror(errno); }

// Closes the descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // close() reports a write the disk refused late (NFS, quotas).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::optional<std::string> write_durably(const std::string& path, std::string_view bytes) {
  const std::string temporary = path + ".tmp";
  Descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (file.get() < 0) return failed("create " + quoted(temporary));
  if (!write_all(file.get(), bytes)) return failed("write " + quoted(temporary));
  if (::fsync(file.get()) != 0) return failed("flush " + quoted(temporary));
  if (!file.close()) return failed("close " + quoted(temporary));
  if (::rename(temporary.c_str(), path.c_str()) != 0)
    return failed("rename " + quoted(temporary) + " to " + quoted(path));
  const std::string directory = directory_of(path);
  Descriptor parent(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (parent.get() < 0 || ::fsync(parent.get()) != 0) return failed("flush the directory " + quoted(directory));
  return std::nullopt;
}

std::variant<std::string, NoFile, ReadFailure> read_whole_file(const std::string& path) {
  Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT) return NoFile{};
    return ReadFailure{failed("open " + quoted(path))};
  }
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(file.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ReadFailure{failed("read " + quoted(path))};
    if (got == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
}

}  // namespace phanos::collector
