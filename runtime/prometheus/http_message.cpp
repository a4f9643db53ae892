#include "http_message.hpp"

namespace phanos::prometheus {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 431:
      return "Request Header Fields Too Large";
  }
  return "Error";
}

}  // namespace

HeadState parse_request_head(std::string_view received, HttpRequest& request) {
  if (received.find("\r\n\r\n") == std::string_view::npos && received.find("\n\n") == std::string_view::npos)
    return HeadState::incomplete;
  const std::string_view line = received.substr(0, received.find_first_of("\r\n"));
  const auto first_space = line.find(' ');
  const auto second_space = line.find(' ', first_space == std::string_view::npos ? 0 : first_space + 1);
  if (first_space == 0 || first_space == std::string_view::npos || second_space == std::string_view::npos ||
      line.compare(second_space + 1, 5, "HTTP/") != 0)
    return HeadState::malformed;
  request.method = std::string(line.substr(0, first_space));
  const std::string_view target = line.substr(first_space + 1, second_space - first_space - 1);
  const auto question_mark = target.find('?');
  request.path = std::string(target.substr(0, question_mark));
  request.query = question_mark == std::string_view::npos ? "" : std::string(target.substr(question_mark + 1));
  return HeadState::complete;
}

std::string http_response(int status, std::string_view content_type, std::string_view body, bool with_body) {
  std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
                         "\r\nContent-Type: " + std::string(content_type) +
                         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  if (with_body) response += body;
  return response;
}

}  // namespace phanos::prometheus
