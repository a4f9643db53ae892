#pragma once
// The little of HTTP/1.x that serving /metrics and the call-tree page needs: the request line of a
// request head, and a whole response that closes the connection.

#include <string>
#include <string_view>

namespace phanos::prometheus {

struct HttpRequest {
  std::string method;
  std::string path;   // the target without its query string
  std::string query;  // after the '?', still percent-encoded
};

// A response before it is written out.
struct HttpAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
};

enum class HeadState { incomplete, complete, malformed };

// Reads the head received so far: complete once the empty line that ends
// it arrived (CRLF or LF line ends alike).
HeadState parse_request_head(std::string_view received, HttpRequest& request);

// Status line, Content-Type, Content-Length, "Connection: close", then the
// body (left out for a HEAD request: `with_body` false).
std::string http_response(int status, std::string_view content_type, std::string_view body, bool with_body = true);

}  // namespace phanos::prometheus
