// Expected bytes are copied from test/reference/python/rabbitmq_messages.json
// (raw_body) and metrics.records.json, or printed by Python's
// json.dumps(separators=(",", ":"), ensure_ascii=False).

#include <gtest/gtest.h>

#include <limits>

#include "phanos/phanos.hpp"

namespace phanos {
namespace {

TEST(ToJson, GaugeMessageMatchesPythonBytes) {
  const Record record{"DummyDbAccess",
                      "gauge",
                      "items",
                      "EXAMPLE",
                      "DummyDbAccess:second_access",
                      {{"queue", "jobs"}, {"error_raised", "false"}},
                      "set",
                      3.0};
  EXPECT_EQ(to_json({record}),
            R"([{"item":"DummyDbAccess","metric":"gauge","units":"items","job":"EXAMPLE",)"
            R"("method":"DummyDbAccess:second_access","labels":{"queue":"jobs","error_raised":false},)"
            R"("value":["set",3.0]}])");
}

TEST(ToJson, SeveralRecordsFormOneArray) {
  const Record child{
      "Service", "histogram", "mS", "EXAMPLE", "Service:handler.failing_child", {{"error_raised", "true"}},
      "observe", 0.02};
  const Record root{"Service", "histogram", "mS", "EXAMPLE", "Service:handler", {{"error_raised", "true"}},
                    "observe", 1.0};
  EXPECT_EQ(to_json({child, root}),
            R"([{"item":"Service","metric":"histogram","units":"mS","job":"EXAMPLE",)"
            R"("method":"Service:handler.failing_child","labels":{"error_raised":true},"value":["observe",0.02]},)"
            R"({"item":"Service","metric":"histogram","units":"mS","job":"EXAMPLE",)"
            R"("method":"Service:handler","labels":{"error_raised":true},"value":["observe",1.0]}])");
}

TEST(ToJson, InfoAndEnumValues) {
  const Record info{"Api",     "info", "info", "EXAMPLE",
                    "Api:get", {},     "info", Labels{{"version", "1.2.3"}, {"commit", "abc"}}};
  EXPECT_EQ(to_json({info}), R"([{"item":"Api","metric":"info","units":"info","job":"EXAMPLE","method":"Api:get",)"
                             R"("labels":{},"value":["info",{"version":"1.2.3","commit":"abc"}]}])");
  const Record state{"Api", "enum", "enum", "EXAMPLE", "Api:get", {}, "state", std::string("up")};
  EXPECT_EQ(to_json({state}), R"([{"item":"Api","metric":"enum","units":"enum","job":"EXAMPLE","method":"Api:get",)"
                              R"("labels":{},"value":["state","up"]}])");
}

TEST(ToJson, EscapesStringsLikePython) {
  const Record record{"I", "histogram", "u", "J", "q\"b\\n\nt\tc\x01\x1f\xc4\x8d\x7f\b\f\r", {}, "observe", 1.0};
  EXPECT_EQ(to_json({record}),
            "[{\"item\":\"I\",\"metric\":\"histogram\",\"units\":\"u\",\"job\":\"J\","
            "\"method\":\"q\\\"b\\\\n\\nt\\tc\\u0001\\u001f\xc4\x8d\x7f\\b\\f\\r\","
            "\"labels\":{},\"value\":[\"observe\",1.0]}]");
}

// Text is scanned 8 bytes at a time: each escaped character, at every
// position of a long string, is found and escaped alone.
TEST(ToJson, EscapesACharacterAtAnyPositionOfALongString) {
  const std::pair<char, std::string> escapes[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\x01', "\\u0001"}, {'\x1f', "\\u001f"}};
  for (const auto& [special, escaped] : escapes) {
    for (std::size_t position = 0; position < 20; ++position) {
      std::string method(20, 'm');
      method[position] = special;
      const Record record{"", "gauge", "", "", method, {}, "set", 1.0};
      const std::string expected_method = std::string(position, 'm') + escaped + std::string(19 - position, 'm');
      EXPECT_EQ(to_json({record}), R"([{"item":"","metric":"gauge","units":"","job":"","method":")" + expected_method +
                                       R"(","labels":{},"value":["set",1.0]}])");
    }
  }
  // Bytes 0x20 and above, UTF-8 included, go out as they are.
  const Record plain{"", "gauge", "", "", " ~\x7f\xc4\x8d\xff#[]{}", {}, "set", 1.0};
  EXPECT_NE(to_json({plain}).find(" ~\x7f\xc4\x8d\xff#[]{}"), std::string::npos);
}

// Python phanos sends orjson.dumps(records): orjson's float layout, not repr().
TEST(ToJson, NumbersAsOrjsonWritesThem) {
  const auto value_of = [](double value) {
    const std::string json = to_json({Record{"", "gauge", "", "", "", {}, "set", value}});
    const std::size_t start = json.find("[\"set\",") + 7;
    return json.substr(start, json.size() - start - 3);
  };
  EXPECT_EQ(value_of(0.25), "0.25");
  EXPECT_EQ(value_of(1024.0), "1024.0");
  EXPECT_EQ(value_of(-0.0), "-0.0");
  EXPECT_EQ(value_of(1e15), "1000000000000000.0");
  EXPECT_EQ(value_of(1e16), "1e16");
  EXPECT_EQ(value_of(1.234e16), "1.234e16");
  EXPECT_EQ(value_of(1e100), "1e100");
  EXPECT_EQ(value_of(0.00001), "0.00001");
  EXPECT_EQ(value_of(0.0000123), "0.0000123");
  EXPECT_EQ(value_of(0.000001), "1e-6");
  EXPECT_EQ(value_of(1.5e-7), "1.5e-7");
  EXPECT_EQ(value_of(5e-324), "5e-324");
  EXPECT_EQ(value_of(-1.7976931348623157e308), "-1.7976931348623157e308");
  EXPECT_EQ(value_of(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(value_of(-std::numeric_limits<double>::infinity()), "null");
}

TEST(ToJson, UserLabelValuedTrueStaysAString) {
  const Record record{"", "gauge", "", "", "", {{"flag", "true"}}, "set", 1.0};
  EXPECT_NE(to_json({record}).find(R"("labels":{"flag":"true"})"), std::string::npos);
}

TEST(ToJson, NoRecordsIsAnEmptyArray) { EXPECT_EQ(to_json({}), "[]"); }

}  // namespace
}  // namespace phanos
