#include "checkpoint.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

#include "escaped_for_log.hpp"

namespace phanos::collector {
namespace {

using prometheus::Distribution;
using prometheus::EnumStates;
using prometheus::Family;
using prometheus::InfoValue;
using prometheus::LabelPairs;
using prometheus::MetricType;
using prometheus::SeriesValue;

constexpr std::string_view magic = "phanos-collector-state";
constexpr std::uint64_t version = 1;
constexpr std::string_view checksum_keyword = "checksum ";
constexpr std::size_t checksum_digits = 16;

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  std::string out(checksum_digits, '0');
  for (std::size_t i = checksum_digits; i-- > 0; value >>= 4) out[i] = "0123456789abcdef"[value & 0xf];
  return out;
}

// Items separated by a space, a line ended by '\n'.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  Writer& word(std::string_view word) { return item(word); }
  Writer& count(std::uint64_t value) { return item(std::to_string(value)); }
  Writer& number(double value) {
    char buffer[64];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::hex);
    return item(std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer)));
  }
  Writer& text(std::string_view value) {
    separate();
    out_ += std::to_string(value.size());
    out_ += ':';
    out_ += value;
    return *this;
  }
  Writer& pairs(const LabelPairs& labels) {
    count(labels.size());
    for (const auto& [name, value] : labels) text(name).text(value);
    return *this;
  }
  void end_line() {
    out_ += '\n';
    line_started_ = false;
  }

 private:
  Writer& item(std::string_view value) {
    separate();
    out_ += value;
    return *this;
  }
  void separate() {
    if (line_started_) out_ += ' ';
    line_started_ = true;
  }

  std::string& out_;
  bool line_started_ = false;
};

void write_value(Writer& writer, const SeriesValue& value) {
  if (const auto* distribution = std::get_if<Distribution>(&value)) {
    writer.count(distribution->bucket_counts.size());
    for (const std::uint64_t count : distribution->bucket_counts) writer.count(count);
    writer.number(distribution->sum).count(distribution->count);
  } else if (const auto* number = std::get_if<double>(&value)) {
    writer.number(*number);
  } else if (const auto* info = std::get_if<InfoValue>(&value)) {
    writer.pairs(*info);
  } else {
    const auto& states = std::get<EnumStates>(value);
    writer.count(states.seen.size());
    for (const std::string& state : states.seen) writer.text(state);
    writer.text(states.current);
  }
}

std::size_t shared_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Thrown inside decode_checkpoint only, caught there.
struct Malformed {
  std::size_t at;
  std::string expected;
};

// Reads what Writer wrote; anything else is Malformed at its byte.
class Reader {
 public:
  explicit Reader(std::string_view body) : body_(body) {}

  void word(std::string_view expected) {
    if (token() != expected) fail("\"" + std::string(expected) + "\"");
  }
  std::uint64_t count() {
    const std::string_view digits = token();
    std::uint64_t value = 0;
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size()) fail("a count");
    return value;
  }
  // A count of items to come, each at least `item_bytes` long: bounded by
  // what is left, so that a wrong one cannot make us reserve terabytes.
  std::size_t items(std::size_t item_bytes) {
    const std::uint64_t n = count();
    if (n > (body_.size() - position_) / item_bytes + 1) fail("fewer items");
    return static_cast<std::size_t>(n);
  }
  double number() {
    const std::string_view digits = token();
    double value = 0;
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::hex);
    if (digits.empty() || parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size()) fail("a number");
    return value;
  }
  std::string text() {
    item_start_ = position_;
    const std::size_t colon = body_.find(':', position_);
    if (colon == std::string_view::npos) fail("a string");
    std::uint64_t length = 0;
    const auto parsed = std::from_chars(body_.data() + position_, body_.data() + colon, length);
    if (colon == position_ || parsed.ptr != body_.data() + colon || length > body_.size() - colon - 1) fail("a string");
    position_ = colon + 1 + length;
    std::string value(body_.substr(colon + 1, length));
    separator();
    return value;
  }
  LabelPairs pairs() {
    LabelPairs labels(items(4));
    for (auto& [name, value] : labels) {
      name = text();
      value = text();
    }
    return labels;
  }
  void end() const {
    if (position_ != body_.size()) throw Malformed{position_, "the checksum"};
  }
  // At the item read last.
  [[noreturn]] void fail(std::string expected) const { throw Malformed{item_start_, std::move(expected)}; }

 private:
  std::string_view token() {
    item_start_ = position_;
    const std::size_t end = body_.find_first_of(" \n", position_);
    if (end == std::string_view::npos) fail("an item ended by a space or a new line");
    const std::string_view token = body_.substr(position_, end - position_);
    position_ = end + 1;
    return token;
  }
  void separator() {
    if (position_ >= body_.size() || (body_[position_] != ' ' && body_[position_] != '\n'))
      fail("a space or a new line");
    ++position_;
  }

  std::string_view body_;
  std::size_t position_ = 0;
  std::size_t item_start_ = 0;
};

SeriesValue read_value(Reader& reader, MetricType type) {
  switch (type) {
    case MetricType::histogram:
    case MetricType::summary: {
      Distribution distribution;
      distribution.bucket_counts.resize(reader.items(2));
      for (std::uint64_t& count : distribution.bucket_counts) count = reader.count();
      distribution.sum = reader.number();
      distribution.count = reader.count();
      return distribution;
    }
    case MetricType::counter:
    case MetricType::gauge:
      return reader.number();
    case MetricType::info:
      return reader.pairs();
    case MetricType::enumeration: {
      EnumStates states;
      states.seen.resize(reader.items(3));
      for (std::string& state : states.seen) state = reader.text();
      states.current = reader.text();
      return states;
    }
  }
  reader.fail("a known metric type");
}

