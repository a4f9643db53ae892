#include "record_parser.hpp"

#include <simdjson.h>

#include <cmath>
#include <optional>
#include <string>
#include <tuple>

#include "escaped_for_log.hpp"

namespace phanos::collector {
namespace {

namespace dom = simdjson::dom;

// A record that cannot be used: why, and what to log.
struct Invalid {
  RejectReason reason;
  std::string detail;
};

// The fields of a record object that the collector reads. A key given twice
// counts with its last value, as with any JSON object read into a map.
struct RecordFields {
  std::optional<dom::element> metric, units, job, item, method, labels, value;

  explicit RecordFields(dom::object object) {
    for (const dom::key_value_pair field : object) {
      if (std::optional<dom::element>* slot = slot_of(field.key)) *slot = field.value;
    }
  }

 private:
  std::optional<dom::element>* slot_of(std::string_view key) {
    if (key == "metric") return &metric;
    if (key == "units") return &units;
    if (key == "job") return &job;
    if (key == "item") return &item;
    if (key == "method") return &method;
    if (key == "labels") return &labels;
    if (key == "value") return &value;
    return nullptr;
  }
};

class RecordReader {
 public:
  explicit RecordReader(const RecordLimits& limits) : limits_(limits) {}

  // Fills `record` from `element`, or says why it cannot.
  std::optional<Invalid> read(dom::element element, IncomingRecord& record) const {
    if (!element.is_object()) return Invalid{RejectReason::wrong_shape, "a record is not a JSON object"};
    const RecordFields fields(element.get_object().value_unsafe());
    std::string type_name;
    if (auto invalid = text_field(fields.metric, "metric", type_name)) return invalid;
    const std::optional<MetricType> type = prometheus::metric_type_named(type_name);
    if (!type)
      return Invalid{RejectReason::unknown_metric_type,
                     "unknown metric type \"" + detail::escaped_for_log(type_name) + "\""};
    record.type = *type;
    for (auto [key, field, out] :
         {std::tuple{"units", &fields.units, &record.units}, std::tuple{"job", &fields.job, &record.job},
          std::tuple{"item", &fields.item, &record.item}, std::tuple{"method", &fields.method, &record.method}}) {
      if (auto invalid = text_field(*field, key, *out)) return invalid;
    }
    if (!fields.labels || !fields.labels->is_object())
      return Invalid{RejectReason::wrong_shape, "\"labels\" is missing or not an object"};
    if (auto invalid = read_labels(fields.labels->get_object().value_unsafe(), "labels", /*booleans=*/true,
                                   RejectReason::wrong_shape, record.labels))
      return invalid;
    return read_value(fields.value, record);
  }

 private:
  std::optional<Invalid> text(std::string_view value, const char* what) const {
    if (value.size() > limits_.max_text_bytes)
      return Invalid{RejectReason::too_large,
                     std::string(what) + " longer than " + std::to_string(limits_.max_text_bytes) + " bytes"};
    return std::nullopt;
  }

  std::optional<Invalid> text_field(const std::optional<dom::element>& field, const char* key, std::string& out) const {
    if (!field || !field->is_string())
      return Invalid{RejectReason::wrong_shape, std::string("\"") + key + "\" is missing or not a string"};
    const std::string_view value = field->get_string().value_unsafe();
    if (auto invalid = text(value, key)) return invalid;
    out.assign(value);
    return std::nullopt;
  }

  // Label values are strings; only error_raised (`booleans`) is a JSON bool.
  // Anything else is `not_text`. A name given twice keeps its first place and
  // its last value.
  std::optional<Invalid> read_labels(dom::object object, const char* what, bool booleans, RejectReason not_text,
                                     LabelPairs& out) const {
    for (const dom::key_value_pair label : object) {
      if (auto invalid = text(label.key, "a label name")) return invalid;
      std::string_view value;
      if (label.value.is_string()) {
        value = label.value.get_string().value_unsafe();
        if (auto invalid = text(value, "a label value")) return invalid;
      } else if (booleans && label.value.is_bool()) {
        value = label.value.get_bool().value_unsafe() ? "true" : "false";
      } else {
        return Invalid{not_text,
                       std::string(what) + ": \"" + detail::escaped_for_log(label.key) + "\" is not a string"};
      }
      put_label(out, label.key, value);
      if (out.size() > limits_.max_labels)
        return Invalid{RejectReason::too_large,
                       std::string(what) + ": more than " + std::to_string(limits_.max_labels) + " entries"};
    }
    return std::nullopt;
  }

  static void put_label(LabelPairs& labels, std::string_view name, std::string_view value) {
    for (auto& [existing, existing_value] : labels) {
      if (existing == name) {
        existing_value.assign(value);
        return;
      }
    }
    labels.emplace_back(name, value);
  }

  std::optional<Invalid> read_value(const std::optional<dom::element>& field, IncomingRecord& record) const {
    dom::array pair;
    if (!field || field->get_array().get(pair) != simdjson::SUCCESS || pair.size() != 2 || !pair.at(0).is_string())
      return Invalid{RejectReason::wrong_shape, "\"value\" is not [operation, value]"};
    const std::string_view operation = pair.at(0).get_string().value_unsafe();
    const dom::element argument = pair.at(1).value_unsafe();
    const auto bad = [&](const std::string& why) {
      return Invalid{RejectReason::bad_value, std::string(prometheus::wire_name(record.type)) + " \"" +
                                                  detail::escaped_for_log(operation) + "\": " + why};
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
        return read_labels(argument.get_object().value_unsafe(), "the info value", /*booleans=*/false,
                           RejectReason::bad_value, record.info);
      case MetricType::enumeration:
        if (operation != "state") return bad("not an operation of this type");
        if (!argument.is_string()) return bad("the value is not a string");
        record.operation = Operation::state;
        record.state.assign(argument.get_string().value_unsafe());
        return text(record.state, "the state");
    }
    return bad("unknown type");
  }

  template <class Bad>
  static std::optional<Invalid> number(dom::element argument, IncomingRecord& record, const Bad& bad) {
    // Integers too (is_number: int64, uint64 or double), as JSON has one number type.
    if (!argument.is_number()) return bad("the value is not a number");
    record.number = argument.get_double().value_unsafe();
    if (!std::isfinite(record.number)) return bad("the value is not finite");
    return std::nullopt;
  }

  template <class Bad>
  static std::optional<Invalid> non_negative(dom::element argument, IncomingRecord& record, const Bad& bad) {
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
    result.rejections.push_back(
        {RejectReason::too_large,
         "a message of " + std::to_string(body.size()) + " bytes, over " + std::to_string(limits.max_message_bytes)});
    return result;
  }
  // One parser per thread, its buffers reused from message to message. It
  // validates the whole body (UTF-8 included) before anything is read.
  thread_local dom::parser parser;
  dom::element message;
  if (parser.parse(body.data(), body.size()).get(message) != simdjson::SUCCESS) {
    result.rejections.push_back({RejectReason::not_json, "a message that is not JSON"});
    return result;
  }
  dom::array records;
  if (message.get_array().get(records) != simdjson::SUCCESS) {
    result.rejections.push_back({RejectReason::not_a_list, "a message that is not a JSON array of records"});
    return result;
  }
  const RecordReader reader(limits);
  result.records.reserve(records.size());
  for (const dom::element element : records) {
    IncomingRecord record;
    if (auto invalid = reader.read(element, record)) {
      result.rejections.push_back({invalid->reason, std::move(invalid->detail)});
    } else {
      result.records.push_back(std::move(record));
    }
  }
  return result;
}

}  // namespace phanos::collector
