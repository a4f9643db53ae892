// What this library does as the program loads it: phanos' own messages go
// to spdlog loggers from now on (Config::logger may name one), and its
// handler classes can be named in dict configs.

#include <spdlog/logger.h>

#include "config/handler_classes.hpp"
#include "logger_handler_config.hpp"
#include "loggers.hpp"
#include "messages.hpp"

// Tells the core that the program links this library (config/components.cpp).
extern "C" void phanos_component_spdlog() {}

namespace phanos::detail {
namespace {

class SpdlogWriter : public MessageWriter {
 public:
  explicit SpdlogWriter(std::shared_ptr<spdlog::logger> logger) : logger_(std::move(logger)) {}
  void write(MessageLevel level, std::string_view message) noexcept override {
    try {
      logger_->log(level == MessageLevel::error ? spdlog::level::err : spdlog::level::warn,
                   spdlog::string_view_t(message.data(), message.size()));
    } catch (...) {
      // Nowhere left to report it.
    }
  }

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

// phanos' own logger's writer is made once: it is the one in use until a
// configuration names another, and is asked for at every message.
std::shared_ptr<MessageWriter> spdlog_writer(const std::string& logger_name) {
  if (!logger_name.empty()) return std::make_shared<SpdlogWriter>(named_logger(logger_name));
  static auto* own = new std::shared_ptr<MessageWriter>(std::make_shared<SpdlogWriter>(own_logger()));
  return *own;
}

void at_load() noexcept {
  try {
    // See own_logger(): this makes spdlog's registry outlive the program's
    // static objects.
    own_logger();
  } catch (...) {
    // Looked up again at the first message.
  }
  resolve_loggers_with(spdlog_writer);
  register_component("spdlog",
                     {{"LoggerHandler", logger_handler_builder}, {"NamedLoggerHandler", named_logger_handler_builder}});
}

const bool loaded = (at_load(), true);

}  // namespace
}  // namespace phanos::detail
