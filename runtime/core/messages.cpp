#include "messages.hpp"

#include <atomic>
#include <cstdio>

#include "config/components.hpp"
#include "phanos/config.hpp"
#include "shared_cell.hpp"

namespace phanos::detail {
namespace {

// The same lines spdlog's "%n: %l: %v" pattern wrote when the core used it.
class StderrWriter : public MessageWriter {
 public:
  void write(MessageLevel level, std::string_view message) noexcept override {
    const char* level_name = level == MessageLevel::error ? "error" : "warning";
    std::fprintf(stderr, "phanos: %s: %.*s\n", level_name, static_cast<int>(message.size()), message.data());
  }
};

std::atomic<WriterResolver> resolver{nullptr};

// Never destroyed: messages may be logged during static destruction.
std::shared_ptr<MessageWriter>& writer_in_use() {
  static auto* writer = new std::shared_ptr<MessageWriter>;
  return *writer;
}

std::shared_ptr<MessageWriter> stderr_writer() {
  static auto* writer = new std::shared_ptr<MessageWriter>(std::make_shared<StderrWriter>());
  return *writer;
}

}  // namespace

void resolve_loggers_with(WriterResolver installed) noexcept { resolver.store(installed); }

std::shared_ptr<MessageWriter> configured_writer(const std::string& logger_name) {
  if (const WriterResolver resolve = resolver.load()) return resolve(logger_name);
  if (logger_name.empty()) return stderr_writer();
  throw ConfigError("logger: naming a logger (\"" + logger_name + "\") needs " + not_linked_component("spdlog"));
}

void use_writer(std::shared_ptr<MessageWriter> writer) noexcept { store_shared(writer_in_use(), std::move(writer)); }

std::shared_ptr<MessageWriter> current_writer() {
  std::shared_ptr<MessageWriter> writer = load_shared(writer_in_use());
  return writer ? writer : configured_writer("");
}

}  // namespace phanos::detail