MetricType read_type(Reader& reader) {
  const std::string name = reader.text();
  const std::optional<MetricType> type = prometheus::metric_type_named(name);
  if (!type) reader.fail("a metric type");
  return *type;
}

prometheus::RejectReason read_reason(Reader& reader) {
  const std::string name = reader.text();
  for (const prometheus::RejectReason reason : prometheus::all_reject_reasons)
    if (name == to_string(reason)) return reason;
  reader.fail("a reason of rejection");
}

CollectorState read_body(Reader& reader) {
  CollectorState state;
  reader.word("queue");
  state.queue = reader.text();
  reader.word("buckets");
  state.bucket_bounds.resize(reader.items(2));
  for (double& bound : state.bucket_bounds) bound = reader.number();
  reader.word("counts");
  CollectorCounts& counts = state.counts;
  for (std::uint64_t* count : {&counts.messages, &counts.duplicates, &counts.records, &counts.dropped_series})
    *count = reader.count();
  reader.word("rejected");
  for (std::size_t n = reader.items(4); n > 0; --n) {
    const prometheus::RejectReason reason = read_reason(reader);
    counts.rejected[reason] = reader.count();
  }
  reader.word("metrics");
  for (std::size_t n = reader.items(8); n > 0; --n) {
    reader.word("metric");
    std::string name = reader.text();
    Family family{read_type(reader), reader.text(), {}};
    for (std::size_t series = reader.items(2); series > 0; --series) {
      LabelPairs labels = reader.pairs();
      SeriesValue value = read_value(reader, family.type);
      if (!family.series.emplace(std::move(labels), std::move(value)).second) reader.fail("another series");
    }
    if (!state.families.emplace(std::move(name), std::move(family)).second) reader.fail("another metric");
  }
  reader.word("message_ids");
  state.message_ids.resize(reader.items(3));
  const std::string* previous = nullptr;
  for (std::string& id : state.message_ids) {
    const std::uint64_t shared = reader.count();
    if (shared > (previous ? previous->size() : 0)) reader.fail("at most as many bytes as the id before has");
    id = previous ? previous->substr(0, shared) : std::string();
    id += reader.text();
    previous = &id;
  }
  reader.end();
  return state;
}

}  // namespace

std::string encode_checkpoint(const CheckpointSource& source) {
  std::string out;
  Writer writer(out);
  writer.word(magic).count(version).end_line();
  writer.word("queue").text(source.queue).end_line();
  writer.word("buckets").count(source.bucket_bounds.size());
  for (const double bound : source.bucket_bounds) writer.number(bound);
  writer.end_line();
  const CollectorCounts& counts = source.counts;
  writer.word("counts").count(counts.messages).count(counts.duplicates).count(counts.records);
  writer.count(counts.dropped_series).end_line();
  writer.word("rejected").count(counts.rejected.size());
  for (const auto& [reason, count] : counts.rejected) writer.text(to_string(reason)).count(count);
  writer.end_line();
  writer.word("metrics").count(source.families.size()).end_line();
  for (const auto& [name, family] : source.families) {
    writer.word("metric").text(name).text(prometheus::wire_name(family.type)).text(family.units);
    writer.count(family.series.size()).end_line();
    for (const auto& [labels, value] : family.series) {
      writer.pairs(labels);
      write_value(writer, value);
      writer.end_line();
    }
  }
  writer.word("message_ids").count(source.received.size()).end_line();
  std::string_view previous;
  source.received.for_each_oldest_first([&](std::string_view id) {
    const std::size_t shared = shared_prefix(previous, id);
    writer.count(shared).text(id.substr(shared)).end_line();
    previous = id;
  });
  append_checksum(out);
  return out;
}

void append_checksum(std::string& contents) {
  const std::string checksum = hex16(fnv1a(contents));
  contents += checksum_keyword;
  contents += checksum;
  contents += '\n';
}

std::variant<CollectorState, std::string> decode_checkpoint(std::string_view bytes) {
  if (bytes.empty()) return std::string("is empty");
  if (bytes.substr(0, magic.size() + 1) != std::string(magic) + " ")
    return "is not a phanos-collector state file (it does not begin with \"" + std::string(magic) + "\")";
  const std::size_t first_line_end = bytes.find('\n');
  const std::string_view version_text =
      bytes.substr(magic.size() + 1, first_line_end == std::string_view::npos ? 20 : first_line_end - magic.size() - 1);
  if (version_text != std::to_string(version))
    return "is version " + detail::escaped_for_log(version_text) + "; this phanos-collector reads version " +
           std::to_string(version);
  const std::size_t checksum_line = checksum_keyword.size() + checksum_digits + 1;
  if (bytes.size() < checksum_line || bytes.back() != '\n' ||
      bytes.substr(bytes.size() - checksum_line, checksum_keyword.size()) != checksum_keyword ||
      (bytes.size() > checksum_line && bytes[bytes.size() - checksum_line - 1] != '\n'))
    return "is truncated (it does not end with its checksum line; " + std::to_string(bytes.size()) + " bytes)";
  const std::string_view contents = bytes.substr(0, bytes.size() - checksum_line);
  const std::string_view saved = bytes.substr(bytes.size() - checksum_digits - 1, checksum_digits);
  const std::string computed = hex16(fnv1a(contents));
  if (saved != computed)
    return "is corrupt (its checksum says " + detail::escaped_for_log(saved) + ", its contents make " + computed + ")";
  Reader reader(contents.substr(first_line_end + 1));
  try {
    return read_body(reader);
  } catch (const Malformed& malformed) {
    return "is malformed at byte " + std::to_string(first_line_end + 1 + malformed.at) + ": expected " +
           malformed.expected;
  }
}

}  // namespace phanos::collector
