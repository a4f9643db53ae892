// Loading the plugin changes nothing in a translation unit without
// annotations: the object files are byte for byte the same.
// RUN: %plain_cxx -O2 -c %s -o %t.plain.o
// RUN: %phanos_cxx -O2 -c %s -o %t.plugin.o
// RUN: cmp %t.plain.o %t.plugin.o
// RUN: %plain_cxx -O0 -g -c %s -o %t.plain.g.o
// RUN: %phanos_cxx -O0 -g -c %s -o %t.plugin.g.o
// RUN: cmp %t.plain.g.o %t.plugin.g.o

#include <phanos/phanos.hpp>

#include <map>
#include <string>
#include <vector>

template <class T>
T sum(const std::vector<T>& values) {
  T total{};
  for (const T& v : values) total += v;
  return total;
}

struct Index {
  std::map<std::string, int> words;
  int add(const std::string& w) { return ++words[w]; }
  auto count() const { return words.size(); }
};

int use() {
  Index index;
  index.add("a");
  return sum(std::vector<int>{1, 2, 3}) + static_cast<int>(index.count());
}
