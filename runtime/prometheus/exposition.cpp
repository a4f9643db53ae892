#include "exposition.hpp"

#include <limits>

#include "prometheus_text.hpp"

namespace phanos::prometheus {
namespace {

void append_with_suffix(std::string& out, const std::string& name, const char* suffix) {
  const std::string_view ending(suffix);
  out += name;
  if (name.size() < ending.size() || name.compare(name.size() - ending.size(), ending.size(), ending) != 0)
    out += suffix;
}

void append_help_text(std::string& out, const std::string& text) {
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

void append_labels(std::string& out, const LabelPairs& labels, const LabelPairs& more = {}) {
  out += '{';
  bool first = true;
  for (const LabelPairs* list : {&labels, &more}) {
    for (const auto& [name, value] : *list) {
      if (!first) out += ',';
      first = false;
      out += name;
      out += "=\"";
      append_escaped_label_value(out, value);
      out += '"';
    }
  }
  out += '}';
}

void append_sample(std::string& out, const std::string& name, const LabelPairs& labels, double value,
                   const LabelPairs& more = {}) {
  out += name;
  append_labels(out, labels, more);
  out += ' ';
  append_number(out, value);
  out += '\n';
}

const char* prometheus_type(MetricType type) {
  switch (type) {
    case MetricType::histogram:
      return "histogram";
    case MetricType::summary:
      return "summary";
    case MetricType::counter:
      return "counter";
    case MetricType::gauge:
    case MetricType::info:
    case MetricType::enumeration:
      return "gauge";
  }
  return "untyped";
}

// The name the HELP and TYPE lines and the samples use.
std::string sample_name(const std::string& family, MetricType type) {
  std::string name;
  if (type == MetricType::counter) {
    append_with_suffix(name, family, "_total");
  } else if (type == MetricType::info) {
    append_with_suffix(name, family, "_info");
  } else {
    name = family;
  }
  return name;
}

void write_distribution(std::string& out, const std::string& name, const LabelPairs& labels,
                        const Distribution& distribution, const std::vector<double>& bounds) {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < distribution.bucket_counts.size(); ++i) {
    cumulative += distribution.bucket_counts[i];
    const double bound = i < bounds.size() ? bounds[i] : std::numeric_limits<double>::infinity();
    append_sample(out, name + "_bucket", labels, static_cast<double>(cumulative), {{"le", format_number(bound)}});
  }
  append_sample(out, name + "_sum", labels, distribution.sum);
  append_sample(out, name + "_count", labels, static_cast<double>(distribution.count));
}

void write_family(std::string& out, const std::string& family_name, const Family& family,
                  const std::vector<double>& bounds) {
  const std::string name = sample_name(family_name, family.type);
  out += "# HELP " + name + " phanos " + wire_name(family.type) + " records, units: ";
  append_help_text(out, family.units);
  out += "\n# TYPE " + name + " " + prometheus_type(family.type) + "\n";
  for (const auto& [labels, value] : family.series) {
    if (const auto* distribution = std::get_if<Distribution>(&value)) {
      write_distribution(out, name, labels, *distribution, bounds);
    } else if (const auto* number = std::get_if<double>(&value)) {
      append_sample(out, name, labels, *number);
    } else if (const auto* info = std::get_if<InfoValue>(&value)) {
      append_sample(out, name, labels, 1, *info);
    } else if (const auto* states = std::get_if<EnumStates>(&value)) {
      for (const std::string& state : states->seen)
        append_sample(out, name, labels, state == states->current ? 1 : 0, {{name, state}});
    }
  }
}

}  // namespace

void write_exposition(std::string& out, const MetricStore& store) {
  write_exposition(out, store.families(), store.bucket_bounds());
}

void write_exposition(std::string& out, const std::map<std::string, Family>& families,
                      const std::vector<double>& bucket_bounds) {
  for (const auto& [name, family] : families) write_family(out, name, family, bucket_bounds);
}

}  // namespace phanos::prometheus
