// Ingest: messages in, /metrics text out, with the collector's own counts.
#include <gtest/gtest.h>

#include "ingest.hpp"

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

namespace phanos::collector {
namespace {

using prometheus::MetricNaming;
using prometheus::StoreLimits;

const char* const gauge_message =
    R"([{"item":"S","metric":"gauge","units":"items","job":"app","method":"S:f","labels":{"error_raised":false},"value":["set",3.0]}])";

class IngestTest : public ::testing::Test {
 protected:
  Ingest make(StoreLimits limits = {}) {
    return Ingest(MetricStore({1}, MetricNaming{}, limits), RecordLimits{}, broker);
  }
  BrokerStatus broker;
};

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST_F(IngestTest, AggregatesMessagesAndCountsThem) {
  Ingest ingest = make();
  ingest.ingest(gauge_message);
  ingest.ingest(gauge_message);
  const std::string text = ingest.render();
  EXPECT_TRUE(has_line(text, R"(phanos_items{job="app",item="S",method="S:f",error_raised="false"} 3)")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_messages_total 2")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_records_total 2")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_series 1")) << text;
  EXPECT_TRUE(has_line(text, R"(phanos_collector_rejected_total{reason="not_json"} 0)")) << text;
}

TEST_F(IngestTest, MalformedInputIsCountedByReason) {
  Ingest ingest = make();
  ingest.ingest("garbage");
  ingest.ingest("{}");
  ingest.ingest(
      R"([{"metric":"gauge"},{"item":"S","metric":"meter","units":"u","job":"j","method":"m","labels":{},"value":["set",1]}])");
  ingest.ingest(std::string(5 << 20, ' '));
  const std::string text = ingest.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_messages_total 4")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_records_total 0")) << text;
  for (const char* reason : {"not_json", "not_a_list", "wrong_shape", "unknown_metric_type", "too_large"})
    EXPECT_TRUE(has_line(text, std::string("phanos_collector_rejected_total{reason=\"") + reason + "\"} 1"))
        << reason << "\n"
        << text;
}

TEST_F(IngestTest, DroppedSeriesAreCounted) {
  StoreLimits limits;
  limits.max_series_per_metric = 1;
  Ingest ingest = make(limits);
  ingest.ingest(gauge_message);
  ingest.ingest(
      R"([{"item":"S","metric":"gauge","units":"items","job":"app","method":"S:g","labels":{},"value":["set",1]}])");
  const std::string text = ingest.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_dropped_series_total 1")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_records_total 1")) << text;
}

TEST_F(IngestTest, RestoredFromACheckpointItGoesOnFromTheCountsAndTheIdsSeen) {
  Ingest before(MetricStore({1}, MetricNaming{}), RecordLimits{}, broker, /*dedup_window=*/10);
  before.ingest(gauge_message, "p-1");
  before.ingest(gauge_message, "p-1");
  before.ingest("garbage", "p-2");
  auto state = decode_checkpoint(before.checkpoint("q"));
  ASSERT_TRUE(std::holds_alternative<CollectorState>(state)) << std::get<std::string>(state);

  Ingest after(MetricStore({1}, MetricNaming{}), RecordLimits{}, broker, /*dedup_window=*/10);
  EXPECT_EQ(after.restore(std::get<CollectorState>(std::move(state))), std::nullopt);
  EXPECT_EQ(after.render(), before.render());
  after.ingest(gauge_message, "p-1");  // delivered again after a restart: dropped
  after.ingest(gauge_message, "p-3");
  const std::string text = after.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_messages_total 5")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_duplicates_total 2")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_records_total 2")) << text;
  EXPECT_TRUE(has_line(text, R"(phanos_collector_rejected_total{reason="not_json"} 1)")) << text;
}

TEST_F(IngestTest, ASmallerWindowKeepsTheNewestIdsOfACheckpoint) {
  Ingest before(MetricStore({1}, MetricNaming{}), RecordLimits{}, broker, /*dedup_window=*/10);
  before.ingest(gauge_message, "p-1");
  before.ingest(gauge_message, "p-2");
  Ingest after(MetricStore({1}, MetricNaming{}), RecordLimits{}, broker, /*dedup_window=*/1);
  EXPECT_EQ(after.restore(std::get<CollectorState>(decode_checkpoint(before.checkpoint("q")))), std::nullopt);
  after.ingest(gauge_message, "p-2");
  after.ingest(gauge_message, "p-1");
  EXPECT_TRUE(has_line(after.render(), "phanos_collector_duplicates_total 1"));
}

