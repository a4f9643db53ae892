// parse_message: the wire format of the wire format, docs/collector.md in, typed records or reasons out.
#include <gtest/gtest.h>

#include "record_parser.hpp"

namespace phanos::collector {
namespace {

std::string record(const std::string& metric, const std::string& value, const std::string& labels = "{}") {
  return R"({"item":"Service","metric":")" + metric + R"(","units":"u","job":"app","method":"Service:handler",)" +
         R"("labels":)" + labels + R"(,"value":)" + value + "}";
}

Rejection only_rejection(const std::string& body, const RecordLimits& limits = {}) {
  const ParsedMessage parsed = parse_message(body, limits);
  EXPECT_TRUE(parsed.records.empty()) << body;
  EXPECT_EQ(parsed.rejections.size(), 1u) << body;
  return parsed.rejections.empty() ? Rejection{RejectReason::not_json, ""} : parsed.rejections.front();
}

TEST(RecordParser, ReadsPythonsHistogramRecord) {
  const ParsedMessage parsed =
      parse_message(R"([{"item":"DummyDbAccess","metric":"histogram","units":"mS","job":"EXAMPLE",)"
                    R"("method":"DummyDbAccess:second_access.first_access","labels":{"queue":"q","error_raised":true},)"
                    R"("value":["observe",0.25]}])");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_TRUE(parsed.rejections.empty());
  const IncomingRecord& r = parsed.records[0];
  EXPECT_EQ(r.type, MetricType::histogram);
  EXPECT_EQ(r.units, "mS");
  EXPECT_EQ(r.job, "EXAMPLE");
  EXPECT_EQ(r.item, "DummyDbAccess");
  EXPECT_EQ(r.method, "DummyDbAccess:second_access.first_access");
  EXPECT_EQ(r.labels, (LabelPairs{{"queue", "q"}, {"error_raised", "true"}}));
  EXPECT_EQ(r.operation, Operation::observe);
  EXPECT_DOUBLE_EQ(r.number, 0.25);
}

TEST(RecordParser, ReadsEveryTypesOperations) {
  const ParsedMessage parsed = parse_message(
      "[" + record("summary", R"(["observe",3])") + "," + record("counter", R"(["inc",2.0])") + "," +
      record("gauge", R"(["inc",1])") + "," + record("gauge", R"(["dec",1])") + "," +
      record("gauge", R"(["set",-7.5])") + "," + record("info", R"(["info",{"version":"1.2","commit":"abc"}])") + "," +
      record("enum", R"(["state","up"])") + "]");
  ASSERT_EQ(parsed.records.size(), 7u);
  EXPECT_TRUE(parsed.rejections.empty());
  EXPECT_EQ(parsed.records[0].type, MetricType::summary);
  EXPECT_EQ(parsed.records[1].operation, Operation::inc);
  EXPECT_EQ(parsed.records[3].operation, Operation::dec);
  EXPECT_EQ(parsed.records[4].operation, Operation::set);
  EXPECT_DOUBLE_EQ(parsed.records[4].number, -7.5);
  EXPECT_EQ(parsed.records[5].info, (LabelPairs{{"version", "1.2"}, {"commit", "abc"}}));
  EXPECT_EQ(parsed.records[6].type, MetricType::enumeration);
  EXPECT_EQ(parsed.records[6].state, "up");
  EXPECT_TRUE(parse_message("[]").records.empty());
}

TEST(RecordParser, RejectsWholeMessagesThatAreNotAListOfRecords) {
  EXPECT_EQ(only_rejection("not json").reason, RejectReason::not_json);
  EXPECT_EQ(only_rejection("[{\"item\":").reason, RejectReason::not_json);
  EXPECT_EQ(only_rejection("").reason, RejectReason::not_json);
  EXPECT_EQ(only_rejection(record("gauge", R"(["set",1])")).reason, RejectReason::not_a_list);
  EXPECT_EQ(only_rejection("42").reason, RejectReason::not_a_list);
}

TEST(RecordParser, RejectsAnythingAfterTheJsonValue) {
  const std::string valid = "[" + record("gauge", R"(["set",1])") + "]";
  EXPECT_EQ(parse_message(valid).records.size(), 1u);
  EXPECT_EQ(only_rejection(valid + " x").reason, RejectReason::not_json);
  EXPECT_EQ(only_rejection(valid + std::string(1, '\0') + "]").reason, RejectReason::not_json);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",123456789012345678901234567890])") + "]").reason,
            RejectReason::not_json);
}

