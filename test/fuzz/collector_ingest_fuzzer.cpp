// libFuzzer target: phanos-collector's ingest of arbitrary message bodies.
// Whatever arrives must neither crash the collector nor break its output:
// the input is ingested twice (new series, then updates) into a store with
// small caps, and every line of the rendered /metrics must still be a
// comment or a sample, "name{labels} value" (an unescaped newline or quote
// in a label value would break that).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest.hpp"

namespace {

using namespace phanos::collector;
using namespace phanos::prometheus;

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }

// A sample line: a name, optionally {...} with quoted values, a space, a value.
bool is_sample(std::string_view line) {
  std::size_t i = 0;
  if (line.empty() || !is_name_start(line[0])) return false;
  while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
  if (i < line.size() && line[i] == '{') {
    bool quoted = false;
    for (++i; i < line.size(); ++i) {
      if (quoted && line[i] == '\\') {
        ++i;
      } else if (line[i] == '"') {
        quoted = !quoted;
      } else if (!quoted && line[i] == '}') {
        break;
      }
    }
    if (i == line.size()) return false;
    ++i;
  }
  return i + 1 < line.size() && line[i] == ' ' && line.find(' ', i + 1) == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static BrokerStatus broker;
  StoreLimits limits;
  limits.max_series_per_metric = 16;
  limits.max_metrics = 8;
  Ingest ingest(MetricStore({1, 10}, MetricNaming{}, limits), RecordLimits{}, broker);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  ingest.ingest(body);
  ingest.ingest(body);
  const std::string text = ingest.render();
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) std::abort();  // every line ends with a newline
    const std::string_view line(text.data() + start, end - start);
    if (line.rfind("# HELP ", 0) != 0 && line.rfind("# TYPE ", 0) != 0 && !is_sample(line)) std::abort();
    start = end + 1;
  }
  return 0;
}