TEST_F(IngestTest, ACheckpointOfOtherBucketsIsRefusedAndChangesNothing) {
  Ingest before(MetricStore({1, 2}, MetricNaming{}), RecordLimits{}, broker);
  before.ingest(gauge_message);
  Ingest after = make();
  const std::string empty = after.render();
  EXPECT_EQ(after.restore(std::get<CollectorState>(decode_checkpoint(before.checkpoint("q")))),
            "histogram bucket bounds 1,2, not 1");
  EXPECT_EQ(after.render(), empty);
}

TEST_F(IngestTest, WithACheckpointSavedMetricsShowsWhatItHolds) {
  Ingest ingest = make();
  ingest.ingest(gauge_message);
  const std::string one_message = ingest.render();
  ingest.checkpoint_saved(ingest.checkpoint("q"));
  ingest.ingest(gauge_message);  // not on the disk yet: a restart would not have it
  broker.connected = true;
  std::string text = ingest.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_messages_total 1")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_series 1")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_broker_connected 1")) << text;  // live
  EXPECT_EQ(text.substr(0, text.find("phanos_collector_broker_connected")),
            one_message.substr(0, one_message.find("phanos_collector_broker_connected")));
  broker.connected = false;  // the same checkpoint, shown again: the broker's state is still live
  EXPECT_TRUE(has_line(ingest.render(), "phanos_collector_broker_connected 0"));
  ingest.checkpoint_saved(ingest.checkpoint("q"));
  text = ingest.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_messages_total 2")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_records_total 2")) << text;
}

TEST_F(IngestTest, ReportsTheBrokerConnection) {
  Ingest ingest = make();
  EXPECT_TRUE(has_line(ingest.render(), "phanos_collector_broker_connected 0"));
  broker.connected = true;
  broker.connections = 2;
  const std::string text = ingest.render();
  EXPECT_TRUE(has_line(text, "phanos_collector_broker_connected 1")) << text;
  EXPECT_TRUE(has_line(text, "phanos_collector_broker_connections_total 2")) << text;
}

// The AMQP thread ingests while HTTP threads render (run under TSan too).
TEST_F(IngestTest, ScrapesWhileMessagesArriveSeeWholeMessages) {
  Ingest ingest = make();
  const std::string record = std::string(gauge_message).substr(1, std::string(gauge_message).size() - 2);
  const std::string message = "[" + record + "," + record + "]";
  std::atomic<bool> done{false};
  std::thread consumer([&] {
    for (int i = 0; i < 500; ++i) {
      ingest.ingest(message);
      broker.connected = i % 2 == 0;
    }
    done = true;
  });
  int scrapes = 0;
  while (!done || scrapes == 0) {
    const std::string text = ingest.render();
    // Both records of a message are counted under one lock: never an odd total.
    const std::string sample = "\nphanos_collector_records_total ";
    const auto at = text.find(sample);
    EXPECT_NE(at, std::string::npos);
    if (at != std::string::npos) EXPECT_EQ(std::stol(text.substr(at + sample.size())) % 2, 0) << text;
    ++scrapes;
  }
  consumer.join();
  EXPECT_TRUE(has_line(ingest.render(), "phanos_collector_records_total 1000"));
}

TEST_F(IngestTest, TheCallTreeWhileMessagesArriveSeesWholeMessages) {
  Ingest ingest = make();
  // A call and its child in one message, as a root's records are handed over together.
  const std::string message =
      R"([{"item":"S","metric":"histogram","units":"mS","job":"app","method":"S:f.g","labels":{},"value":["observe",0.5]},)"
      R"({"item":"S","metric":"histogram","units":"mS","job":"app","method":"S:f","labels":{},"value":["observe",2.0]}])";
  std::atomic<bool> done{false};
  std::thread consumer([&] {
    for (int i = 0; i < 300; ++i) ingest.ingest(message);
    done = true;
  });
  int answers = 0;
  while (!done || answers == 0) {
    const prometheus::HttpAnswer answer = ingest.tree("job=app");
    if (answer.status == 404) continue;  // no record aggregated yet
    EXPECT_EQ(answer.status, 200) << answer.body;
    if (answer.status != 200) break;  // (not ASSERT: the consumer must be joined)
    const auto root = nlohmann::json::parse(answer.body)["roots"].at(0);
    EXPECT_EQ(root["count"], root["children"].at(0)["count"]) << "a call's count equals its child's: " << answer.body;
    ++answers;
  }
  consumer.join();
  EXPECT_EQ(nlohmann::json::parse(ingest.tree("").body)["roots"].at(0)["count"], 300);
}

}  // namespace
}  // namespace phanos::collector
