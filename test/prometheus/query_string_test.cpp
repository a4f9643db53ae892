// parse_query(): the parameters of /api/tree's query string.
#include <gtest/gtest.h>

#include "query_string.hpp"

namespace phanos::prometheus {
namespace {

using Parameters = std::map<std::string, std::string>;

TEST(QueryString, DecodesPercentEscapesAndPlusAsBrowsersEncodeThem) {
  EXPECT_EQ(parse_query("job=my%20job%2Fa&window=5m"), (Parameters{{"job", "my job/a"}, {"window", "5m"}}));
  EXPECT_EQ(parse_query("job=a+b"), (Parameters{{"job", "a b"}}));
}

TEST(QueryString, EmptyPartsNamesWithoutValuesAndRepeatsAreTolerated) {
  EXPECT_EQ(parse_query(""), Parameters{});
  EXPECT_EQ(parse_query("&&flag&job=a&job=b"), (Parameters{{"flag", ""}, {"job", "a"}}));
}

TEST(QueryString, ABrokenEscapeIsKeptAsItIs) { EXPECT_EQ(parse_query("job=%zz%4"), (Parameters{{"job", "%zz%4"}})); }

}  // namespace
}  // namespace phanos::prometheus
