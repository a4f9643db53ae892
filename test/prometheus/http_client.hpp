#pragma once
// The tests' side of HTTP over loopback: raw sockets, so that a test can
// also be the slow or broken client the server must survive.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

namespace phanos::prometheus::test {

// A connected socket to 127.0.0.1:port whose reads give up after
// `timeout_seconds` (a broken server fails the test instead of hanging it);
// -1 when it cannot connect.
inline int connect_to(int port, int timeout_seconds = 10) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{timeout_seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

inline void send_text(int fd, const std::string& text) { send(fd, text.data(), text.size(), MSG_NOSIGNAL); }

// Everything until the server closes (or the read times out).
inline std::string read_all(int fd) {
  std::string received;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) received.append(buffer, static_cast<std::size_t>(n));
  return received;
}

// The whole response to `request`, sent on a new connection.
inline std::string ask(int port, const std::string& request) {
  const int fd = connect_to(port);
  if (fd < 0) return "";
  send_text(fd, request);
  std::string response = read_all(fd);
  close(fd);
  return response;
}

inline std::string get(int port, const std::string& path) {
  return ask(port, "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n");
}

// True when the server closed the connection: a read returns end of file
// rather than timing out.
inline bool closed_by_server(int fd) {
  char byte;
  for (;;) {
    const ssize_t n = recv(fd, &byte, 1, 0);
    if (n == 0) return true;
    if (n < 0) return errno == ECONNRESET;
  }
}

}  // namespace phanos::prometheus::test
