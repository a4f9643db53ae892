// The request heads the server reads and the responses it writes.

#include <gtest/gtest.h>

#include "http_message.hpp"

namespace phanos::prometheus {
namespace {

TEST(HttpMessage, AHeadIsCompleteAtItsEmptyLine) {
  HttpRequest request;
  EXPECT_EQ(parse_request_head("GET /metrics HTTP/1.1\r\nHost: a\r\n", request), HeadState::incomplete);
  EXPECT_EQ(parse_request_head("GET /metrics?q=1 HTTP/1.1\r\nHost: a\r\n\r\n", request), HeadState::complete);
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.path, "/metrics");
  EXPECT_EQ(request.query, "q=1");
  EXPECT_EQ(parse_request_head("HEAD / HTTP/1.0\n\n", request), HeadState::complete);
  EXPECT_EQ(request.method, "HEAD");
  EXPECT_EQ(request.query, "");
}

TEST(HttpMessage, ARequestLineWithoutMethodTargetAndVersionIsMalformed) {
  HttpRequest request;
  for (const char* head : {"GET\r\n\r\n", " /metrics HTTP/1.1\r\n\r\n", "GET /metrics\r\n\r\n", "GET / FTP\r\n\r\n"}) {
    EXPECT_EQ(parse_request_head(head, request), HeadState::malformed) << head;
  }
}

TEST(HttpMessage, AResponseSaysItsLengthAndClosesTheConnection) {
  EXPECT_EQ(
      http_response(404, "text/plain", "gone\n"),
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\ngone\n");
  EXPECT_EQ(http_response(200, "text/plain", "body", /*with_body=*/false),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\n");
}

}  // namespace
}  // namespace phanos::prometheus
