#include "state_file.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <variant>

#include "durable_file.hpp"
#include "escaped_for_log.hpp"

namespace phanos::collector {

std::optional<std::string> StateFile::load_into(Ingest& ingest) const {
  const std::string file = "state file \"" + detail::escaped_for_log(path_) + "\"";
  const auto contents = read_whole_file(path_);
  if (std::holds_alternative<NoFile>(contents)) {
    spdlog::info("no {} yet: the counts start from zero", file);
    return std::nullopt;
  }
  if (const auto* failure = std::get_if<ReadFailure>(&contents)) return failure->problem;
  auto decoded = decode_checkpoint(std::get<std::string>(contents));
  if (const auto* problem = std::get_if<std::string>(&decoded)) return file + " " + *problem;
  CollectorState& state = std::get<CollectorState>(decoded);
  if (state.queue != queue_)
    return file + " holds the counts of queue '" + detail::escaped_for_log(state.queue) + "', not of --queue '" +
           detail::escaped_for_log(queue_) + "'";
  const std::uint64_t messages = state.counts.messages;
  if (auto problem = ingest.restore(std::move(state)))
    return file + " does not fit this collector's --buckets, --metric-name or --max-series: it holds " + *problem;
  spdlog::info("{}: going on from the counts of {} messages", file, messages);
  return std::nullopt;
}

bool StateFile::save(Ingest& ingest) {
  std::string checkpoint = ingest.checkpoint(queue_);
  if (const auto failed = write_durably(path_, checkpoint)) {
    log_.warn("state file", "no checkpoint, nothing acknowledged: " + *failed);
    return false;
  }
  ingest.checkpoint_saved(std::move(checkpoint));
  return true;
}

}  // namespace phanos::collector
