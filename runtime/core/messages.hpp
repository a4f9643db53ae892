#pragma once
// Where phanos' own messages go. The core writes them to stderr itself
// ("phanos: warning: ..."), so that it needs no logging library; the spdlog
// component (runtime/spdlog) installs a resolver, and then they go to
// spdlog's "phanos" logger or to the one Config::logger names.

#include <memory>
#include <string>
#include <string_view>

namespace phanos::detail {

enum class MessageLevel { warning, error };

class MessageWriter {
 public:
  virtual ~MessageWriter() = default;
  virtual void write(MessageLevel level, std::string_view message) noexcept = 0;
};

// The writer for Config::logger's value, the empty name meaning phanos' own.
using WriterResolver = std::shared_ptr<MessageWriter> (*)(const std::string& logger_name);

void resolve_loggers_with(WriterResolver resolver) noexcept;

// The writer Config::logger names. Throws ConfigError for a name when no
// resolver is installed: only the spdlog component knows loggers by name.
std::shared_ptr<MessageWriter> configured_writer(const std::string& logger_name);

// Where phanos' own messages go from now on, and where they go now.
void use_writer(std::shared_ptr<MessageWriter> writer) noexcept;
std::shared_ptr<MessageWriter> current_writer();

}  // namespace phanos::detail
