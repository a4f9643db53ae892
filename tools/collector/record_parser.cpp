#include "record_parser.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "escaped_for_log.hpp"

namespace phanos::collector {
namespace {

// Ordered: labels keep the order they were given in (error_raised last).
using json = nlohmann::ordered_json;

// A record that cannot be used: why, and what to log.
struct Invalid {
  RejectReason reason;
  std::string detail;
};

class RecordReader {
 public:
  explicit RecordReader(const RecordLimits& limits) : limits_(limits) {}

  // Fills `record` from `object`, or says why it cannot.
  std::optional<Invalid> read(const json& object, IncomingRecord& record) const {
    if (!object.is_object()) return Invalid{RejectReason::wrong_shape, "a record is not a JSON object"};
    std::string type_name;
    if (auto invalid = text_field(object, "metric", type_name)) return invalid;
    const std::optional<MetricType> type = prometheus::metric_type_named(type_name);
    if (!type) return Invalid{RejectReason::unknown_metric_type, "unknown metric type \"" + detail::escaped_for_log(type_name) + "\""};
    record.type = *type;
    for (auto [key, field] : {std::pair{"units", &record.units}, std::pair{"job", &record.job},
                              std::pair{"item", &record.item}, std::pair{"method", &record.method}}) {
      if (auto invalid = text_field(object, key, *field)) return invalid;
    }
    const auto labels = object.find("labels");
    if (labels == object.end() || !labels->is_object())
      return Invalid{RejectReason::wrong_shape, "\"labels\" is missing or not an object"};
    if (auto invalid = read_labels(*labels, "labels", /*booleans=*/true, RejectReason::wrong_shape, record.labels))
      return invalid;
    return read_value(object, record);
  }

 private:
  std::optional<Invalid> text(const std::string& value, const char* what) const {
    if (value.size() > limits_.max_text_bytes)
      return Invalid{RejectReason::too_large, std::string(what) + " longer than " +
                                                  std::to_string(limits_.max_text_bytes) + " bytes"};
    return std::nullopt;
  }

  std::optional<Invalid> text_field(const json& object, const char* key, std::string& out) const {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
      return Invalid{RejectReason::wrong_shape, std::string("\"") + key + "\" is missing or not a string"};
    out = found->get<std::string>();
    return text(out, key);
  }

  // Label values are strings; only error_raised (`booleans`) is a JSON bool.
  // Anything else is `not_text`.
  std::optional<Invalid> read_labels(const json& object, const char* what, bool booleans, RejectReason not_text,
                                     LabelPairs& out) const {
    if (object.size() > limits_.max_labels)
      return Invalid{RejectReason::too_large, std::string(what) + ": more than " +
                                                  std::to_string(limits_.max_labels) + " entries"};
    for (const auto& [name, value] : object.items()) {
      if (auto invalid = text(name, "a label name")) return invalid;
      if (value.is_string()) {
        out.emplace_back(name, value.get<std::string>());
        if (auto invalid = text(out.back().second, "a label value")) return invalid;
      } else if (booleans && value.is_boolean()) {
        out.emplace_back(name, value.get<bool>() ? "true" : "false");
      } else {
        return Invalid{not_text, std::string(what) + ": \"" + detail::escaped_for_log(name) + "\" is not a string"};
      }
    }
    return std::nullopt;
  }

  std::optional<Invalid> read_value(const json& object, IncomingRecord& record) const {
    const auto value = object.find("value");
    if (value == object.end() || !value->is_array() || value->size() != 2 || !(*value)[0].is_string())
      return Invalid{RejectReason::wrong_shape, "\"value\" is not [operation, value]"};
    const std::string operation = (*value)[0].get<std::string>();
    const json& argument = (*value)[1];
    const auto bad = [&](const std::string& why) {
      return Invalid{RejectReason::bad_value, std::string(prometheus::wire_name(record.type)) + " \"" + detail::escaped_for_log(operation) + "\": " + why};
    };
    switch (record.type) {
      case MetricType::histogram:
      case MetricType::summary:
        if (operation != "observe") return bad("not an operation of this type");
        record.operation = Operation::observe;
        return number(argument, record, bad);
      case MetricType::counter:
        if (operation != "inc") return bad("not an operation of this type");
        record.operation = Operation::inc;
        return non_negative(argument, record, bad);
      case MetricType::gauge:
        if (operation == "set") {
          record.operation = Operation::set;
          return number(argument, record, bad);
        }
        if (operation != "inc" && operation != "dec") return bad("not an operation of this type");
        record.operation = operation == "inc" ? Operation::inc : Operation::dec;
        return non_negative(argument, record, bad);
      case MetricType::info:
        if (operation != "info") return bad("not an operation of this type");
        if (!argument.is_object()) return bad("the value is not an object");
        record.operation = Operation::info;
        return read_labels(argument, "the info value", /*booleans=*/false, RejectReason::bad_value, record.info);
      case MetricType::enumeration:
        if (operation != "state") return bad("not an operation of this type");
        if (!argument.is_string()) return bad("the value is not a string");
        record.operation = Operation::state;
        record.state = argument.get<std::string>();
        return text(record.state, "the state");
    }
    return bad("unknown type");
  }

  template <class Bad>
  static std::optional<Invalid> number(const json& argument, IncomingRecord& record, const Bad& bad) {
    if (!argument.is_number()) return bad("the value is not a number");
    record.number = argument.get<double>();
    if (!std::isfinite(record.number)) return bad("the value is not finite");
    return std::nullopt;
  }

  template <class Bad>
  static std::optional<Invalid> non_negative(const json& argument, IncomingRecord& record, const Bad& bad) {
    if (auto invalid = number(argument, record, bad)) return invalid;
    if (record.number < 0) return bad("the value is negative");
    return std::nullopt;
  }

  const RecordLimits& limits_;
};

}  // namespace

ParsedMessage parse_message(std::string_view body, const RecordLimits& limits) {
  ParsedMessage result;
  if (body.size() > limits.max_message_bytes) {
    result.rejections.push_back({RejectReason::too_large, "a message of " + std::to_string(body.size()) +
                                                              " bytes, over " +
                                                              std::to_string(limits.max_message_bytes)});
    return result;
  }
  const json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    result.rejections.push_back({RejectReason::not_json, "a message that is not JSON"});
    return result;
  }
  if (!message.is_array()) {
    result.rejections.push_back({RejectReason::not_a_list, "a message that is not a JSON array of records"});
    return result;
  }
  const RecordReader reader(limits);
  result.records.reserve(message.size());
  for (const json& object : message) {
    IncomingRecord record;
    if (auto invalid = reader.read(object, record)) {
      result.rejections.push_back({invalid->reason, std::move(invalid->detail)});
    } else {
      result.records.push_back(std::move(record));
    }
  }
  return result;
}

}  // namespace phanos::collector