TEST(RecordParser, AKeyGivenTwiceCountsWithItsLastValueInItsFirstPlace) {
  const ParsedMessage parsed =
      parse_message("[" + record("gauge", R"(["set",1])", R"({"a":"1","b":"2","a":"3"})") + "]");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].labels, (LabelPairs{{"a", "3"}, {"b", "2"}}));
  const ParsedMessage job_twice = parse_message(R"([{"item":"I","metric":"gauge","units":"u","job":"first",)"
                                                R"("method":"I:f","labels":{},"value":["set",1],"job":"last"}])");
  ASSERT_EQ(job_twice.records.size(), 1u);
  EXPECT_EQ(job_twice.records[0].job, "last");
}

TEST(RecordParser, RejectsRecordsOfTheWrongShape) {
  EXPECT_EQ(only_rejection("[1]").reason, RejectReason::wrong_shape);
  EXPECT_EQ(only_rejection(R"([{"metric":"gauge"}])").reason, RejectReason::wrong_shape);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",1])", "[]") + "]").reason, RejectReason::wrong_shape);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",1])", R"({"n":1})") + "]").reason,
            RejectReason::wrong_shape);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set"])") + "]").reason, RejectReason::wrong_shape);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"({"set":1})") + "]").reason, RejectReason::wrong_shape);
  const std::string no_job =
      R"([{"item":"I","metric":"gauge","units":"u","method":"I:f","labels":{},"value":["set",1]}])";
  EXPECT_EQ(only_rejection(no_job).reason, RejectReason::wrong_shape);
}

TEST(RecordParser, RejectsUnknownMetricTypes) {
  const Rejection rejection = only_rejection("[" + record("histogramm", R"(["observe",1])") + "]");
  EXPECT_EQ(rejection.reason, RejectReason::unknown_metric_type);
  EXPECT_NE(rejection.detail.find("histogramm"), std::string::npos);
}

TEST(RecordParser, RejectsValuesTheTypeRefuses) {
  for (const auto& [metric, value] :
       std::vector<std::pair<std::string, std::string>>{{"histogram", R"(["inc",1])"},
                                                        {"histogram", R"(["observe","1"])"},
                                                        {"counter", R"(["inc",-1])"},
                                                        {"counter", R"(["set",1])"},
                                                        {"gauge", R"(["dec",-2])"},
                                                        {"gauge", R"(["observe",2])"},
                                                        {"info", R"(["info","1.2"])"},
                                                        {"info", R"(["info",{"version":1}])"},
                                                        {"enum", R"(["state",1])"},
                                                        {"enum", R"(["set","up"])"}}) {
    EXPECT_EQ(only_rejection("[" + record(metric, value) + "]").reason, RejectReason::bad_value)
        << metric << " " << value;
  }
}

TEST(RecordParser, RejectsWhatIsOverTheLimits) {
  RecordLimits limits;
  limits.max_message_bytes = 200;
  limits.max_labels = 2;
  limits.max_text_bytes = 10;
  EXPECT_EQ(only_rejection("[" + std::string(300, ' ') + "]", limits).reason, RejectReason::too_large);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",1])", R"({"a":"1","b":"2","c":"3"})") + "]", limits).reason,
            RejectReason::too_large);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",1])", R"({"a":"12345678901"})") + "]", limits).reason,
            RejectReason::too_large);
  EXPECT_EQ(only_rejection("[" + record("gauge", R"(["set",1])", R"({"12345678901":"a"})") + "]", limits).reason,
            RejectReason::too_large);
}

TEST(RecordParser, KeepsTheValidRecordsOfAMessageWithInvalidOnes) {
  const ParsedMessage parsed =
      parse_message("[" + record("gauge", R"(["set",1])") + ",17," + record("wat", R"(["set",1])") + "," +
                    record("counter", R"(["inc",1])") + "]");
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].type, MetricType::gauge);
  EXPECT_EQ(parsed.records[1].type, MetricType::counter);
  ASSERT_EQ(parsed.rejections.size(), 2u);
  EXPECT_EQ(parsed.rejections[0].reason, RejectReason::wrong_shape);
  EXPECT_EQ(parsed.rejections[1].reason, RejectReason::unknown_metric_type);
}

TEST(RecordParser, SurvivesDeepNesting) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const ParsedMessage parsed = parse_message(deep);
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.rejections.size(), 1u);
}

}  // namespace
}  // namespace phanos::collector
