#include "phanos/handlers/stream_handler.hpp"

#include <mutex>
#include <stdexcept>

#include "forks.hpp"
#include "phanos/format.hpp"

namespace phanos {
namespace {

// One lock for all stream handlers: several of them usually share std::cout.
std::mutex& stream_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

void detail::lock_stream_output() { stream_mutex().lock(); }
void detail::unlock_stream_output() { stream_mutex().unlock(); }

StreamHandler::StreamHandler(std::string handler_name, std::ostream& output)
    : Handler(std::move(handler_name)), output_(output) {}

StreamHandler::StreamHandler(std::string handler_name, std::shared_ptr<std::ostream> output)
    : Handler(std::move(handler_name)),
      owned_output_(output ? std::move(output) : throw std::invalid_argument("StreamHandler: the stream is null")),
      output_(*owned_output_) {}

void StreamHandler::handle(const std::vector<Record>& records, std::string_view profiler_name) {
  // About a time record's line, to grow the text once or twice at most.
  constexpr std::size_t typical_line_size = 100;
  std::string text;
  text.reserve(records.size() * typical_line_size);
  for (const Record& record : records) {
    append_text(text, record, profiler_name);
    text += '\n';
  }
  std::lock_guard<std::mutex> lock(stream_mutex());
  output_.write(text.data(), static_cast<std::streamsize>(text.size()));
  output_.flush();
}

}  // namespace phanos
