// The state file's format (checkpoint.hpp): what is written is read back
// exactly, and every way a file can be damaged is named.
#include "checkpoint.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace phanos::collector {
namespace {

using prometheus::Distribution;
using prometheus::EnumStates;
using prometheus::IncomingRecord;
using prometheus::InfoValue;
using prometheus::LabelPairs;
using prometheus::MetricNaming;
using prometheus::MetricStore;
using prometheus::MetricType;
using prometheus::Operation;
using prometheus::RejectReason;

IncomingRecord record(MetricType type, const char* units, Operation operation, double number,
                      LabelPairs labels = {{"error_raised", "false"}}) {
  IncomingRecord r;
  r.type = type;
  r.units = units;
  r.job = "app";
  r.item = "S";
  r.method = "S:f";
  r.labels = std::move(labels);
  r.operation = operation;
  r.number = number;
  return r;
}

// A store with a series of every type, values that text would round, and
// label values with the bytes the format must carry (a new line, a space, a colon).
MetricStore every_kind_of_series() {
  MetricStore store({0.5, 1, 2.5}, MetricNaming{});
  store.apply(record(MetricType::histogram, "mS", Operation::observe, 0.1));
  store.apply(record(MetricType::histogram, "mS", Operation::observe, 2));
  store.apply(record(MetricType::histogram, "mS", Operation::observe, 1e9));
  store.apply(record(MetricType::summary, "B", Operation::observe, 1.0 / 3));
  store.apply(record(MetricType::counter, "calls", Operation::inc, 0.1, {{"path", "a b:\n1"}}));
  store.apply(record(MetricType::gauge, "items", Operation::set, -7.25));
  IncomingRecord info = record(MetricType::info, "info", Operation::info, 0);
  info.info = {{"version", "1.2"}, {"", "empty name"}};
  store.apply(info);
  for (const char* state : {"starting", "running", "a state: with\nnew line"}) {
    IncomingRecord e = record(MetricType::enumeration, "enum", Operation::state, 0);
    e.state = state;
    store.apply(e);
  }
  return store;
}

CollectorCounts some_counts() {
  CollectorCounts counts;
  counts.messages = 1234567890123;
  counts.duplicates = 3;
  counts.records = 42;
  counts.dropped_series = 1;
  counts.rejected[RejectReason::not_json] = 2;
  counts.rejected[RejectReason::too_many_metrics] = 5;
  return counts;
}

DuplicateWindow window_of(const std::vector<std::string>& ids) {
  DuplicateWindow window(ids.size());
  for (const std::string& id : ids) window.seen_before(id);
  return window;
}

const std::vector<std::string> some_ids{
    "0123456789abcdef-9", "0123456789abcdef-10", "0123456789abcdef-11", "fedcba9876543210-1", "", "x"};

std::string encoded_example() {
  const MetricStore store = every_kind_of_series();
  const CollectorCounts counts = some_counts();
  const DuplicateWindow window = window_of(some_ids);
  return encode_checkpoint({"phanos queue", store.bucket_bounds(), store.families(), counts, window});
}

std::string error_of(std::string_view bytes) {
  auto decoded = decode_checkpoint(bytes);
  const std::string* error = std::get_if<std::string>(&decoded);
  return error ? *error : "(decoded)";
}

CollectorState decoded(std::string_view bytes) {
  auto result = decode_checkpoint(bytes);
  if (const std::string* error = std::get_if<std::string>(&result)) ADD_FAILURE() << *error;
  return std::get<CollectorState>(std::move(result));
}

TEST(Checkpoint, ReadsBackWhatItWroteExactly) {
  const CollectorState state = decoded(encoded_example());
  EXPECT_EQ(state.queue, "phanos queue");
  EXPECT_EQ(state.bucket_bounds, (std::vector<double>{0.5, 1, 2.5}));
  EXPECT_EQ(state.counts.messages, 1234567890123u);
  EXPECT_EQ(state.counts.duplicates, 3u);
  EXPECT_EQ(state.counts.records, 42u);
  EXPECT_EQ(state.counts.dropped_series, 1u);
  EXPECT_EQ(state.counts.rejected,
            (std::map<RejectReason, std::uint64_t>{{RejectReason::not_json, 2}, {RejectReason::too_many_metrics, 5}}));
  EXPECT_EQ(state.message_ids, some_ids);

  const LabelPairs series{{"job", "app"}, {"item", "S"}, {"method", "S:f"}, {"error_raised", "false"}};
  const auto& histogram = std::get<Distribution>(state.families.at("time_profiler").series.at(series));
  EXPECT_EQ(histogram.bucket_counts, (std::vector<std::uint64_t>{1, 0, 1, 1}));
  EXPECT_EQ(histogram.sum, 0.1 + 2 + 1e9);
  EXPECT_EQ(histogram.count, 3u);
  const auto& summary = std::get<Distribution>(state.families.at("phanos_B_observations").series.at(series));
  EXPECT_TRUE(summary.bucket_counts.empty());
  EXPECT_EQ(summary.sum, 1.0 / 3);
  const LabelPairs counter_series{{"job", "app"}, {"item", "S"}, {"method", "S:f"}, {"path", "a b:\n1"}};
  EXPECT_EQ(std::get<double>(state.families.at("phanos_calls_total").series.at(counter_series)), 0.1);
  EXPECT_EQ(std::get<double>(state.families.at("phanos_items").series.at(series)), -7.25);
  EXPECT_EQ(std::get<InfoValue>(state.families.at("phanos_info").series.at(series)),
            (InfoValue{{"version", "1.2"}, {"_", "empty name"}}));
  const auto& states = std::get<EnumStates>(state.families.at("phanos_state").series.at(series));
  EXPECT_EQ(states.seen, (std::vector<std::string>{"starting", "running", "a state: with\nnew line"}));
  EXPECT_EQ(states.current, "a state: with\nnew line");
  EXPECT_EQ(state.families.at("phanos_state").type, MetricType::enumeration);
  EXPECT_EQ(state.families.at("phanos_state").units, "enum");
  EXPECT_EQ(state.families.size(), 6u);
}

TEST(Checkpoint, WrittenAgainFromWhatWasReadItIsTheSameFile) {
  const std::string first = encoded_example();
  const CollectorState state = decoded(first);
  const DuplicateWindow window = window_of(state.message_ids);
  EXPECT_EQ(encode_checkpoint({state.queue, state.bucket_bounds, state.families, state.counts, window}), first);
}

TEST(Checkpoint, NumbersBeyondTextsPrecisionAndInfinityKeepTheirValue) {
  MetricStore store({1}, MetricNaming{});
  store.apply(record(MetricType::gauge, "a", Operation::set, std::nextafter(0.1, 1.0)));
  store.apply(record(MetricType::gauge, "b", Operation::set, 5e-324));
  store.apply(record(MetricType::counter, "c", Operation::inc, 1.7e308));
  store.apply(record(MetricType::counter, "c", Operation::inc, 1.7e308));  // overflows to +inf
  const CollectorCounts counts;
  const DuplicateWindow none(0);
  const CollectorState state = decoded(encode_checkpoint({"q", store.bucket_bounds(), store.families(), counts, none}));
  const LabelPairs series{{"job", "app"}, {"item", "S"}, {"method", "S:f"}, {"error_raised", "false"}};
  EXPECT_EQ(std::get<double>(state.families.at("phanos_a").series.at(series)), std::nextafter(0.1, 1.0));
  EXPECT_EQ(std::get<double>(state.families.at("phanos_b").series.at(series)), 5e-324);
  EXPECT_EQ(std::get<double>(state.families.at("phanos_c_total").series.at(series)), HUGE_VAL);
  EXPECT_TRUE(state.message_ids.empty());
}

TEST(Checkpoint, AnEmptyFileIsNamedSo) { EXPECT_EQ(error_of(""), "is empty"); }

TEST(Checkpoint, AnotherFileIsNotTakenForAStateFile) {
  EXPECT_EQ(error_of("scrape_configs:\n  - job_name: x\n"),
            "is not a phanos-collector state file (it does not begin with \"phanos-collector-state\")");
}

TEST(Checkpoint, AnotherVersionIsNamed) {
  std::string later = encoded_example();
  later.replace(later.find(" 1\n"), 3, " 2\n");
  EXPECT_EQ(error_of(later), "is version 2; this phanos-collector reads version 1");
}

TEST(Checkpoint, ATruncatedFileIsNamedSoWhereverItWasCut) {
  const std::string whole = encoded_example();
  for (const std::size_t size : {std::size_t{30}, whole.size() / 2, whole.size() - 1, whole.size() - 10}) {
    EXPECT_EQ(error_of(whole.substr(0, size)),
              "is truncated (it does not end with its checksum line; " + std::to_string(size) + " bytes)")
        << size;
  }
}

TEST(Checkpoint, AChangedByteIsCorruption) {
  std::string changed = encoded_example();
  changed[changed.find("phanos_items") + 7] = 'X';
  EXPECT_NE(error_of(changed).find("is corrupt (its checksum says "), std::string::npos) << error_of(changed);
}

// Contents with a good checksum that do not parse: a bug, or a hand edit.
TEST(Checkpoint, ABodyThatDoesNotParseNamesTheByteAndWhatWasExpected) {
  const std::string header = "phanos-collector-state 1\nqueue 1:q\n";  // 35 bytes
  const std::string counts = "buckets 0\ncounts 0 0 0 0\n";            // up to byte 60
  const std::vector<std::pair<std::string, std::string>> cases{
      {header + "buckets 1 1p+0\ncounts 1 2 three 4\n", "at byte 61: expected a count"},
      {"phanos-collector-state 1\nqueue 99:q\n", "at byte 31: expected a string"},
      {header + counts + "rejected 0\nmetrics 1\nmetric 1:x 5:meter 1:u 0\n", "at byte 92: expected a metric type"},
      {header + counts + "rejected 1 4:late 1\n", "at byte 71: expected a reason of rejection"},
      {header + "buckets 99999999999999 0\n", "at byte 43: expected fewer items"},
      {header + counts + "rejected 0\nmetrics 0\nmessage_ids 1\n3 1:x\n",
       "at byte 95: expected at most as many bytes as the id before has"},
  };
  for (auto [contents, expected] : cases) {
    append_checksum(contents);
    EXPECT_EQ(error_of(contents), "is malformed " + expected);
  }
}

}  // namespace
}  // namespace phanos::collector
